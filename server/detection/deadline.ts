/**
 * @module Resolves the deadline of a directive sentence against the session date on the
 * Jalali calendar: durations («ظرف دو هفته»، «طی ۳ ماه آینده»، «ده روز کاری»، «ظرف ۴۸ ساعت»،
 * «یک هفته مهلت»), dates («حداکثر تا ۳۰ آبان»، «تا دهم تیر ماه»، «تا ۱۳۹۹/۱۲/۱۵»، «تا نیمه
 * فروردین»، «تا ساعت ۱۹ امروز»), ends of periods («تا پایان خرداد»، «پایان نیمه اول سال»،
 * «ظرف نیمه اول سال ۸۴»، «در سه ماهه اول سال آینده»، «پایان سال»), with a given weekday checked.
 * Two readings serve extract.ts alone: a «مهلت … است» sentence that dates the duty before it
 * (`resolveGraceStatement`) and «امسال موظف است» (`resolveYearDuty`).
 * Patterns run on normalizePersian text (ی/ک, ASCII digits, ZWNJ as space).
 *
 * Conventions:
 * - «قبل از / پیش از X» for a day X («تا قبل از 9 شهریور»، «پیش از ۱۵ مهر») is the day before X
 *   (8 Shahrivar): X itself is already too late. «قبل از پایان شهریور» is the last day of
 *   Shahrivar, like «تا پایان شهریور»: the end of a period is the close of its last day.
 * - A date with an explicit year that lies before the session is returned as written, with a
 *   Persian `warning`: a manager then sees that the text names a past date instead of having it
 *   silently moved a year on. Without a year the next occurrence is chosen.
 * - Numeric dates: year first («85/7/28»، «۱۳۸۵/۰۷/۲۸») or day first («28/7/85»); when both
 *   readings are valid dates the text is ambiguous and no date is taken from it.
 * - Years inside a plan («پایان سال دوم برنامه چهارم») and a plan's end («تا پایان برنامه چهارم
 *   توسعه») are resolved only for the national five-year development plans in PLAN_START;
 *   any other plan gives no date rather than a wrong one.
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

/** A candidate deadline; `explicitYear` lets a date before the session through (with a warning). */
interface Candidate extends ResolvedDeadline {
  explicitYear?: boolean;
}

/** First year of Iran's national five-year development plans, by ordinal. */
const PLAN_START: Record<string, number> = { سوم: 1379, چهارم: 1384, پنجم: 1390, ششم: 1396, هفتم: 1403 };
const PLAN_YEAR: Record<string, number> = { اول: 1, نخست: 1, دوم: 2, سوم: 3, چهارم: 4, پنجم: 5, آخر: 5 };

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
const COUNTED_FROM = /^\s*،?\s*(?:پس از|بعد از|از زمان|از تاریخ|از روز)(?![\p{L}])(?!\s*(?:امروز|این تاریخ|انتشار این))/u;

