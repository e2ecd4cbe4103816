/** @module The register's CSV rows: Persian headers and labels, Jalali and ISO dates, the quote whole. */
import type { DirectiveKind } from '../db/schema';
import type { RegisterItem } from './register.schemas';

export const KIND_LABELS: Record<DirectiveKind, string> = { action: 'اقدام', instruction: 'دستور', policy: 'سیاست', exhortation: 'توصیه' };

export const REGISTER_CSV_HEADER = [
  'شناسه',
  'رهنمود',
  'نوع',
  'گوینده',
  'نشست',
  'مجموعه',
  'تاریخ نشست (شمسی)',
  'تاریخ نشست (میلادی)',
  'مهلت (شمسی)',
  'مهلت (میلادی)',
  'وضعیت',
  'پیشرفت (درصد)',
  'واحدها',
  'انجام‌شده',
  'در حال انجام',
  'گذشته از مهلت',
  'بدون گزارش',
  'پیگیری‌ها',
  'پیوند در نشست',
];

/**
 * One CSV row per directive; links absolute against `origin`.
 *
 * @example
 * toCsv(REGISTER_CSV_HEADER, registerCsvRows(page.items, 'https://neshast.example'))
 */
export function registerCsvRows(items: RegisterItem[], origin: string): Array<Array<string | number | null>> {
  return items.map((d) => [
    d.id,
    d.quote,
    KIND_LABELS[d.kind],
    d.speakerName ?? '',
    d.session.title,
    d.session.series ?? '',
    d.session.heldOnJalali ?? '',
    d.session.heldOn ?? '',
    d.deadlineJalali ?? '',
    d.deadline ?? '',
    d.stateLabel,
    d.progress,
    d.counts.total,
    d.counts.done,
    d.counts.inProgress,
    d.counts.overdue,
    d.counts.noReport,
    d.followUps,
    `${origin}${d.link}`,
  ]);
}
