import { describe, expect, it } from 'vitest';
import { foldPersian } from './fold-persian';
import { readPercent, readTypedDate } from './typed-numbers';

describe('numbers and dates as a Persian user types them', () => {
  it('reads a percentage in Persian, Arabic-Indic or ASCII digits, with or without ٪', () => {
    expect(readPercent('۸۰')).toEqual({ ok: true, value: 80 });
    expect(readPercent('٨٠٪')).toEqual({ ok: true, value: 80 });
    expect(readPercent(' 100 ')).toEqual({ ok: true, value: 100 });
    expect(readPercent('')).toEqual({ ok: true, value: null });
  });

  it('refuses words, fractions and numbers over 100 with a Persian message without Latin digits', () => {
    for (const typed of ['هشتاد', '۱۰۱', '۸۰.۵', '-۵']) {
      const read = readPercent(typed);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).not.toMatch(/[0-9]/);
    }
  });

  it('reads a Jalali date with any digits and separators, padded, for the API', () => {
    expect(readTypedDate('۱۴۰۰/٠٥/٠١')).toEqual({ ok: true, value: '1400/05/01' });
    expect(readTypedDate('1399-11-5')).toEqual({ ok: true, value: '1399/11/05' });
    expect(readTypedDate('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible months and days, with one Persian example', () => {
    for (const typed of ['۱۴۰۰/۱۳/۰۱', '۱۴۰۰/۰۷/۳۱', '۱۴۰۰/۰۱/۰۰', 'فردا', '۱۴۰۰']) {
      const read = readTypedDate(typed, 'مهلت');
      expect(read.ok, typed).toBe(false);
      if (!read.ok) expect(read.error).toBe('مهلت را به شکل سال/ماه/روز شمسی بنویسید، مانند ۱۳۹۹/۱۱/۱۵.');
    }
  });
});

describe('foldPersian', () => {
  it('matches Arabic ي/ك, ZWNJ, spaces or none, and hamza forms', () => {
    expect(foldPersian('اردبيل')).toBe(foldPersian('اردبیل'));
    expect(foldPersian('كرمانشاه')).toBe(foldPersian('کرمانشاه'));
    expect(foldPersian('فنی و حرفه ای')).toBe(foldPersian('فنی و حرفه‌ای'));
    expect(foldPersian('حرفهای')).toBe(foldPersian('حرفه‌ای'));
    expect(foldPersian('آذربایجان')).toBe(foldPersian('اذربایجان'));
  });
});