/** Lead words of a duration only («در ضرب الاجل دو ماهه»، «بعد از هفت روز»); a date after «بعد از» is no deadline. */
const DURATION_LEAD = `(?:${LEAD}|(?:در\\s+)?ضرب الاجل\\s+|بعد از\\s+)`;
// Digits may touch the unit («ظرف۲۰روز» after normalisation is «ظرف20روز»); «یک ماه و نیم» adds half a unit.
const DURATION = new RegExp(
  `${B}(${DURATION_LEAD}+)?(\\d+(?=\\s*(?:روز|هفته|ماه|سال|ساعت))|${CARDINAL_PATTERN}|یک)\\s*(روز کاری|روزه|روز|هفته ای|هفته|ماهه|ماه|سال|ساعته|ساعت)${E}(\\s+و\\s*نیم${E})?(\\s+(?:آینده|آتی|پیش رو|بعد|دیگر|مهلت|فرصت|وقت))?`,
  'gu',
);
/** «تا پایان شهریورماه ۵۰ هزار تن شکر»: a number before a unit is a quantity, not a two-digit year. */
const QUANTITY = '(?:هزار|میلیون|میلیارد|درصد|تن|نفر|واحد|دستگاه|کیلو|متر|عدد|مورد|هکتار|ریال|تومان|دلار|باب|کیلومتر)';
const DATE_WORDS = new RegExp(
  `${B}(${LEAD}+${DAY_END}(?:تاریخ\\s+|روز\\s+|مورخ\\s+)*)(${WEEKDAY}\\s+)?(?:مورخ\\s+)?(\\d{1,2}(?=\\s*${MONTHS})|${DAY_PATTERN})\\s*(${MONTHS})(?:\\s*ماه)?(?:\\s+(?:سال\\s+)?(13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})|جاری|امسال)(?![\\d\\p{L}]))?`,
  'gu',
);
const DATE_NUMERIC = new RegExp(
  `${B}(${LEAD}+${DAY_END}(?:تاریخ\\s+|روز\\s+|مورخ\\s+)*)(${WEEKDAY}\\s+)?(?:مورخ\\s+)?(\\d{4}|\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{1,2})(?![\\d/])`,
  'gu',
);
const PERIOD_END = new RegExp(
  `${B}((?:(?:حداکثر|تا|قبل از|پیش از|در|نهایتا)\\s+)*)(?:پایان|آخر|انتهای|اواخر)\\s+(?:(نیمه|شش ماهه|6 ماهه) (اول|نخست|دوم) (?:سال|امسال)|سال (تحصیلی|زراعی)|(سال(?! (?:${Object.keys(PLAN_YEAR).join('|')}) برنامه)|امسال|هفته|ماه)|(${MONTHS})(?:\\s*ماه)?)(?:\\s+(?:سال\\s+)?(جاری|آینده|آتی|بعد|امسال|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})))?${E}(\\s+(?:گذشته|قبل))?`,
  'gu',
);

function sessionYearFor(month: number, day: number, session: string): number {
  const s = isoToJalali(session);
  // Not before the session: a month-day already past this year means next year.
  if (month < s.jm || (month === s.jm && day < s.jd)) return s.jy + 1;
  return s.jy;
}

/**
 * «سال جاری»، «امسال» after a month name the session's own year: «تا پایان آبان ماه سال جاری» told in
 * Bahman is a deadline already past, not next Aban.
 */
function thisYear(text: string | undefined, session: string): number | null {
  return text === 'جاری' || text === 'امسال' ? isoToJalali(session).jy : null;
}

/** A two-digit year is read in the century that puts it nearest the session («85» → 1385, «02» told in 1401 → 1402). */
function fullYear(text: string | undefined, session: string): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (n >= 100) return n;
  const sy = isoToJalali(session).jy;
  const year = Math.floor(sy / 100) * 100 + n;
  if (year > sy + 50) return year - 100;
  if (year < sy - 50) return year + 100;
  return year;
}

/** «تا قبل از 9 شهریور»، «پیش از تاریخ ۱۵ مهر»: the lead ends with "before", so the day before is meant. */
function endsWithBefore(lead: string | undefined): boolean {
  return lead !== undefined && /(?:قبل|پیش) از\s*(?:(?:تاریخ|روز|مورخ)\s+)*$/u.test(lead);
}

/**
 * Year-first («85/7/28») or day-first («28/7/85») Jalali date; null when neither or both readings
 * are valid. A two-digit year counts only within ten years of the session: «01/02/15» told in 1400
 * is 15 Ordibehesht 1401, not 1 Ordibehesht 1415.
 */
