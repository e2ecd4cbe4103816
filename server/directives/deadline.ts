/**
 * @module Resolves the deadline of a directive sentence against the session date on the
 * Jalali calendar: durations («ظرف دو هفته»، «طی ۳ ماه آینده»، «ده روز کاری»، «ظرف ۴۸ ساعت»،
 * «یک هفته مهلت»), dates («حداکثر تا ۳۰ آبان»، «تا دهم تیر ماه»، «تا ۱۳۹۹/۱۲/۱۵»، «تا نیمه
 * فروردین»، «تا ساعت ۱۹ امروز»), ends of periods («تا پایان خرداد»، «پایان نیمه اول سال»،
 * «ظرف نیمه اول سال ۸۴»، «پایان سال»), with a given weekday checked.
 * Patterns run on normalizePersian text (ی/ک, ASCII digits, ZWNJ as space).
 */
import {
  JALALI_MONTHS,
  addDays,
  addJalaliMonths,
  addJalaliYears,
  addWorkingDays,
  isValidJalali,
  isoToJalali,
  jalaliMonthLength,
  jalaliMonthNumber,
  jalaliToIso,
  weekdayFromName,
  weekdayIndex,
  WEEKDAYS,
} from '../persian/jalali';
import { CARDINAL_PATTERN, DAY_PATTERN, parsePersianNumber } from '../persian/numbers';

export interface ResolvedDeadline {
  /** ISO date. */
  due: string;
  /** [start, end) of the phrase in the text the resolver ran on. */
  start: number;
  end: number;
  form: 'duration' | 'date' | 'period-end';
  /** A Persian warning when the text contradicts itself (weekday does not match the date). */
  warning?: string;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTHS = `(?:${[...JALALI_MONTHS.map((m) => m.replace('آ', '[آا]')), 'امرداد'].join('|')})`;
const WEEKDAY = '(?:شنبه|یکشنبه|یک شنبه|دوشنبه|دو شنبه|سه شنبه|سهشنبه|چهارشنبه|چهار شنبه|پنجشنبه|پنج شنبه|جمعه)';
/** Words before a duration or date that make it a deadline rather than a mention. */
const LEAD =
  '(?:(?:حداکثر|حداقل|ظرف|ظرف مدت|طی|در مدت|در ظرف|در طول|مدت|تا|تا قبل از|تا پیش از|قبل از|پیش از|مهلت|نهایتا|حداکثر تا|حداکثر در|نهایتا در)(?:\\s+|(?=\\d)))';
/** «تا پایان وقت اداری (روز) …»: office hours of the day are still that day. */
const DAY_END = '(?:(?:پایان|آخر) (?:وقت اداری|ساعت اداری|روز|ساعت کاری)\\s+)?';
const PAST = /^\s*(?:گذشته|اخیر|قبل|پیش|پیشین|سپری شده)(?![\p{L}])/u;

// Digits may touch the unit («ظرف۲۰روز» after normalisation is «ظرف20روز»).
const DURATION = new RegExp(
  `${B}(${LEAD}+)?(\\d+(?=\\s*(?:روز|هفته|ماه|سال|ساعت))|${CARDINAL_PATTERN}|یک)\\s*(روز کاری|روزه|روز|هفته ای|هفته|ماهه|ماه|سال|ساعته|ساعت)${E}(\\s+(?:آینده|آتی|پیش رو|بعد|دیگر|مهلت|فرصت|وقت))?`,
  'gu',
);
const DATE_WORDS = new RegExp(
  `${B}(${LEAD}+${DAY_END}(?:تاریخ\\s+|روز\\s+|مورخ\\s+)*)(${WEEKDAY}\\s+)?(?:مورخ\\s+)?(\\d{1,2}(?=\\s*${MONTHS})|${DAY_PATTERN})\\s*(${MONTHS})(?:\\s*ماه)?(?:\\s+(?:سال\\s+)?(13\\d\\d|14\\d\\d|\\d\\d)(?!\\d))?`,
  'gu',
);
const DATE_NUMERIC = new RegExp(
  `${B}(${LEAD}+${DAY_END}(?:تاریخ\\s+|روز\\s+|مورخ\\s+)*)(${WEEKDAY}\\s+)?(?:مورخ\\s+)?(1[34]\\d\\d|\\d\\d)/(\\d{1,2})/(\\d{1,2})(?!\\d)`,
  'gu',
);
const PERIOD_END = new RegExp(
  `${B}((?:(?:حداکثر|تا|قبل از|پیش از|در|نهایتا)\\s+)*)(?:پایان|آخر|انتهای|اواخر)\\s+(?:(نیمه|شش ماهه) (اول|نخست|دوم) (?:سال|امسال)|سال (تحصیلی|زراعی)|(سال|امسال|هفته|ماه)|(${MONTHS})(?:\\s*ماه)?)(?:\\s+(جاری|آینده|آتی|بعد|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)))?${E}(\\s+(?:گذشته|قبل))?`,
  'gu',
);

function sessionYearFor(month: number, day: number, session: string): number {
  const s = isoToJalali(session);
  // Not before the session: a month-day already past this year means next year.
  if (month < s.jm || (month === s.jm && day < s.jd)) return s.jy + 1;
  return s.jy;
}

function fullYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return n < 100 ? 1300 + n : n;
}

