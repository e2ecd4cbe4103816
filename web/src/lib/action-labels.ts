/** @module Persian words for action statuses, due states, priorities, status steps and timeline entries. */
import type { ActionStatus, DueState, FollowUpDto, Priority, TransitionName } from '../api/action-types';
import { toPersianDigits } from './persian-digits';

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'باز',
  in_progress: 'در حال انجام',
  awaiting_verification: 'در انتظار تأیید',
  done: 'انجام‌شده',
  blocked: 'متوقف',
  cancelled: 'لغوشده',
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'کم', normal: 'عادی', high: 'زیاد', urgent: 'فوری' };

export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

/** What each step's button says. */
export const TRANSITION_LABELS: Record<TransitionName, string> = {
  start: 'شروع کار',
  request_verification: 'درخواست تأیید',
  verify: 'تأیید و بستن',
  return: 'بازگرداندن',
  block: 'اعلام توقف',
  resume: 'ادامهٔ کار',
  cancel: 'لغو اقدام',
  reopen: 'بازگشایی',
};

/** Steps the server refuses without a reason (the form asks for one first). */
export const REASON_REQUIRED: ReadonlySet<TransitionName> = new Set(['return', 'block', 'cancel', 'reopen']);

/** Steps that need a second look before they are taken. */
export const NEEDS_CONFIRMATION: ReadonlySet<TransitionName> = new Set(['verify', 'cancel']);

export const FOLLOW_UP_LABELS: Record<FollowUpDto['kind'], string> = {
  progress: 'گزارش پیشرفت',
  request_verification: 'درخواست تأیید',
  returned: 'بازگردانده شد',
  verified: 'تأیید و بسته شد',
  blocked: 'متوقف شد',
  cancelled: 'لغو شد',
  reopened: 'از سر گرفته شد',
  comment: 'پیام',
};

/**
 * A due state in words, with the days left or past when they matter.
 *
 * @example
 * dueStateLabel('overdue', -3) // '۳ روز گذشته از مهلت'
 * dueStateLabel('due_soon', 5) // '۵ روز تا مهلت'
 */
export function dueStateLabel(state: DueState, daysLeft: number | null): string {
  switch (state) {
    case 'overdue':
      return daysLeft !== null && daysLeft < 0 ? `${toPersianDigits(-daysLeft)} روز گذشته از مهلت` : 'گذشته از مهلت';
    case 'due_today':
      return 'مهلت امروز';
    case 'due_soon':
      return daysLeft !== null ? `${toPersianDigits(daysLeft)} روز تا مهلت` : 'نزدیک مهلت';
    case 'on_track':
      return daysLeft !== null ? `${toPersianDigits(daysLeft)} روز مانده` : 'در مهلت';
    case 'closed':
      return 'بسته';
    case 'none':
      return 'بدون مهلت';
  }
}

/**
 * A share (0..1) as a Persian percentage; a dash when there is nothing to rate.
 *
 * @example
 * formatRate(0.5) // '۵۰٪'
 * formatRate(null) // '—'
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${toPersianDigits(Math.round(rate * 100))}٪`;
}

/**
 * A file size in Persian (کیلوبایت / مگابایت).
 *
 * @example
 * formatFileSize(2_500_000) // '۲٫۴ مگابایت'
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${toPersianDigits(bytes)} بایت`;
  if (bytes < 1024 * 1024) return `${toPersianDigits(Math.round(bytes / 1024))} کیلوبایت`;
  return `${toPersianDigits((bytes / (1024 * 1024)).toFixed(1)).replace('.', '٫')} مگابایت`;
}
