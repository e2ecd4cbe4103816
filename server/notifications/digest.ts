/**
 * @module The daily e-mail digest's words: one person's unread notifications (grouped as on the
 * notifications page) and their actions overdue or near their deadline, in Persian with Persian
 * digits and Jalali dates. Pure: the caller gathers the data and sends the mail.
 */
import { isoToJalali, JALALI_MONTHS, weekdayName } from '../persian/jalali';
import { toPersianDigits } from '../persian/numbers';
import { jalaliForPeople } from '../persian/jalali';

export interface DigestGroup {
  /** The grouped page's line, e.g. «مهلت گذشته است: ۳۰ واحد؛ ۱۲ واحد هنوز گزارشی نفرستاده‌اند». */
  summary: string;
  quote: string;
  unread: number;
}

export interface DigestAction {
  id: number;
  quote: string;
  unitName: string;
  /** ISO. */
  dueOn: string;
  /** Negative when overdue. */
  daysLeft: number;
}

export interface DigestInput {
  displayName: string;
  /** The Tehran day (ISO) the digest is for. */
  day: string;
  groups: DigestGroup[];
  overdue: DigestAction[];
  dueSoon: DigestAction[];
  /** Managers: how many actions wait for verification (0 or omitted: not mentioned). */
  awaitingVerification?: number;
  /** Public base URL for links; none: no links. */
  baseUrl?: string;
}

export interface DigestMail {
  subject: string;
  text: string;
}

/** Lines listed per section; the rest are counted («و ۱۲ مورد دیگر»). */
export const DIGEST_SECTION_LIMIT = 15;
const QUOTE_CHARS = 90;

/**
 * A date as a person writes it in a sentence: «۲۶ بهمن ۱۳۹۹».
 *
 * @example
 * jalaliLong('2021-02-14') // '۲۶ بهمن ۱۳۹۹'
 */
export function jalaliLong(iso: string): string {
  const j = isoToJalali(iso);
  return `${toPersianDigits(j.jd)} ${JALALI_MONTHS[j.jm - 1] ?? ''} ${toPersianDigits(j.jy)}`;
}

function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat;
}

function section<T>(title: string, count: number, items: T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, DIGEST_SECTION_LIMIT).map((item) => `• ${line(item)}`);
  const rest = items.length - shown.length;
  return [`${title} (${toPersianDigits(count)}):`, ...shown, ...(rest > 0 ? [`و ${toPersianDigits(rest)} مورد دیگر`] : []), ''];
}

function dueLine(a: DigestAction, base: string | undefined): string {
  const when =
    a.daysLeft < 0
      ? `${toPersianDigits(-a.daysLeft)} روز از مهلت گذشته`
      : a.daysLeft === 0
        ? 'امروز آخرین مهلت است'
        : `${toPersianDigits(a.daysLeft)} روز مانده`;
  const link = base ? `\n  ${base}/actions/${a.id}` : '';
  return `«${shortQuote(a.quote)}» — ${a.unitName} — مهلت ${jalaliForPeople(a.dueOn)} (${when})${link}`;
}

/**
 * The digest of one person for one day, or null when there is nothing to tell (no mail is sent).
 *
 * @example
 * composeDigest({ displayName: 'مدیر کل آذربایجان شرقی', day: '2021-02-14', groups: [], overdue: [a], dueSoon: [] })?.subject
 * // 'نشست: خلاصهٔ روز ۲۶ بهمن ۱۳۹۹'
 */
export function composeDigest(input: DigestInput): DigestMail | null {
  const awaiting = input.awaitingVerification ?? 0;
  if (input.groups.length === 0 && input.overdue.length === 0 && input.dueSoon.length === 0 && awaiting === 0) return null;
  const base = input.baseUrl?.replace(/\/$/, '');
  const day = `${weekdayName(input.day)} ${jalaliLong(input.day)}`;
  const unread = input.groups.reduce((sum, g) => sum + g.unread, 0);
  const lines = [
    `${input.displayName}، سلام.`,
    '',
    `خلاصهٔ کارهای شما در نشست برای ${day}:`,
    '',
    ...section('اعلان‌های خوانده‌نشده', unread, input.groups, (g) => `${g.summary} — «${shortQuote(g.quote)}»`),
    ...section('اقدام‌های گذشته از مهلت', input.overdue.length, input.overdue, (a) => dueLine(a, base)),
    ...section('اقدام‌های نزدیک مهلت', input.dueSoon.length, input.dueSoon, (a) => dueLine(a, base)),
    ...(awaiting > 0 ? [`${toPersianDigits(awaiting)} اقدام در انتظار تأیید شماست.`, ''] : []),
    ...(base ? [`اعلان‌ها: ${base}/notifications`, ''] : []),
    `این خلاصه روزی یک بار فرستاده می‌شود. برای خاموش کردن ایمیل‌ها به «حساب من»${base ? ` (${base}/account)` : ''} بروید.`,
  ];
  return { subject: `نشست: خلاصهٔ روز ${jalaliLong(input.day)}`, text: lines.join('\n') };
}
