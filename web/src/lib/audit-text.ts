/**
 * @module An audit entry in Persian: what happened, and each changed field as «before → after»,
 * with statuses, priorities and dates in words (the raw before/after are JSON objects).
 */
import type { AuditEntry } from '../api/action-types';
import { PRIORITY_LABELS, STATUS_LABELS, TRANSITION_LABELS } from './action-labels';
import { formatJalaliDate } from './jalali-date';
import { toPersianDigits } from './persian-digits';

const EVENT_LABELS: Record<string, string> = {
  'action.create': 'واگذاری اقدام',
  'action.follow_up': 'گزارش پیشرفت',
  'action.comment': 'پیام در گفت‌وگو',
  'action.request_verification': 'گزارش و درخواست تأیید',
  'action.status': 'تغییر وضعیت',
  'action.reassign': 'واگذاری به واحد دیگر',
  'action.redate': 'تغییر مهلت',
  'action.priority': 'تغییر اولویت',
  'action.recipient': 'تغییر گیرنده',
  'action.remind': 'یادآوری',
};

const FIELD_LABELS: Record<string, string> = {
  status: 'وضعیت',
  statusReason: 'دلیل',
  progress: 'پیشرفت',
  letterNumber: 'شماره نامه',
  files: 'پرونده‌ها',
  unitCode: 'واحد',
  dueOn: 'مهلت',
  priority: 'اولویت',
  recipientCode: 'گیرنده',
  // A follow-up records whether it carried a note (true/false), a comment the comment it answers.
  note: 'یادداشت',
  replyTo: 'پاسخ به پیام',
};

/** One changed field: its Persian name and the old and new values in words (null when there was none). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKeyOf<T extends object>(record: T, key: PropertyKey): key is keyof T {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A field's value in words; unit codes go through `unitName` when given. */
function describeValue(field: string, value: unknown, unitName: (code: string) => string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join('، ');
  if (typeof value === 'boolean') return value ? 'دارد' : null;
  const text = String(value);
  if (field === 'status' && isKeyOf(STATUS_LABELS, text)) return STATUS_LABELS[text];
  if (field === 'priority' && isKeyOf(PRIORITY_LABELS, text)) return PRIORITY_LABELS[text];
  if (field === 'dueOn') return formatJalaliDate(text);
  if (field === 'progress') return `${toPersianDigits(text)}٪`;
  if (field === 'unitCode' || field === 'recipientCode') return unitName(text);
  if (field === 'replyTo') return `پیام ${toPersianDigits(text)}`;
  return toPersianDigits(text);
}

/**
 * What an audit entry did, in Persian (a status step names the step).
 *
 * @example
 * auditEventLabel({ event: 'action.status', detail: 'verify', … }) // 'تغییر وضعیت: تأیید و بستن'
 */
export function auditEventLabel(entry: Pick<AuditEntry, 'event' | 'detail'>): string {
  const base = EVENT_LABELS[entry.event] ?? entry.event;
  if (entry.event === 'action.status' && entry.detail && isKeyOf(TRANSITION_LABELS, entry.detail)) return `${base}: ${TRANSITION_LABELS[entry.detail]}`;
  return base;
}

/**
 * The fields an audit entry changed, in the order they were recorded; fields whose value
 * did not change are left out (a follow-up records its status even when it stayed).
 *
 * @example
 * auditChanges({ before: { status: 'open' }, after: { status: 'in_progress' }, … })
 * // [{ field: 'وضعیت', before: 'باز', after: 'در حال انجام' }]
 */
export function auditChanges(entry: Pick<AuditEntry, 'before' | 'after'>, unitName: (code: string) => string = (code) => code): AuditChange[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const from = describeValue(field, before[field], unitName);
    const to = describeValue(field, after[field], unitName);
    if (from === to) continue;
    changes.push({ field: FIELD_LABELS[field] ?? field, before: from, after: to });
  }
  return changes;
}
