import { describe, expect, it } from 'vitest';
import { CARDINAL_PATTERN, DAY_PATTERN, parsePersianNumber, toAsciiDigits } from './numbers';

describe('parsePersianNumber', () => {
  it('reads digits in Persian, Arabic and ASCII script', () => {
    expect(parsePersianNumber('۳')).toBe(3);
    expect(parsePersianNumber('٢٧')).toBe(27);
    expect(parsePersianNumber('1400')).toBe(1400);
    expect(toAsciiDigits('۱۳۹۹/۱۱/۰۱')).toBe('1399/11/01');
  });
  it('reads number words, compounds with «و» and hundreds', () => {
    expect(parsePersianNumber('ده')).toBe(10);
    expect(parsePersianNumber('پانزده')).toBe(15);
    expect(parsePersianNumber('بیست و پنج')).toBe(25);
    expect(parsePersianNumber('نود')).toBe(90);
    expect(parsePersianNumber('صد')).toBe(100);
    expect(parsePersianNumber('هزار و چهارصد')).toBe(1400);
  });
  it('reads ordinals, regular and irregular', () => {
    expect(parsePersianNumber('دهم')).toBe(10);
    expect(parsePersianNumber('سی‌ام')).toBe(30);
    expect(parsePersianNumber('سی ام')).toBe(30);
    expect(parsePersianNumber('سوم')).toBe(3);
    expect(parsePersianNumber('بیست و یکم')).toBe(21);
  });
  it('returns null for words that are not numbers', () => {
    expect(parsePersianNumber('سهم')).toBeNull();
    expect(parsePersianNumber('استان')).toBeNull();
  });
  it('finds numbers inside text with the exported patterns', () => {
    expect(new RegExp(`(${CARDINAL_PATTERN}) روز`, 'u').exec('ظرف بیست و پنج روز')?.[1]).toBe('بیست و پنج');
    expect(new RegExp(`تا (${DAY_PATTERN}) تیر`, 'u').exec('تا دهم تیر')?.[1]).toBe('دهم');
  });
});