function weekdayWarning(due: string, weekdayText: string | undefined): string | undefined {
  if (!weekdayText) return undefined;
  const given = weekdayFromName(weekdayText);
  if (given === null || given === weekdayIndex(due)) return undefined;
  return `روز هفته («${weekdayText.trim()}») با تاریخ نمی‌خواند: این تاریخ ${WEEKDAYS[weekdayIndex(due)]} است`;
}

function durationDue(session: string, count: number, unit: string): string {
  switch (unit) {
    case 'روزه':
      return addDays(session, count);
    case 'ماهه':
      return addJalaliMonths(session, count);
    case 'روز کاری':
      return addWorkingDays(session, count);
    case 'روز':
      return addDays(session, count);
    case 'هفته':
    case 'هفته ای':
      return addDays(session, count * 7);
    case 'ساعت':
    case 'ساعته':
      // «ظرف ۴۸ ساعت»: the day on which the hours run out.
      return addDays(session, Math.ceil(count / 24));
    case 'ماه':
      return addJalaliMonths(session, count);
    default:
      return addJalaliYears(session, count);
  }
}

function lastDayOfMonth(jy: number, jm: number): string {
  return jalaliToIso({ jy, jm, jd: jalaliMonthLength(jy, jm) });
}

function findDurations(text: string, session: string): ResolvedDeadline[] {
  const out: ResolvedDeadline[] = [];
  for (const m of text.matchAll(DURATION)) {
    const [whole, lead, amount = '', unit = '', after] = m;
    const start = m.index ?? 0;
    const end = start + whole.length;
    if (PAST.test(text.slice(end))) continue;
    // A bare «دو هفته» is a length, not a deadline, unless «آینده/دیگر» or a lead word says so.
    if (!lead && !after) continue;
    const count = parsePersianNumber(amount);
    if (count === null || count <= 0) continue;
    out.push({ due: durationDue(session, count, unit), start, end, form: 'duration' });
  }
  return out;
}

function findDates(text: string, session: string): ResolvedDeadline[] {
  const out: ResolvedDeadline[] = [];
  for (const m of text.matchAll(DATE_WORDS)) {
    const [whole, , weekday, dayText = '', monthText = '', yearText] = m;
    const day = parsePersianNumber(dayText.replace(/[\u200C ]?(?:ام|م)$/u, '')) ?? parsePersianNumber(dayText);
    const month = jalaliMonthNumber(monthText);
    if (day === null || month === null) continue;
    const jy = fullYear(yearText) ?? sessionYearFor(month, day, session);
    if (!isValidJalali({ jy, jm: month, jd: day })) continue;
    const due = jalaliToIso({ jy, jm: month, jd: day });
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'date', warning: weekdayWarning(due, weekday) });
  }
  for (const m of text.matchAll(DATE_NUMERIC)) {
    const [whole, , weekday, yearText, monthText = '', dayText = ''] = m;
    const jy = fullYear(yearText);
    const jm = Number(monthText);
    const jd = Number(dayText);
    if (jy === null || !isValidJalali({ jy, jm, jd })) continue;
    const due = jalaliToIso({ jy, jm, jd });
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'date', warning: weekdayWarning(due, weekday) });
  }
  return out;
}

/** «تا نیمه فروردین»: the middle of a month is its 15th. */
const MID_MONTH = new RegExp(`${B}((?:(?:حداکثر|تا|قبل از|پیش از|نهایتا)\\s+)+)(?:نیمه|اواسط)\\s+(${MONTHS})(?:\\s*ماه)?(?:\\s+(?:سال\\s+)?(13\\d\\d|14\\d\\d|\\d\\d(?!\\d)|آینده|جاری))?${E}`, 'gu');
/** «ظرف نیمه اول سال ۸۴»، «طی شش ماهه دوم امسال»: by the end of that half of the year. */
const HALF_YEAR = new RegExp(
  `${B}((?:(?:حداکثر|ظرف|طی|در|تا)\\s+)+)(?:نیمه|شش ماهه) (اول|نخست|دوم) (?:سال|امسال)(?:\\s+(جاری|آینده|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)))?${E}(?!\\s+(?:گذشته|قبل|پیش))`,
  'gu',
);
/** «حداکثر تا ساعت ۱۹ امروز»، «تا پایان وقت اداری فردا». */
const TODAY = new RegExp(`${B}((?:(?:حداکثر|تا|نهایتا)\\s+)+)${DAY_END}(?:ساعت \\d{1,2}(?::\\d\\d)?\\s+)?(امروز|امشب|فردا|پس فردا)${E}`, 'gu');