function numericJalali(first: string, middle: string, last: string, session: string): string | null {
  const sy = isoToJalali(session).jy;
  const readings: { jy: number; jm: number; jd: number; short: boolean }[] = [];
  const jm = Number(middle);
  if (first.length !== 1 && last.length <= 2) readings.push({ jy: fullYear(first, session) ?? 0, jm, jd: Number(last), short: first.length === 2 });
  if (last.length !== 1 && first.length <= 2) readings.push({ jy: fullYear(last, session) ?? 0, jm, jd: Number(first), short: last.length === 2 });
  // Four-digit years outside 1300–1499 are Gregorian or noise, not Jalali.
  const valid = readings.filter((r) => r.jy >= 1300 && r.jy < 1500 && (!r.short || Math.abs(r.jy - sy) <= 10) && isValidJalali(r));
  const only = valid.length === 1 ? valid[0] : undefined;
  return only ? jalaliToIso({ jy: only.jy, jm: only.jm, jd: only.jd }) : null;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

function pastWarning(due: string): string {
  const j = isoToJalali(due);
  const written = `${j.jy}/${j.jm}/${j.jd}`.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);
  return `تاریخ ${written} پیش از تاریخ جلسه است: مهلت گذشته یا سال اشتباه نوشته شده است`;
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

/** Days of a unit, to count «… و نیم» («یک ماه و نیم»: 45 days, as the labels count it). */
const UNIT_DAYS: Record<string, number> = { روز: 1, 'روز کاری': 1, روزه: 1, هفته: 7, 'هفته ای': 7, ماه: 30, ماهه: 30, ساعت: 1 / 24, ساعته: 1 / 24 };

/** «دو سال و نیم» is thirty months; a smaller unit and a half is counted in days, the last part day whole. */
function halfDue(session: string, count: number, unit: string): string {
  const days = UNIT_DAYS[unit];
  if (days === undefined) return addJalaliMonths(session, count * 12 + 6);
  return addDays(session, Math.ceil((count + 0.5) * days));
}

function lastDayOfMonth(jy: number, jm: number): string {
  return jalaliToIso({ jy, jm, jd: jalaliMonthLength(jy, jm) });
}

function findDurations(text: string, session: string): ResolvedDeadline[] {
  const out: ResolvedDeadline[] = [];
  for (const m of matchesOf(text, DURATION)) {
    const [whole, lead, amount = '', unit = '', half, after] = m;
    const start = m.index ?? 0;
    const end = start + whole.length;
    if (PAST.test(text.slice(end))) continue;
    // «ظرف یک ماه پس از ابلاغ / از تاریخ عرضه»: counted from an event whose date the text does not give.
    if (COUNTED_FROM.test(text.slice(end))) continue;
    // A bare «دو هفته» is a length, not a deadline, unless «آینده/دیگر» or a lead word says so.
    if (!lead && !after) continue;
    const count = parsePersianNumber(amount);
    if (count === null || count <= 0) continue;
    out.push({ due: half ? halfDue(session, count, unit) : durationDue(session, count, unit), start, end, form: 'duration' });
  }
  return out;
}

function findDates(text: string, session: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchesOf(text, DATE_WORDS)) {
    const [whole, lead, weekday, dayText = '', monthText = '', yearText] = m;
    const day = parsePersianNumber(dayText.replace(/[\u200C ]?(?:ام|م)$/u, '')) ?? parsePersianNumber(dayText);
    const month = jalaliMonthNumber(monthText);
    if (day === null || month === null) continue;
    const explicit = thisYear(yearText, session) ?? fullYear(yearText, session);
    const jy = explicit ?? sessionYearFor(month, day, session);
    if (!isValidJalali({ jy, jm: month, jd: day })) continue;
    const date = jalaliToIso({ jy, jm: month, jd: day });
    // The weekday names the day written, not the day before it.
    const due = endsWithBefore(lead) ? addDays(date, -1) : date;
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'date', warning: weekdayWarning(date, weekday), explicitYear: explicit !== null });
  }
  for (const m of matchesOf(text, DATE_NUMERIC)) {
    const [whole, lead, weekday, first = '', middle = '', last = ''] = m;
    const date = numericJalali(first, middle, last, session);
    if (date === null) continue;
    const due = endsWithBefore(lead) ? addDays(date, -1) : date;
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'date', warning: weekdayWarning(date, weekday), explicitYear: true });
  }
  return out;
}

