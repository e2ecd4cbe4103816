/** @module A moment (ISO timestamp) as a Jalali date and Tehran time with Persian digits, for timelines and audit trails. */
import { toPersianDigits } from './persian-digits';

const dateTimeFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Tehran',
});

/**
 * `2021-01-29T08:30:00Z` → `۹ بهمن ۱۳۹۹، ۱۲:۰۰` (Tehran time); what is not a timestamp is shown as given.
 *
 * @example
 * formatJalaliDateTime('2021-01-29T08:30:00.000Z') // '۹ بهمن ۱۳۹۹، ساعت ۱۲:۰۰' (wording by ICU)
 */
export function formatJalaliDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? toPersianDigits(iso) : dateTimeFormat.format(new Date(time));
}

/**
 * A Jalali date from the API (`1399-11-15`) as a person types it: `۱۳۹۹/۱۱/۱۵` (the API reads both).
 *
 * @example
 * jalaliInputValue('1399-11-15') // '۱۳۹۹/۱۱/۱۵'
 * jalaliInputValue(null) // ''
 */
export function jalaliInputValue(jalali: string | null): string {
  return jalali ? toPersianDigits(jalali.replaceAll('-', '/')) : '';
}
