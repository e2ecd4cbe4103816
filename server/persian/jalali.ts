/**
 * @module Jalali calendar arithmetic on ISO dates: conversion both ways (jalaali-js),
 * month and weekday names, adding days, Jalali months and working days (Friday off).
 */
import { toGregorian, toJalaali, isValidJalaaliDate, jalaaliMonthLength } from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from './numbers';

export interface JalaliDate {
  jy: number;
  jm: number;
  jd: number;
}

/** Month names in calendar order (index 0 = فروردین). */
export const JALALI_MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/** Other spellings seen in news text, folded to the month number. */
const MONTH_VARIANTS: Record<string, number> = {
  امرداد: 5,
  اردبیهشت: 2,
  ابان: 8,
  اذر: 9,
};

/** Weekday names indexed by JavaScript's getUTCDay (0 = Sunday). */
export const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'] as const;

const FRIDAY = 5;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoOf(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * The month number (1–12) of a Jalali month name, tolerant of ZWNJ, spaces and Arabic letters.
 *
 * @example
 * jalaliMonthNumber('آبان') // 8
 */
export function jalaliMonthNumber(name: string): number | null {
  const folded = name.replace(/ي|ى/g, 'ی').replace(/ك/g, 'ک').replace(/[\s\u200C]/g, '');
  const index = JALALI_MONTHS.findIndex((m) => m === folded);
  if (index >= 0) return index + 1;
  return MONTH_VARIANTS[folded] ?? null;
}

/**
 * Convert an ISO date to Jalali parts.
 *
 * @example
 * isoToJalali('2021-01-20') // { jy: 1399, jm: 11, jd: 1 }
 */
export function isoToJalali(iso: string): JalaliDate {
  const [y, m, d] = iso.split('-').map(Number);
  return toJalaali(y ?? 1970, m ?? 1, d ?? 1);
}

/**
 * Convert Jalali parts to an ISO date.
 *
 * @example
 * jalaliToIso({ jy: 1400, jm: 2, jd: 1 }) // '2021-04-21'
 */
export function jalaliToIso(date: JalaliDate): string {
  const g = toGregorian(date.jy, date.jm, date.jd);
  return isoOf(g.gy, g.gm, g.gd);
}

/**
 * Format an ISO date as Jalali `YYYY-MM-DD` (ASCII digits).
 *
 * @example
 * formatJalali('2021-01-20') // '1399-11-01'
 */
export function formatJalali(iso: string): string {
  const j = isoToJalali(iso);
  return isoOf(j.jy, j.jm, j.jd);
}

/**
 * Gregorian years jalaali-js converts whole (its Jalali years run −61…3177); it throws outside them.
 * Only a typo reaches past them (9999 typed in a date field), and the message refusing it must not fail.
 */
const CONVERTIBLE_YEARS = { from: 561, to: 3798 } as const;

/**
 * An ISO date as people read it in a message or notice: Jalali, slashes, Persian digits. A date
 * past the calendar's years (a typo such as 9999-12-31) is shown as typed, in Persian digits.
 *
 * @example
 * jalaliForPeople('2021-02-13') // '۱۳۹۹/۱۱/۲۵'
 * jalaliForPeople('9999-12-31') // '۹۹۹۹/۱۲/۳۱'
 */
export function jalaliForPeople(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const shown = year >= CONVERTIBLE_YEARS.from && year <= CONVERTIBLE_YEARS.to ? formatJalali(iso) : iso;
  return toPersianDigits(shown.replaceAll('-', '/'));
}

/**
 * Read a date given as ISO (`2021-01-20`) or Jalali (`1399-11-01`, `۱۳۹۹/۱۱/۰۱`) into ISO;
 * years below 1700 are Jalali. Null when the text is not a valid date.
 *
 * @example
 * parseDate('1399-11-01') // '2021-01-20'
 */
export function parseDate(input: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(toAsciiDigits(input.trim()));
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1700) return isValidJalaaliDate(y, m, d) ? jalaliToIso({ jy: y, jm: m, jd: d }) : null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoOf(y, m, d);
}

/**
 * Add calendar days to an ISO date.
 *
 * @example
 * addDays('2021-01-20', 14) // '2021-02-03'
 */
export function addDays(iso: string, days: number): string {
  const date = utcDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Add Jalali months to an ISO date; a day past the end of the target month is clamped
 * (30 Shahrivar + 1 month → 30 Mehr; 31 Farvardin + 11 months → 29/30 Esfand).
 *
 * @example
 * addJalaliMonths('2021-01-20', 3) // '2021-04-21' (1399-11-01 → 1400-02-01)
 */
export function addJalaliMonths(iso: string, months: number): string {
  const j = isoToJalali(iso);
  const index = j.jy * 12 + (j.jm - 1) + months;
  const jy = Math.floor(index / 12);
  const jm = (index % 12) + 1;
  const jd = Math.min(j.jd, jalaaliMonthLength(jy, jm));
  return jalaliToIso({ jy, jm, jd });
}

/**
 * Add Jalali years to an ISO date (Esfand 30 clamps to 29 in a common year).
 *
 * @example
 * addJalaliYears('2021-01-20', 1) // '2022-01-21' (1400-11-01)
 */
export function addJalaliYears(iso: string, years: number): string {
  return addJalaliMonths(iso, years * 12);
}

/**
 * Add working days, skipping Fridays (the Iranian weekend day).
 *
 * @example
 * addWorkingDays('2021-01-20', 10) // '2021-02-01' (two Fridays skipped)
 */
export function addWorkingDays(iso: string, days: number): string {
  let current = iso;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (weekdayIndex(current) !== FRIDAY) left--;
  }
  return current;
}

/** JavaScript weekday index (0 = Sunday … 5 = Friday, 6 = Saturday) of an ISO date. */
export function weekdayIndex(iso: string): number {
  return utcDate(iso).getUTCDay();
}

/**
 * The Persian weekday name of an ISO date.
 *
 * @example
 * weekdayName('2021-01-20') // 'چهارشنبه'
 */
export function weekdayName(iso: string): string {
  return WEEKDAYS[weekdayIndex(iso)] ?? '';
}

/**
 * The weekday index (as weekdayIndex) of a Persian weekday name, spacing-tolerant.
 *
 * @example
 * weekdayFromName('سه شنبه') // 2
 */
export function weekdayFromName(name: string): number | null {
  const folded = name.replace(/ي/g, 'ی').replace(/[\s\u200C]/g, '');
  const index = WEEKDAYS.findIndex((w) => w.replace(/\u200C/g, '') === folded);
  return index >= 0 ? index : null;
}

/** Number of days in a Jalali month. */
export function jalaliMonthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

/** Whether Jalali parts form a real date. */
export function isValidJalali(date: JalaliDate): boolean {
  return isValidJalaaliDate(date.jy, date.jm, date.jd);
}
