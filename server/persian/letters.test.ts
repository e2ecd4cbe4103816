import { describe, expect, it } from 'vitest';
import { persianLetters } from './letters';

describe('persianLetters', () => {
  it('folds Arabic yeh, alef maksura and kaf to Persian and leaves the rest as typed', () => {
    expect(persianLetters('حسين فيروزي، املاك، مصطفى')).toBe('حسین فیروزی، املاک، مصطفی');
    expect(persianLetters('نشست‌های ۱۴۰۰ (دوم)')).toBe('نشست‌های ۱۴۰۰ (دوم)');
  });
});
