import { describe, expect, it } from 'vitest';
import { formatJalaliDate, formatJalaliDateWithWeekday } from './jalali-date';
import { countOf, formatMediaTime, toPersianDigits } from './persian-digits';

describe('formatJalaliDate', () => {
  it('shows the seed webinar day as 1 Bahman 1399 in Persian digits', () => {
    const text = formatJalaliDate('2021-01-20');
    expect(text).toContain('بهمن');
    expect(text).toContain('۱۳۹۹');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('puts Nowruz 1400 on 21 March 2021', () => {
    expect(formatJalaliDate('2021-03-21')).toMatch(/^۱ فروردین ۱۴۰۰$/);
  });

  it('names the weekday (20 January 2021 was a Wednesday)', () => {
    expect(formatJalaliDateWithWeekday('2021-01-20')).toMatch(/^چهارشنبه /);
  });

  it('shows what is not an ISO date as given', () => {
    expect(formatJalaliDate('1399-13-40x')).toBe('۱۳۹۹-۱۳-۴۰x');
  });
});

describe('Persian digits', () => {
  it('replaces ASCII digits only', () => {
    expect(toPersianDigits('ماده 27 و سال 1400')).toBe('ماده ۲۷ و سال ۱۴۰۰');
    expect(countOf(5, 'رهنمود')).toBe('۵ رهنمود');
  });

  it('writes media offsets as m:ss or h:mm:ss', () => {
    expect(formatMediaTime(83_000)).toBe('۱:۲۳');
    expect(formatMediaTime(3_723_000)).toBe('۱:۰۲:۰۳');
  });
});