/** «تا نیمه فروردین»: the middle of a month is its 15th. */
const MID_MONTH = new RegExp(`${B}((?:(?:حداکثر|تا|قبل از|پیش از|نهایتا)\\s+)+)(?:نیمه|اواسط)\\s+(${MONTHS})(?:\\s*ماه)?(?:\\s+(?:سال\\s+)?(13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})|آینده|جاری))?${E}`, 'gu');
/** «ظرف نیمه اول سال ۸۴»، «طی شش ماهه دوم امسال»: by the end of that half of the year. */
const HALF_YEAR = new RegExp(
  `${B}((?:(?:حداکثر|ظرف|طی|در|تا)\\s+)+)(?:نیمه|شش ماهه|6 ماهه) (اول|نخست|دوم) (?:سال|امسال)(?:\\s+(جاری|آینده|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})))?${E}(?!\\s+(?:گذشته|قبل|پیش))`,
  'gu',
);
/**
 * «حداکثر تا پایان سال دوم برنامه چهارم (توسعه)»، «تا پایان برنامه پنج ساله چهارم»: a year counted
 * inside a national development plan, or the plan's last year.
 */
const PLAN_YEAR_END = new RegExp(
  `${B}((?:(?:حداکثر|تا|قبل از|پیش از|در|نهایتا)\\s+)*)(?:پایان|آخر|انتهای|اواخر)\\s+(?:سال\\s+(${Object.keys(PLAN_YEAR).join('|')})\\s+)?برنامه(?:\\s+پنج\\s+ساله)?(?:\\s+توسعه)?\\s+(${Object.keys(PLAN_START).join('|')})${E}`,
  'gu',
);
/** «حداکثر تا ساعت ۱۹ امروز»، «تا پایان وقت اداری فردا». */
const TODAY = new RegExp(`${B}((?:(?:حداکثر|تا|نهایتا)\\s+)+)${DAY_END}(?:ساعت \\d{1,2}(?::\\d\\d)?\\s+)?(امروز|امشب|فردا|پس فردا)${E}`, 'gu');

/**
 * «تا پایان فصل بهار»، «تا پایان تابستان»، «پایان سه ماهه سوم سال»، «تا پایان دهه فجر»: a season ends with
 * its third month, a quarter likewise, the Fajr decade on 22 Bahman.
 */
const SEASON_END = new RegExp(
  `${B}((?:(?:حداکثر|تا|قبل از|پیش از|در|نهایتا)\\s+)*)(?:پایان|آخر|انتهای)\\s+(?:فصل\\s+)?(?:(بهار|تابستان|پاییز|پائیز|زمستان)|(?:سه ماهه|فصل) (اول|نخست|دوم|سوم|چهارم)(?: سال)?|(دهه فجر))(?:\\s+(جاری|امسال|آینده|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})))?${E}`,
  'gu',
);
const SEASON_MONTH: Record<string, number> = { بهار: 3, تابستان: 6, پاییز: 9, پائیز: 9, زمستان: 12, اول: 3, نخست: 3, دوم: 6, سوم: 9, چهارم: 12 };

/** A year after a month or «سال»: four digits, two digits (not a quantity), or a word. */
const YEAR_AFTER = `(?:\\s+(?:سال\\s+)?(13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})|جاری|امسال|آینده|آتی))?`;
/** «تا دی ماه»، «حداکثر تا اسفند ۸۵»: a month named alone after «تا» ends with its last day. */
const MONTH_ONLY = new RegExp(`${B}((?:(?:حداکثر|تا|نهایتا)\\s+)*تا\\s+)(${MONTHS})(?:\\s*ماه)?${YEAR_AFTER}${E}`, 'gu');
/**
 * «از ابتدای سال ۸۶»، «از اول شهریور ماه امسال»، «از امروز»: a duty in force from a day is due that day
 * (not «از ابتدای سال تا کنون», a period looked back on).
 */
const FROM_START = new RegExp(
  `${B}از\\s+(?:(?:ابتدای|ابتدا|اول|آغاز|شروع)\\s+(?:(سال)|(${MONTHS})(?:\\s*ماه)?)${YEAR_AFTER}|(امروز|فردا))${E}(?!\\s*(?:تا|تاکنون|الی|لغایت)(?![\\p{L}]))`,
  'gu',
);
/**
 * «در سال اول برنامه چهارم»، «ظرف سال اول برنامه»، «طی سال دوم اجرای برنامه»: by the end of that year of
 * a national development plan; without the plan's ordinal, the first plan whose year that is not before the session.
 */
