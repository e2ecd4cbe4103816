/** @module Persian words for the register: directive states, strip buckets, sorts. */
import type { RegisterItem } from '../api/register';

export type DirectiveState = RegisterItem['state'];
export type StripBucket = RegisterItem['units'][number]['bucket'];

/** The state filter's choices, in the order a manager asks about them. */
export const STATE_CHOICES: Array<{ value: string; label: string }> = [
  { value: '', label: 'همه' },
  { value: 'overdue', label: 'باز و گذشته از مهلت' },
  { value: 'open', label: 'باز' },
  { value: 'awaiting_verification', label: 'در انتظار تأیید' },
  { value: 'not_assigned', label: 'واگذارنشده' },
  { value: 'done', label: 'همه انجام‌شده' },
  { value: 'done_on_time', label: 'انجام‌شده در مهلت' },
  { value: 'done_late', label: 'انجام‌شده با تأخیر' },
  { value: 'cancelled', label: 'لغوشده' },
  { value: 'assigned', label: 'واگذارشده' },
];

export const BUCKET_LABELS: Record<StripBucket, string> = {
  done: 'انجام‌شده',
  in_progress: 'در حال انجام',
  overdue: 'گذشته از مهلت',
  no_report: 'بدون گزارش',
};

export const SORT_CHOICES: Array<{ value: string; label: string }> = [
  { value: '', label: 'پیش‌فرض' },
  { value: 'date', label: 'تاریخ نشست' },
  { value: 'due', label: 'مهلت' },
  { value: 'progress', label: 'پیشرفت' },
  { value: 'relevance', label: 'نزدیکی به عبارت جست‌وجو' },
];
