/** @module Persian digits for numbers the interface shows (counts, pages, dates), and ASCII digits for what a person typed. */

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/**
 * Replace ASCII digits with Persian ones; other characters are kept.
 *
 * @example
 * toPersianDigits(1400) // '۱۴۰۰'
 * toPersianDigits('صفحه 2 از 10') // 'صفحه ۲ از ۱۰'
 */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);
}

/**
 * Replace Persian (۰–۹) and Arabic-Indic (٠–٩) digits with ASCII ones, for numbers and dates
 * a person typed; other characters are kept.
 *
 * @example
 * toAsciiDigits('۱۳۹۹/۱۱/٠١') // '1399/11/01'
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

const PERSIAN_COUNT = new Intl.NumberFormat('fa-IR', { useGrouping: true, maximumFractionDigits: 0 });

/**
 * A count followed by its noun, in Persian digits grouped by thousands with the Persian separator
 * (Persian nouns stay singular after numbers).
 *
 * @example
 * countOf(5, 'رهنمود') // '۵ رهنمود'
 * countOf(49800, 'اصلاح') // '۴۹٬۸۰۰ اصلاح'
 */
export function countOf(count: number, noun: string): string {
  return `${PERSIAN_COUNT.format(count)} ${noun}`;
}

/**
 * A media offset in milliseconds as h:mm:ss or m:ss with Persian digits.
 *
 * @example
 * formatMediaTime(83_000) // '۱:۲۳'
 */
export function formatMediaTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
  return toPersianDigits(text);
}
