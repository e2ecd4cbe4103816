import { describe, expect, it } from 'vitest';
import { addDays, addJalaliMonths, addWorkingDays, formatJalali, jalaliForPeople, jalaliMonthNumber, parseDate, weekdayFromName, weekdayName } from './jalali';

describe('Jalali dates', () => {
  it('parses Jalali and ISO session dates to ISO', () => {
    expect(parseDate('1399-11-01')).toBe('2021-01-20');
    expect(parseDate('۱۳۹۹/۱۱/۰۱')).toBe('2021-01-20');
    expect(parseDate('2021-01-20')).toBe('2021-01-20');
    expect(parseDate('1399-13-01')).toBeNull();
    expect(parseDate('2021-02-30')).toBeNull();
  });
  it('adds days and Jalali months', () => {
    expect(addDays('2021-01-20', 14)).toBe('2021-02-03');
    expect(addJalaliMonths('2021-01-20', 3)).toBe('2021-04-21');
    expect(formatJalali(addJalaliMonths('2021-01-20', 3))).toBe('1400-02-01');
    // 31 Shahrivar + 1 month: Mehr has 30 days.
    expect(formatJalali(addJalaliMonths(parseDate('1400-06-31') ?? '', 1))).toBe('1400-07-30');
  });
  it('counts working days without Fridays', () => {
    // Wednesday 20 Jan 2021 + 10 working days passes two Fridays.
    expect(addWorkingDays('2021-01-20', 10)).toBe('2021-02-01');
    expect(addWorkingDays('2021-01-21', 1)).toBe('2021-01-23');
  });
  it('names months and weekdays', () => {
    expect(jalaliMonthNumber('آبان')).toBe(8);
    expect(jalaliMonthNumber('امرداد')).toBe(5);
    expect(weekdayName('2021-01-20')).toBe('چهارشنبه');
    expect(weekdayFromName('سه شنبه')).toBe(2);
  });
});

describe('jalaliForPeople', () => {
  it('shows a date in Jalali with Persian digits', () => {
    expect(jalaliForPeople('2021-02-13')).toBe('۱۳۹۹/۱۱/۲۵');
    expect(jalaliForPeople('3798-12-31')).toMatch(/^۳۱۷۷\//);
  });

  it('shows a date past the calendar converter (a typo such as 9999) as typed, instead of throwing', () => {
    expect(jalaliForPeople('9999-12-31')).toBe('۹۹۹۹/۱۲/۳۱');
    expect(jalaliForPeople('0001-01-01')).toBe('۰۰۰۱/۰۱/۰۱');
  });
});
