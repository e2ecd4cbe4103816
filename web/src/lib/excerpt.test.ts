import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt';

describe('excerpt', () => {
  it('keeps the first words and marks the cut', () => {
    expect(excerpt('استان‌ها موظفند ظرف دو هفته گزارش دهند', 3)).toBe('استان‌ها موظفند ظرف…');
  });

  it('keeps a text that is short enough whole, without a mark', () => {
    expect(excerpt('دو هفته', 2)).toBe('دو هفته');
  });
});
