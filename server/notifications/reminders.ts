/**
 * @module Reminders: in-app notifications 7 days before, on and after the due date, each created
 * exactly once by the unique index (action, kind, due date), and e-mailed at most once by claiming
 * `emailed_at` before sending. Safe to run from several processes and after every restart.
 */
import type { Client } from '@libsql/client';
import { addDays } from '../persian/jalali';
import { formatJalali } from '../persian/jalali';
import { DUE_SOON_DAYS, tehranToday } from '../actions/due-dates';
import type { ReminderKind } from '../db/schema';
import type { Mailer } from './mailer';

const OPEN = `('open', 'in_progress', 'awaiting_verification', 'blocked')`;

/** Persian wording of each reminder, used in the app and in e-mail. */
export const REMINDER_LABELS: Record<ReminderKind, string> = {
  due_soon: 'مهلت نزدیک است',
  due_today: 'امروز آخرین مهلت است',
  overdue: 'مهلت گذشته است',
};

export interface ReminderRun {
  today: string;
  created: Record<ReminderKind, number>;
  emailed: number;
  emailFailures: number;
}

export interface ReminderOptions {
  now: Date;
  mailer?: Mailer;
  /** Base URL for links in e-mail. */
  publicUrl?: string;
}

/** Notifications older than this are not e-mailed late (e.g. when SMTP is configured for the first time). */
const EMAIL_WINDOW_DAYS = 2;

/**
 * Create the notifications due on the Tehran day of `now`, then e-mail the new ones.
 *
 * @example
 * const run = await runReminders(database.client, { now: clock.now(), mailer });
 * run.created.overdue // 30
 */
export async function runReminders(client: Client, options: ReminderOptions): Promise<ReminderRun> {
  const today = tehranToday(options.now);
  const stamp = options.now.toISOString();
  const insert = (kind: ReminderKind, condition: string, args: string[]) => ({
    sql: `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at)
          SELECT id, unit_code, '${kind}', due_on, ? FROM action_items
          WHERE status IN ${OPEN} AND due_on IS NOT NULL AND ${condition}
          ON CONFLICT (action_id, kind, due_on, event_key) DO NOTHING`,
    args: [stamp, ...args],
  });
  const results = await client.batch(
    [
      insert('due_soon', 'due_on > ? AND due_on <= ?', [today, addDays(today, DUE_SOON_DAYS)]),
      insert('due_today', 'due_on = ?', [today]),
      insert('overdue', 'due_on < ?', [today]),
    ],
    'write',
  );
  const created = {
    due_soon: results[0]?.rowsAffected ?? 0,
    due_today: results[1]?.rowsAffected ?? 0,
    overdue: results[2]?.rowsAffected ?? 0,
  };
  const mail = options.mailer ? await emailPending(client, options.mailer, options) : { emailed: 0, failures: 0 };
  return { today, created, emailed: mail.emailed, emailFailures: mail.failures };
}

async function emailPending(client: Client, mailer: Mailer, options: ReminderOptions): Promise<{ emailed: number; failures: number }> {
  const since = new Date(options.now.getTime() - EMAIL_WINDOW_DAYS * 86_400_000).toISOString();
  const pending = await client.execute({
    sql: `SELECT n.id, n.kind, n.due_on, n.action_id, n.unit_code, d.quote, u.name AS unit_name, s.title AS session_title
          FROM notifications n
          JOIN action_items a ON a.id = n.action_id
          JOIN directives d ON d.id = a.directive_id
          JOIN sessions s ON s.id = d.session_id
          JOIN units u ON u.code = n.unit_code
          WHERE n.emailed_at IS NULL AND n.event_key = '' AND n.created_at >= ? AND a.status IN ${OPEN}
            -- Seen in the app by someone of the unit: no e-mail needed.
            AND NOT EXISTS (SELECT 1 FROM notification_reads r JOIN users ru ON ru.id = r.user_id
                            WHERE r.notification_id = n.id AND ru.unit_code = n.unit_code)
          ORDER BY n.id`,
    args: [since],
  });
  let emailed = 0;
  let failures = 0;
  for (const row of pending.rows) {
    const id = Number(row.id);
    // Claim first: another instance running at the same moment skips this one.
    const claim = await client.execute({
      sql: 'UPDATE notifications SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL',
      args: [options.now.toISOString(), id],
    });
    if (claim.rowsAffected !== 1) continue;
    const recipients = await client.execute({
      sql: `SELECT email FROM users WHERE unit_code = ? AND email IS NOT NULL AND email <> '' AND disabled = 0 AND email_enabled = 1`,
      args: [String(row.unit_code)],
    });
    const to = recipients.rows.map((r) => String(r.email));
    if (to.length === 0) continue;
    const kind = String(row.kind) as ReminderKind;
    const dueJalali = formatJalali(String(row.due_on));
    const link = options.publicUrl ? `${options.publicUrl.replace(/\/$/, '')}/actions/${String(row.action_id)}` : null;
    try {
      await mailer.send({
        to,
        subject: `یادآوری نشست: ${REMINDER_LABELS[kind]} (مهلت ${dueJalali})`,
        text: [
          `${String(row.unit_name)}،`,
          '',
          `${REMINDER_LABELS[kind]}. مهلت این اقدام ${dueJalali} است.`,
          '',
          `رهنمود: «${String(row.quote)}»`,
          `نشست: ${String(row.session_title)}`,
          link ? `\nپیگیری: ${link}` : '',
        ].join('\n'),
      });
      emailed++;
    } catch (error) {
      failures++;
      console.warn(`reminder e-mail ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      // Release the claim so the next run tries again.
      await client.execute({ sql: 'UPDATE notifications SET emailed_at = NULL WHERE id = ?', args: [id] });
    }
  }
  return { emailed, failures };
}
