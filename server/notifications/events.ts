/**
 * @module Event notifications (issue 14): what happened to an action, told to the people who need it.
 * A notice is for a unit's people (`recipientUserId` null) or for one person (the assigning manager,
 * the verifier); each gets a fresh event key, so events repeat while reminders stay once per due date.
 * Statements are written into the same batch as the change they tell of, guarded like its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import type { EventKind, NotificationKind } from '../db/schema';

export interface EventNotice {
  kind: EventKind;
  actionId: number;
  /** The unit the action belongs to (after a re-assignment: the new one). */
  unitCode: string;
  /** A person; null for the people of the unit. */
  recipientUserId: number | null;
  actorId: number | null;
  /** The reason or the new value, as people read it. */
  detail: string | null;
  /** The action's due date (ISO), or '' when it has none. */
  dueOn: string | null;
}

/** Persian wording of every notification kind (the app, the grouped page, e-mail). */
export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  due_soon: 'مهلت نزدیک است',
  due_today: 'امروز آخرین مهلت است',
  overdue: 'مهلت گذشته است',
  assigned: 'اقدام تازه به واحد سپرده شد',
  report_posted: 'گزارش تازه ثبت شد',
  verification_requested: 'درخواست تأیید رسید',
  verified: 'اقدام تأیید و بسته شد',
  returned: 'اقدام با دلیل برگردانده شد',
  redated: 'مهلت تغییر کرد',
  reassigned: 'اقدام به واحد دیگری سپرده شد',
  cancelled: 'اقدام لغو شد',
  comment: 'پیام تازه در گفت‌وگو',
  reminder: 'یادآوری ستاد',
};

/**
 * The INSERT of one notice, run only when `guard` holds (e.g. `changes() = 1` after a versioned update).
 *
 * @example
 * statements.push(noticeStatement(notice, now, '1'));
 */
export function noticeStatement(notice: EventNotice, now: string, guard = '1'): InStatement {
  return {
    sql: `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at, recipient_user_id, actor_id, detail, event_key)
          SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${guard}`,
    args: [notice.actionId, notice.unitCode, notice.kind, notice.dueOn ?? '', now, notice.recipientUserId, notice.actorId, notice.detail, randomUUID()],
  };
}