const PLAN_YEAR_IN = new RegExp(
  `${B}(?:در|ظرف|طی|حداکثر در|تا)\\s+سال\\s+(${Object.keys(PLAN_YEAR).join('|')})\\s+(?:اجرای\\s+)?(?:قانون\\s+)?برنامه(?:\\s+پنج\\s+ساله)?(?:\\s+توسعه)?(?:\\s+(${Object.keys(PLAN_START).join('|')}))?${E}`,
  'gu',
);

/** Days the calendar names («تا هفته دولت»، «قبل از نوروز»): [month, day] of their first day. */
const OCCASIONS: Record<string, readonly [number, number]> = {
  'هفته دولت': [6, 2],
  'دهه فجر': [11, 12],
  'دهه مبارک فجر': [11, 12],
  نوروز: [1, 1],
  'عید نوروز': [1, 1],
  'سال نو': [1, 1],
  'سال تحصیلی جدید': [7, 1],
  'بازگشایی مدارس': [7, 1],
  'آغاز سال تحصیلی': [7, 1],
};
const OCCASION = new RegExp(
  `${B}((?:(?:حداکثر|تا|قبل از|پیش از|نهایتا)\\s+)+)(?:(?:آغاز|شروع|فرا رسیدن)\\s+)?(${Object.keys(OCCASIONS).sort((a, b) => b.length - a.length).join('|')})${E}`,
  'gu',
);

function yearOf(text: string | undefined, session: string): { jy: number | null; next: boolean } {
  if (text === undefined) return { jy: null, next: false };
  if (/^\d+$/u.test(text)) return { jy: fullYear(text, session), next: false };
  if (text === 'جاری' || text === 'امسال') return { jy: isoToJalali(session).jy, next: false };
  return { jy: null, next: text === 'آینده' || text === 'آتی' };
}

function findStartsAndMonths(text: string, session: string): Candidate[] {
  const out: Candidate[] = [];
  const s = isoToJalali(session);
  for (const m of text.matchAll(MONTH_ONLY)) {
    const [whole, , monthText = '', yearText] = m;
    const jm = jalaliMonthNumber(monthText);
    if (jm === null) continue;
    const y = yearOf(yearText, session);
    const jy = y.jy ?? (y.next ? s.jy + 1 : sessionYearFor(jm, jalaliMonthLength(s.jy, jm), session));
    const start = m.index ?? 0;
    out.push({ due: lastDayOfMonth(jy, jm), start, end: start + whole.length, form: 'period-end', explicitYear: y.jy !== null });
  }
  for (const m of text.matchAll(FROM_START)) {
    const [whole, year, monthText, yearText, day] = m;
    const start = m.index ?? 0;
    const end = start + whole.length;
    if (day) {
      out.push({ due: addDays(session, day === 'فردا' ? 1 : 0), start, end, form: 'date' });
      continue;
    }
    const jm = year ? 1 : monthText ? jalaliMonthNumber(monthText) : null;
    if (jm === null) continue;
    const y = yearOf(yearText, session);
    const jy = y.jy ?? (y.next ? s.jy + 1 : sessionYearFor(jm, 1, session));
    out.push({ due: jalaliToIso({ jy, jm, jd: 1 }), start, end, form: 'date', explicitYear: y.jy !== null });
  }
  for (const m of text.matchAll(OCCASION)) {
    const [whole, lead, name = ''] = m;
    const day = OCCASIONS[name];
    if (!day) continue;
    const [jm, jd] = day;
    const date = jalaliToIso({ jy: sessionYearFor(jm, jd, session), jm, jd });
    const start = m.index ?? 0;
    out.push({ due: endsWithBefore(lead) ? addDays(date, -1) : date, start, end: start + whole.length, form: 'date' });
  }
  for (const m of text.matchAll(PLAN_YEAR_IN)) {
    const [whole, yearWord = '', planWord] = m;
    const k = PLAN_YEAR[yearWord];
    if (k === undefined) continue;
    const firsts = planWord ? [PLAN_START[planWord]] : Object.values(PLAN_START).sort((a, b) => a - b);
    const first = firsts.find((f) => f !== undefined && f + k - 1 >= s.jy);
    if (first === undefined) continue;
    const start = m.index ?? 0;
    out.push({ due: lastDayOfMonth(first + k - 1, 12), start, end: start + whole.length, form: 'period-end', explicitYear: planWord !== undefined });
  }
  return out;
}