function findOtherForms(text: string, session: string): ResolvedDeadline[] {
  const out: ResolvedDeadline[] = [];
  const s = isoToJalali(session);
  for (const m of text.matchAll(MID_MONTH)) {
    const [whole, , monthText = '', yearText] = m;
    const jm = jalaliMonthNumber(monthText);
    if (jm === null) continue;
    const explicit = yearText && /^\d+$/.test(yearText) ? fullYear(yearText) : null;
    const jy = explicit ?? (yearText === 'آینده' ? s.jy + 1 : sessionYearFor(jm, 15, session));
    const start = m.index ?? 0;
    out.push({ due: jalaliToIso({ jy, jm, jd: 15 }), start, end: start + whole.length, form: 'date' });
  }
  for (const m of text.matchAll(HALF_YEAR)) {
    const [whole, , which, qualifier] = m;
    const explicit = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier) : null;
    const jy = explicit ?? s.jy + (qualifier === 'آینده' ? 1 : 0);
    const jm = which === 'دوم' ? 12 : 6;
    let due = lastDayOfMonth(jy, jm);
    if (explicit === null && qualifier === undefined && due < session) due = lastDayOfMonth(jy + 1, jm);
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'period-end' });
  }
  for (const m of text.matchAll(TODAY)) {
    const [whole, , day] = m;
    const start = m.index ?? 0;
    const offset = day === 'فردا' ? 1 : day === 'پس فردا' ? 2 : 0;
    out.push({ due: addDays(session, offset), start, end: start + whole.length, form: 'date' });
  }
  return out;
}

function findPeriodEnds(text: string, session: string): ResolvedDeadline[] {
  const out: ResolvedDeadline[] = [];
  const s = isoToJalali(session);
  for (const m of text.matchAll(PERIOD_END)) {
    const [whole, , half, which, schoolYear, period, monthText, qualifier, past] = m;
    if (past) continue;
    const explicitYear = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier) : null;
    const next = qualifier === 'آینده' || qualifier === 'آتی' || qualifier === 'بعد';
    let due: string | null = null;
    if (schoolYear) {
      // The school year ends with Khordad, the farming year with Shahrivar.
      const jm = schoolYear === 'تحصیلی' ? 3 : 6;
      const jy = explicitYear ?? s.jy;
      due = lastDayOfMonth(jy, jm);
      if (!explicitYear && due < session) due = lastDayOfMonth(jy + 1, jm);
    } else if (half) {
      const jy = explicitYear ?? s.jy;
      due = which === 'دوم' ? lastDayOfMonth(jy, 12) : lastDayOfMonth(jy, 6);
      if (!explicitYear && due < session) due = which === 'دوم' ? lastDayOfMonth(jy + 1, 12) : lastDayOfMonth(jy + 1, 6);
    } else if (period === 'سال' || period === 'امسال') {
      due = lastDayOfMonth((explicitYear ?? s.jy) + (next ? 1 : 0), 12);
    } else if (period === 'ماه') {
      const index = s.jy * 12 + s.jm - 1 + (next ? 1 : 0);
      due = lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1);
    } else if (period === 'هفته') {
      // The Iranian week ends on Friday.
      const toFriday = (5 - weekdayIndex(session) + 7) % 7;
      due = addDays(session, toFriday + (next ? 7 : 0));
    } else if (monthText) {
      const jm = jalaliMonthNumber(monthText);
      if (jm === null) continue;
      const jy = explicitYear ?? sessionYearFor(jm, jalaliMonthLength(s.jy, jm), session);
      due = lastDayOfMonth(jy, jm);
    }
    if (due === null) continue;
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'period-end' });
  }
  return out;
}

/**
 * Find and resolve the deadline in a normalised sentence; the earliest-placed phrase wins.
 * Returns null when the sentence names no deadline.
 *
 * @example
 * resolveDeadline('در مدت حداقل دو هفته ارسال شود', '2021-01-20')
 * // { due: '2021-02-03', start: 0, end: 21, form: 'duration' }
 * resolveDeadline('حداکثر تا 30 آبان', '2021-01-20')?.due // '2021-11-21' (1400-08-30)
 */
export function resolveDeadline(normalized: string, sessionDate: string): ResolvedDeadline | null {
  const all = [
    ...findDurations(normalized, sessionDate),
    ...findDates(normalized, sessionDate),
    ...findPeriodEnds(normalized, sessionDate),
    ...findOtherForms(normalized, sessionDate),
  ];
  const future = all.filter((d) => d.due >= sessionDate);
  if (future.length === 0) return null;
  future.sort((a, b) => a.start - b.start || b.end - a.end);
  return future[0] ?? null;
}
