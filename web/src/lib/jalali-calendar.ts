/**
 * @module The Jalali date picker's arithmetic: a typed date (Jalali or ISO, Persian, Arabic-Indic or
 * ASCII digits) read into an ISO date, and a month laid out as weeks that start on Saturday. The API
 * gets ISO dates; people see Jalali ones.
 */
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { toAsciiDigits } from './persian-digits';

export const JALALI_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'] as const;
/** The Iranian week, Saturday first (its initials head the picker's columns). */
export const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date of a Jalali day. */
export function isoOfJalali(jy: number, jm: number, jd: number): string {
  const g = toGregorian(jy, jm, jd);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** Gregorian years jalaali-js converts whole (Jalali −61…3177); it throws outside them (9999 typed by slip). */
const CONVERTIBLE_YEARS = { from: 561, to: 3798 } as const;

/** The Jalali year, month and day of an ISO date; null when it is not one (or is past the calendar's years). */
export function jalaliOfIso(iso: string): { jy: number; jm: number; jd: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < CONVERTIBLE_YEARS.from || y > CONVERTIBLE_YEARS.to) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return toJalaali(y, mo, d);
}

/**
 * A date as a person typed it, as ISO; null when it is not a real date. Years before 1700 are
 * Jalali; any of / - . separate the parts; digits in any script.
 *
 * @example
 * parseTypedDate('۱۳۹۹/۱۱/۱') // '2021-01-20'
 * parseTypedDate('2021-01-20') // '2021-01-20'
 * parseTypedDate('۱۳۹۹/۱۳/۰۱') // null
 */
export function parseTypedDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(toAsciiDigits(text.trim()));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1700) return isValidJalaaliDate(y, mo, d) ? isoOfJalali(y, mo, d) : null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return jalaliOfIso(iso) ? iso : null;
}

export interface CalendarDay {
  day: number;
  iso: string;
}

/**
 * A Jalali month as weeks of seven cells (Saturday first); null cells pad the first and last week.
 *
 * @example
 * monthGrid(1399, 11)[0] // [null, null, null, null, { day: 1, iso: '2021-01-20' }, …] (1 Bahman 1399 was a Wednesday)
 */
export function monthGrid(jy: number, jm: number): Array<Array<CalendarDay | null>> {
  const first = isoOfJalali(jy, jm, 1);
  // getUTCDay: Sunday 0 … Saturday 6; the Iranian week starts on Saturday.
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 1) % 7;
  const cells: Array<CalendarDay | null> = Array.from({ length: lead }, () => null);
  const length = jalaaliMonthLength(jy, jm);
  for (let day = 1; day <= length; day++) cells.push({ day, iso: isoOfJalali(jy, jm, day) });
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month before or after, across years. */
export function shiftMonth(jy: number, jm: number, by: number): { jy: number; jm: number } {
  const index = jy * 12 + (jm - 1) + by;
  return { jy: Math.floor(index / 12), jm: (index % 12) + 1 };
}
