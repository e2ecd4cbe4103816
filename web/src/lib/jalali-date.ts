/** @module Display of ISO dates in the Jalali calendar with Persian month names and digits. */
import { toPersianDigits } from './persian-digits';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// UTC on both sides: a date without a time must not move a day with the viewer's time zone.
const longFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekdayFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { weekday: 'long', timeZone: 'UTC' });

function parseIsoDate(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An ISO date (`2021-01-20`) as a Jalali date with Persian digits (`۱ بهمن ۱۳۹۹`);
 * anything that is not an ISO date is shown as given, so bad data stays visible.
 *
 * @example
 * formatJalaliDate('2021-01-20') // '۱ بهمن ۱۳۹۹'
 */
export function formatJalaliDate(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? longFormat.format(date) : toPersianDigits(iso);
}

/**
 * The same date with its weekday (`چهارشنبه ۱ بهمن ۱۳۹۹`), for headings and deadlines.
 *
 * @example
 * formatJalaliDateWithWeekday('2021-01-20') // 'چهارشنبه ۱ بهمن ۱۳۹۹'
 */
export function formatJalaliDateWithWeekday(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? `${weekdayFormat.format(date)} ${longFormat.format(date)}` : toPersianDigits(iso);
}
