/** @module Jalali dates in form fields: an ISO date shown as «۱۳۹۹/۱۱/۱۵», typed input sent as is (the server reads ISO or Jalali). */
import { toAsciiDigits, toPersianDigits } from './persian-digits';

const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

/**
 * An ISO date as a Jalali field value with Persian digits; empty for null or a non-date.
 *
 * @example
 * jalaliFieldValue('2021-02-03') // '۱۳۹۹/۱۱/۱۵'
 */
export function jalaliFieldValue(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const found = Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
  const year = String(found.year ?? '').replace(/\D/g, '');
  if (!year || !found.month || !found.day) return '';
  return toPersianDigits(`${year}/${found.month}/${found.day}`);
}

/**
 * Does a typed value look like a date (Jalali or ISO, any digits)? The server has the last word.
 *
 * @example
 * looksLikeDate('۱۳۹۹/۱۱/۰۱') // true
 */
export function looksLikeDate(value: string): boolean {
  return /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(toAsciiDigits(value.trim()));
}
