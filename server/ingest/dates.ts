/** @module Session dates arrive as ISO or Jalali; the database keeps ISO. */
import { toGregorian, isValidJalaaliDate } from 'jalaali-js';

const DIGITS: Record<string, string> = {};
for (let i = 0; i < 10; i++) {
  DIGITS[String.fromCharCode(0x06f0 + i)] = String(i);
  DIGITS[String.fromCharCode(0x0660 + i)] = String(i);
}

/**
 * ISO date from "2021-01-20" or Jalali "1399-11-01" / "۱۳۹۹/۱۱/۰۱"; null when invalid.
 * Years below 1700 are read as Jalali.
 *
 * @example
 * toIsoDate('1399-11-01') // '2021-01-20'
 */
export function toIsoDate(input: string): string | null {
  const ascii = input.trim().replace(/[۰-۹٠-٩]/g, (d) => DIGITS[d] ?? d);
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(ascii);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1700) {
    if (!isValidJalaaliDate(y, m, d)) return null;
    const g = toGregorian(y, m, d);
    return isoOf(g.gy, g.gm, g.gd);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoOf(y, m, d);
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
