/**
 * @module Reads search filter dates written as ISO (2021-01-20) or Jalali (1399-11-01),
 * in any digits, into ISO dates.
 */
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { normalizePersian } from '../persian/normalize';

/**
 * ISO date for an ISO or Jalali date string, or null when it is not a real date.
 * Years before 1700 are taken as Jalali.
 *
 * @example
 * parseFilterDate('۱۳۹۹/۱۱/۰۱') // '2021-01-20'
 */
export function parseFilterDate(input: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(normalizePersian(input.trim()));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (y < 1700) {
    if (!isValidJalaaliDate(y, mo, d)) return null;
    const g = toGregorian(y, mo, d);
    return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