function findOtherForms(text: string, session: string): Candidate[] {
  const out: Candidate[] = [];
  const s = isoToJalali(session);
  for (const m of matchesOf(text, SEASON_END)) {
    const [whole, , season, quarter, fajr, qualifier] = m;
    const explicit = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier, session) : null;
    const named = thisYear(qualifier, session);
    const start = m.index ?? 0;
    if (fajr) {
      const jy = explicit ?? named ?? (qualifier === 'آینده' ? s.jy + 1 : sessionYearFor(11, 22, session));
      out.push({ due: jalaliToIso({ jy, jm: 11, jd: 22 }), start, end: start + whole.length, form: 'period-end', explicitYear: explicit !== null || named !== null });
      continue;
    }
    const jm = SEASON_MONTH[season ?? quarter ?? ''];
    if (jm === undefined) continue;
    const jy = explicit ?? named ?? (qualifier === 'آینده' ? s.jy + 1 : sessionYearFor(jm, jalaliMonthLength(s.jy, jm), session));
    out.push({ due: lastDayOfMonth(jy, jm), start, end: start + whole.length, form: 'period-end', explicitYear: explicit !== null || named !== null });
  }
  for (const m of matchesOf(text, MID_MONTH)) {
    const [whole, lead, monthText = '', yearText] = m;
    const jm = jalaliMonthNumber(monthText);
    if (jm === null) continue;
    const explicit = yearText && /^\d+$/.test(yearText) ? fullYear(yearText, session) : null;
    const jy = explicit ?? (yearText === 'آینده' ? s.jy + 1 : sessionYearFor(jm, 15, session));
    const middle = jalaliToIso({ jy, jm, jd: 15 });
    const start = m.index ?? 0;
    const due = endsWithBefore(lead) ? addDays(middle, -1) : middle;
    out.push({ due, start, end: start + whole.length, form: 'date', explicitYear: explicit !== null });
  }
  for (const m of matchesOf(text, HALF_YEAR)) {
    const [whole, , which, qualifier] = m;
    const explicit = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier, session) : null;
    const jy = explicit ?? s.jy + (qualifier === 'آینده' ? 1 : 0);
    const jm = which === 'دوم' ? 12 : 6;
    let due = lastDayOfMonth(jy, jm);
    if (explicit === null && qualifier === undefined && due < session) due = lastDayOfMonth(jy + 1, jm);
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'period-end', explicitYear: explicit !== null });
  }
  for (const m of matchesOf(text, PLAN_YEAR_END)) {
    const [whole, , yearWord = 'آخر', planWord = ''] = m;
    const first = PLAN_START[planWord];
    const k = PLAN_YEAR[yearWord];
    if (first === undefined || k === undefined) continue;
    const start = m.index ?? 0;
    out.push({ due: lastDayOfMonth(first + k - 1, 12), start, end: start + whole.length, form: 'period-end', explicitYear: true });
  }
  for (const m of matchesOf(text, TODAY)) {
    const [whole, , day] = m;
    const start = m.index ?? 0;
    const offset = day === 'فردا' ? 1 : day === 'پس فردا' ? 2 : 0;
    out.push({ due: addDays(session, offset), start, end: start + whole.length, form: 'date' });
  }
  return out;
}

function findPeriodEnds(text: string, session: string): Candidate[] {
  const out: Candidate[] = [];
  const s = isoToJalali(session);
  for (const m of matchesOf(text, PERIOD_END)) {
    const [whole, , half, which, schoolYear, period, monthText, qualifier, past] = m;
    if (past) continue;
    const explicitYear = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier, session) : null;
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
      const named = thisYear(qualifier, session);
      const jy = explicitYear ?? named ?? (next ? s.jy + 1 : sessionYearFor(jm, jalaliMonthLength(s.jy, jm), session));
      due = lastDayOfMonth(jy, jm);
      if (named !== null) {
        out.push({ due, start: m.index ?? 0, end: (m.index ?? 0) + whole.length, form: 'period-end', explicitYear: true });
        continue;
      }
    }
    if (due === null) continue;
    const start = m.index ?? 0;
    out.push({ due, start, end: start + whole.length, form: 'period-end', explicitYear: explicitYear !== null });
  }
  return out;
}

