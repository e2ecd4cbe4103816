/**
 * @module Plausible dates: the bounds outside which a typed date is a typo (1500 for 1400, 0001,
 * a deadline before its session or centuries after it), as typed data with the reason for each.
 * The checks are pure (a Persian problem or null); the assert forms throw the API's 422 `date_out_of_range`.
 */
import { addJalaliYears, jalaliForPeople, jalaliMonthLength, jalaliToIso } from '../persian/jalali';
import { toPersianDigits } from '../persian/numbers';
import { UnprocessableError } from '../errors';

export interface DateBounds {
  /** Session dates, letter dates and search ranges: Jalali years, inclusive. */
  record: { fromJalaliYear: number; toJalaliYear: number; reason: string };
  /** Deadlines, measured from the session they were set in. */
  deadline: { yearsAfterSession: number; beforeSession: false; reason: string };
}

export const DATE_BOUNDS: DateBounds = {
  record: {
    fromJalaliYear: 1300,
    toJalaliYear: 1499,
    reason:
      'The organisation records sessions and letters of the solar-Hijri 1300s and 1400s (1921–2121). A year outside them is a slip of one digit (1500 or 1300 typed for 1400, 0001 from an empty field), never a real session or letter; refusing it keeps it out of sorting, reports and reminders.',
  },
  deadline: {
    yearsAfterSession: 10,
    beforeSession: false,
    reason:
      'A deadline is set in a session for work that follows it, so it is never before the session (a date before it is a typo of the year or month). The longest real horizon is a national five-year development plan; ten years leaves room for it twice, and beyond that (1500 for 1405) is a typo.',
  },
};

const RECORD_FROM = jalaliToIso({ jy: DATE_BOUNDS.record.fromJalaliYear, jm: 1, jd: 1 });
const RECORD_TO = jalaliToIso({ jy: DATE_BOUNDS.record.toJalaliYear, jm: 12, jd: jalaliMonthLength(DATE_BOUNDS.record.toJalaliYear, 12) });

/**
 * The Persian reason `iso` (a session, letter or search date) is not plausible, or null when it is.
 *
 * @example
 * recordDateProblem('2121-03-21', 'تاریخ نشست') // 'تاریخ نشست (۱۵۰۰/۰۱/۰۱) باید میان سال‌های ۱۳۰۰ و ۱۴۹۹ شمسی باشد …'
 * recordDateProblem('2021-01-20', 'تاریخ نشست') // null
 */
export function recordDateProblem(iso: string, what: string): string | null {
  if (iso >= RECORD_FROM && iso <= RECORD_TO) return null;
  const { fromJalaliYear, toJalaliYear } = DATE_BOUNDS.record;
  return `${what} (${jalaliForPeople(iso)}) باید میان سال‌های ${toPersianDigits(fromJalaliYear)} و ${toPersianDigits(toJalaliYear)} شمسی باشد؛ سال را دوباره ببینید.`;
}

/**
 * The Persian reason a deadline is not plausible for a session held on `sessionIso` (null: the
 * session has no date, so only the record bounds apply), or null when it is.
 *
 * @example
 * deadlineProblem('2021-01-01', '2021-01-20') // 'مهلت (۱۳۹۹/۱۰/۱۲) پیش از تاریخ نشست (۱۳۹۹/۱۱/۰۱) است …'
 * deadlineProblem('2021-02-03', '2021-01-20') // null
 */
export function deadlineProblem(iso: string, sessionIso: string | null, what = 'مهلت'): string | null {
  const outside = recordDateProblem(iso, what);
  if (outside) return outside;
  if (sessionIso === null) return null;
  if (iso < sessionIso) return `${what} (${jalaliForPeople(iso)}) پیش از تاریخ نشست (${jalaliForPeople(sessionIso)}) است؛ مهلت از روز نشست به بعد است.`;
  const years = DATE_BOUNDS.deadline.yearsAfterSession;
  const latest = addJalaliYears(sessionIso, years);
  if (iso > latest) return `${what} (${jalaliForPeople(iso)}) بیش از ${toPersianDigits(years)} سال پس از نشست (${jalaliForPeople(sessionIso)}) است؛ تا ${jalaliForPeople(latest)} پذیرفته می‌شود. سال را دوباره ببینید.`;
  return null;
}

/**
 * Throws 422 `date_out_of_range` when a session, letter or search date is implausible.
 *
 * @example
 * assertPlausibleRecordDate(heldOn, 'تاریخ نشست');
 */
export function assertPlausibleRecordDate(iso: string, what: string): void {
  const problem = recordDateProblem(iso, what);
  if (problem) throw UnprocessableError('date_out_of_range', problem);
}

/**
 * Throws 422 `date_out_of_range` when a deadline is implausible for its session.
 *
 * @example
 * assertPlausibleDeadline(dueOn, session.heldOn);
 */
export function assertPlausibleDeadline(iso: string, sessionIso: string | null, what = 'مهلت'): void {
  const problem = deadlineProblem(iso, sessionIso, what);
  if (problem) throw UnprocessableError('date_out_of_range', problem);
}
