import { describe, expect, it } from 'vitest';
import { jalaliOfIso, monthGrid, parseTypedDate, shiftMonth } from './jalali-calendar';

describe('the Jalali date picker', () => {
  it('reads a Jalali date typed with Persian, Arabic-Indic or ASCII digits into ISO', () => {
    expect(parseTypedDate('۱۳۹۹/۱۱/۰۱')).toBe('2021-01-20');
    expect(parseTypedDate('١٣٩٩-١١-١')).toBe('2021-01-20');
    expect(parseTypedDate(' 1400.01.01 ')).toBe('2021-03-21');
    expect(parseTypedDate('2021-01-20')).toBe('2021-01-20');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['۱۳۹۹/۱۳/۰۱', '1399/12/31', '2021-02-30', 'دیروز', '']) expect(parseTypedDate(bad), bad).toBeNull();
    // Past jalaali-js's years: not read (it threw, uncaught, from the date field's change handler).
    for (const far of ['۹۹۹۹/۰۱/۰۱', '5000-06-15']) expect(parseTypedDate(far), far).toBeNull();
    expect(jalaliOfIso('9999-12-31')).toBeNull();
    // 1399 was a leap year in the Jalali calendar: Esfand had 30 days.
    expect(parseTypedDate('1399/12/30')).toBe('2021-03-20');
  });

  it('lays a month out in weeks starting on Saturday', () => {
    const weeks = monthGrid(1399, 11);
    // 1 Bahman 1399 (20 January 2021) was a Wednesday: the fifth column.
    expect(weeks[0]?.slice(0, 4)).toEqual([null, null, null, null]);
    expect(weeks[0]?.[4]).toEqual({ day: 1, iso: '2021-01-20' });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });

  it('moves between months across the year', () => {
    expect(shiftMonth(1399, 12, 1)).toEqual({ jy: 1400, jm: 1 });
    expect(shiftMonth(1400, 1, -1)).toEqual({ jy: 1399, jm: 12 });
    expect(jalaliOfIso('2021-03-21')).toEqual({ jy: 1400, jm: 1, jd: 1 });
  });
});