/**
 * «در سه ماهه اول سال آینده»، «ظرف سه ماه نخست امسال»: by the last day of that quarter (like
 * «پایان سه ماهه اول»); a lead word is needed, «سه ماه اول سال» alone is usually a report period.
 */
const QUARTER = `(?:سه ماهه|سه ماه|3 ماهه|3 ماه) (اول|نخست|دوم|سوم|چهارم) (?:سال|امسال)(?:\\s+(جاری|آینده|آتی|13\\d\\d|14\\d\\d|\\d\\d(?!\\d)(?!\\s*${QUANTITY})))?${E}(?!\\s+(?:گذشته|قبل|پیش))`;
const QUARTER_IN = new RegExp(`${B}((?:(?:حداکثر|ظرف|طی|در|تا)\\s+)+)${QUARTER}`, 'gu');

function quarterEnd(which: string | undefined, qualifier: string | undefined, session: string): { due: string; explicitYear: boolean } | null {
  const jm = SEASON_MONTH[which ?? ''];
  if (jm === undefined) return null;
  const s = isoToJalali(session);
  const explicit = qualifier && /^\d+$/.test(qualifier) ? fullYear(qualifier, session) : null;
  const jy = explicit ?? s.jy + (qualifier === 'آینده' || qualifier === 'آتی' ? 1 : 0);
  let due = lastDayOfMonth(jy, jm);
  if (explicit === null && qualifier === undefined && due < session) due = lastDayOfMonth(jy + 1, jm);
  return { due, explicitYear: explicit !== null };
}

function findQuarters(text: string, session: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchesOf(text, QUARTER_IN)) {
    const [whole, , which, qualifier] = m;
    const end = quarterEnd(which, qualifier, session);
    if (end === null) continue;
    const start = m.index ?? 0;
    out.push({ ...end, start, end: start + whole.length, form: 'period-end' });
  }
  return out;
}

/**
 * A word each pattern cannot match without. The patterns open with optional lead words, so a
 * sentence without a deadline was tried at every position; most sentences lack the word.
 */
