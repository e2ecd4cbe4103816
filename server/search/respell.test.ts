import { describe, expect, it } from 'vitest';
import { respellAsTyped } from './respell';

describe('respellAsTyped', () => {
  it('replaces only the respelt word, keeping digits, ZWNJ, letters and punctuation as typed', () => {
    expect(respellAsTyped('بودجه ۱۴۰۰ مازات', ['بودجه', '1400', 'مازات'], 'بودجه 1400 مازاد')).toBe('بودجه ۱۴۰۰ مازاد');
    expect(respellAsTyped('می‌تواند مازات', ['میتواند', 'مازات'], 'میتواند مازاد')).toBe('می‌تواند مازاد');
    expect(respellAsTyped('«مازات»؟ فيروزي', ['مازات', 'فیروزی'], 'مازاد فیروزی')).toBe('«مازاد»؟ فيروزي');
  });

  it('gives the suggestion as it came when the tokens do not line up', () => {
    expect(respellAsTyped('مازات', ['مازات', 'دیگر'], 'مازاد دیگر')).toBe('مازاد دیگر');
    expect(respellAsTyped('بودجه', ['مازات'], 'مازاد')).toBe('مازاد');
  });
});
