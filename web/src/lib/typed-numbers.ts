/** @module Numbers and dates as a person types them (Persian, Arabic-Indic or ASCII digits), read or refused with a Persian message. */
import { toAsciiDigits } from './persian-digits';

/** What a field held: the value to send, or the Persian sentence to show. */
export type Typed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The one example every date message and hint uses. */
export const DATE_EXAMPLE = '۱۳۹۹/۱۱/۱۵';

/**
 * A whole percentage 0–100; empty reads as null (nothing typed). `٪`, spaces and Arabic decimal
 * marks are tolerated; words and out-of-range numbers are refused.
 *
 * @example
 * readPercent('۸۰') // { ok: true, value: 80 }
 * readPercent('هشتاد').ok // false
 */
export function readPercent(text: string, label = 'درصد پیشرفت'): Typed<number | null> {
  const typed = toAsciiDigits(text).replace(/[٪%\s]/g, '').replace('٫', '.');
  if (typed === '') return { ok: true, value: null };
  const refused = { ok: false as const, error: `${label} را عددی درست از ۰ تا ۱۰۰ بنویسید (مانند ۸۰).` };
  if (!/^\d{1,3}$/.test(typed)) return refused;
  const value = Number(typed);
  return value <= 100 ? { ok: true, value } : refused;
}

/**
 * A Jalali (or ISO) date typed with any digits and `/`, `-` or `.`, as ASCII `1399/11/15` for the
 * API; empty reads as null. Refuses impossible months and days with a Persian example.
 *
 * @example
 * readTypedDate('۱۴۰۰/٠٥/٠١') // { ok: true, value: '1400/05/01' }
 * readTypedDate('۱۴۰۰/۱۳/۴۰').ok // false
 */
export function readTypedDate(text: string, label = 'تاریخ'): Typed<string | null> {
  const typed = toAsciiDigits(text.trim()).replace(/\s+/g, '');
  if (typed === '') return { ok: true, value: null };
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(typed);
  const refused = { ok: false as const, error: `${label} را به شکل سال/ماه/روز شمسی بنویسید، مانند ${DATE_EXAMPLE}.` };
  if (!match) return refused;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const jalali = year < 1700;
  if (month < 1 || month > 12 || day < 1 || day > (jalali ? (month <= 6 ? 31 : 30) : 31)) return refused;
  return { ok: true, value: `${match[1]}/${match[2]?.padStart(2, '0')}/${match[3]?.padStart(2, '0')}` };
}