const NEEDS = new Map<RegExp, RegExp>([
  [DURATION, /روز|هفته|ماه|سال|ساعت/u],
  [DATE_WORDS, new RegExp(MONTHS, 'u')],
  [DATE_NUMERIC, /\//u],
  [SEASON_END, /پایان|آخر|انتهای/u],
  [MID_MONTH, /نیمه|اواسط/u],
  [HALF_YEAR, /نیمه|شش ماهه|6 ماهه/u],
  [PLAN_YEAR_END, /برنامه/u],
  [TODAY, /امروز|امشب|فردا/u],
  [PERIOD_END, /پایان|آخر|انتهای|اواخر/u],
  [QUARTER_IN, /سه ماه|3 ماه/u],
]);

function matchesOf(text: string, pattern: RegExp): Iterable<RegExpMatchArray> {
  const needs = NEEDS.get(pattern);
  return needs && !needs.test(text) ? [] : text.matchAll(pattern);
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
export function resolveDeadline(normalized: string, sessionDate: string, within?: { start: number; end: number }): ResolvedDeadline | null {
  const found: Candidate[] = [
    ...findDurations(normalized, sessionDate),
    ...findDates(normalized, sessionDate),
    ...findPeriodEnds(normalized, sessionDate),
    ...findOtherForms(normalized, sessionDate),
    ...findStartsAndMonths(normalized, sessionDate),
    ...findQuarters(normalized, sessionDate),
  ];
  // Phrases are found in the whole sentence (their context counts), then kept only inside `within`.
  const all = within ? found.filter((d) => d.start >= within.start && d.start < within.end) : found;
  // Without a year a past date was never meant; with one, it is what the text says (and is flagged).
  const kept = all.filter((d) => d.due >= sessionDate || d.explicitYear === true);
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const best = kept[0];
  if (best === undefined) return null;
  const { explicitYear: _explicit, ...deadline } = best;
  if (deadline.due >= sessionDate) return deadline;
  const warning = [deadline.warning, pastWarning(deadline.due)].filter((w) => w !== undefined).join('؛ ');
  return { ...deadline, warning };
}

/**
 * «مهلت ارایه برنامه … مرداد 1383 تعیین شده است»، «مهلت مقرر برای … سه ماه اول سال آینده است»: a
 * sentence whose subject is the time allowed states a deadline for the duty told just before it
 * (extract.ts carries it there). Its date may stand without a lead word: a month alone is that
 * month's last day, a quarter its last day.
 */
const GRACE_SUBJECT = /^(?:[\p{L}\s]{0,25}?\s)?مهلت(?:\s+(?:مقرر|تعیین شده|قانونی|داده شده))?\s/u;
const GRACE_PREDICATE = /(?:است|می باشد|خواهد بود|تعیین شده است|تعیین شد|تعیین گردید|تعیین شده|در نظر گرفته شده است)\s*[.!]?\s*$/u;
const BARE_MONTH = new RegExp(`${B}(${MONTHS})(?:\\s*ماه)?${YEAR_AFTER}${E}`, 'gu');
const BARE_QUARTER = new RegExp(`${B}()${QUARTER}`, 'gu');

export function resolveGraceStatement(normalized: string, sessionDate: string): ResolvedDeadline | null {
  if (!GRACE_SUBJECT.test(normalized) || !GRACE_PREDICATE.test(normalized) || /تمدید/u.test(normalized)) return null;
  const lead = resolveDeadline(normalized, sessionDate);
  if (lead) return lead;
  const s = isoToJalali(sessionDate);
  const found: Candidate[] = [];
  for (const m of normalized.matchAll(BARE_QUARTER)) {
    const [whole, , which, qualifier] = m;
    const end = quarterEnd(which, qualifier, sessionDate);
    if (end !== null) found.push({ ...end, start: m.index ?? 0, end: (m.index ?? 0) + whole.length, form: 'period-end' });
  }
  for (const m of normalized.matchAll(BARE_MONTH)) {
    const [whole, monthText = '', yearText] = m;
    const jm = jalaliMonthNumber(monthText);
    if (jm === null) continue;
    const y = yearOf(yearText, sessionDate);
    const jy = y.jy ?? (y.next ? s.jy + 1 : sessionYearFor(jm, jalaliMonthLength(s.jy, jm), sessionDate));
    found.push({ due: lastDayOfMonth(jy, jm), start: m.index ?? 0, end: (m.index ?? 0) + whole.length, form: 'period-end', explicitYear: y.jy !== null });
  }
  const best = found.filter((d) => d.due >= sessionDate).sort((a, b) => a.start - b.start || b.end - a.end)[0];
  if (best === undefined) return null;
  const { explicitYear: _explicit, ...deadline } = best;
  return deadline;
}

/**
 * «وزارت نیرو امسال موظف است …»، «مکلف است در سال جاری …»: «this year» beside the duty itself sets
 * the year's last day. Read only when the sentence names no other deadline: the year as a whole is
 * a loose deadline, so extract.ts shows it as the due date but does not count it as evidence of a task.
 */
const YEAR_DUTY = /(?<![\p{L}\p{N}])(?:(?:در\s+)?(امسال|سال جاری)\s+(?:موظف|مکلف|ملزم)|(?:موظف|مکلف|ملزم)(?:\s+(?:است|اند|هستند|شد|شدند|شده است|شده اند))?\s+(?:در\s+)?(امسال|سال جاری))(?![\p{L}\p{N}])/u;

export function resolveYearDuty(normalized: string, sessionDate: string): ResolvedDeadline | null {
  const m = YEAR_DUTY.exec(normalized);
  if (!m) return null;
  const word = m[1] ?? m[2] ?? '';
  const start = (m.index ?? 0) + m[0].indexOf(word);
  return { due: lastDayOfMonth(isoToJalali(sessionDate).jy, 12), start, end: start + word.length, form: 'period-end' };
}
