import { describe, expect, it } from 'vitest';
import { looksLikeDate } from './jalali-input';
import { countOf, toAsciiDigits, toPersianDigits } from './persian-digits';

describe('digits typed and shown', () => {
  it('reads Persian and Arabic-Indic digits a person typed as ASCII, leaving other characters', () => {
    expect(toAsciiDigits('۱۳۹۹/۱۱/٠١')).toBe('1399/11/01');
    expect(toAsciiDigits('۸۰٪')).toBe('80٪');
  });

  it('shows ASCII digits as Persian ones', () => {
    expect(toPersianDigits('صفحه 2 از 10')).toBe('صفحه ۲ از ۱۰');
  });

  it('groups a count by thousands with the Persian separator', () => {
    expect(countOf(5, 'رهنمود')).toBe('۵ رهنمود');
    expect(countOf(49800, 'اصلاح')).toBe('۴۹٬۸۰۰ اصلاح');
    expect(countOf(1234567, 'سطر')).toBe('۱٬۲۳۴٬۵۶۷ سطر');
  });

  it('takes a typed Jalali date in any digits as a date, and a word as not one', () => {
    expect(looksLikeDate(' ۱۳۹۹/۱۱/۰۱ ')).toBe(true);
    expect(looksLikeDate('١٣٩٩-١١-١٥')).toBe(true);
    expect(looksLikeDate('فردا')).toBe(false);
  });
});
