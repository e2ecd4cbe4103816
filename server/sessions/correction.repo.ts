/**
 * @module The only database code of correcting and withdrawing a published session. Each write is
 * one batch whose first statement is `UPDATE sessions … WHERE id = ? AND version = ?`; every later
 * statement is chained on `changes() = 1` (the last one may touch many rows), so a stale write
 * changes nothing, in one process or several (as actions.repo does for actions).
 */
import type { Client, InStatement, InValue } from '@libsql/client';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditValues, type AuditEntry } from '../audit/audit';
import type { Database } from '../db/client';
import { actionItems, directives, paragraphs, sessions, units, type SessionKind } from '../db/schema';

export type CorrectableSession = typeof sessions.$inferSelect;

export interface SessionFacts {
  title: string;
  kind: SessionKind;
  heldOn: string | null;
  series: string | null;
  organiser: string | null;
  speakers: string[];
  tags: string[];
  mediaUrl: string | null;
  notes: string | null;
}

export interface CorrectionWrite {
  sessionId: number;
  version: number;
  facts: SessionFacts;
  /** Only when the text changed: the new body, every paragraph's text and span, every directive's span. */
  text?: {
    body: string;
    paragraphs: Array<{ ordinal: number; text: string; start: number; end: number }>;
    directives: Array<{ id: number; start: number; end: number; quote: string }>;
  };
  contentHash: string;
  now: string;
  audit: AuditEntry;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function auditStatement(entry: AuditEntry): InStatement {
  const v = auditValues(entry);
  return {
    sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
    args: [v.at, v.actorId ?? null, v.event, v.entity ?? null, v.entityId ?? null, json(v.before), json(v.after), v.detail ?? null],
  };
}

export interface WithdrawalWrite {
  sessionId: number;
  version: number;
  reason: string;
  /** What each cancelled action's unit reads (names the session and the reason). */
  actionReason: string;
  /** Statuses of actions that still need work: these are cancelled. */
  openStatuses: readonly string[];
  /** Unique to this withdrawal: marks the session and the actions it cancelled. */
  key: string;
  now: string;
  audit: AuditEntry;
}

/** What the cancellations of a withdrawal write, per open action of the session's directives. */
export interface WithdrawalCancellation {
  sessionId: number;
  /** Who withdrew (the cancellations are theirs); null when unknown. */
  actorId: number | null;
  /** What each cancelled action's unit reads (names the session and the reason). */
  actionReason: string;
  openStatuses: readonly string[];
  /** The withdrawal's key: the cancelled actions carry it (a restore offers to reopen exactly those). */
  key: string;
  now: string;
  /** The audit entries' detail (default 'cancel', as the actions' own cancel). */
  detail?: string;
}

/**
 * The statements that cancel the session's open actions, each only while `guard` holds: per action,
 * as the actions' own cancel does, a follow-up, an `action.status` audit entry and a notice to the unit.
 * The inserts read the open actions before the update closes them and marks them with the key.
 */
export function withdrawalCancellations(c: WithdrawalCancellation, guard: { sql: string; args: InValue[] }): InStatement[] {
  const open = `a.directive_id IN (SELECT id FROM directives WHERE session_id = ?) AND a.status IN (${c.openStatuses.map(() => '?').join(', ')})`;
  const where = { sql: `${open} AND ${guard.sql}`, args: [c.sessionId, ...c.openStatuses, ...guard.args] };
  return [
    {
      sql: `INSERT INTO follow_ups (action_id, author_id, kind, note, progress, letter_number, letter_date, idempotency_key, created_at)
            SELECT a.id, ?, 'cancelled', ?, NULL, NULL, NULL, 'auto:' || lower(hex(randomblob(16))), ? FROM action_items a
            WHERE ${where.sql}`,
      args: [c.actorId, c.actionReason, c.now, ...where.args],
    },
    {
      sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail)
            SELECT ?, ?, 'action.status', 'action', CAST(a.id AS TEXT), json_object('status', a.status, 'statusReason', a.status_reason),
                   json_object('status', 'cancelled', 'statusReason', ?), ?
            FROM action_items a WHERE ${where.sql}`,
      args: [c.now, c.actorId, c.actionReason, c.detail ?? 'cancel', ...where.args],
    },
    {
      sql: `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at, recipient_user_id, actor_id, detail, event_key)
            SELECT a.id, a.unit_code, 'cancelled', coalesce(a.due_on, ''), ?, NULL, ?, ?, lower(hex(randomblob(16))) FROM action_items a
            WHERE ${where.sql}`,
      args: [c.now, c.actorId, c.actionReason, ...where.args],
    },
    {
      sql: `UPDATE action_items AS a SET status = 'cancelled', status_reason = ?, closed_at = ?, cancelled_by_withdrawal = ?, version = version + 1, updated_at = ?
            WHERE ${where.sql}`,
      args: [c.actionReason, c.now, c.key, c.now, ...where.args],
    },
  ];
}

export function createCorrectionRepo(database: Database) {
  const { db, client }: { db: Database['db']; client: Client } = database;
  return {
    async bySlug(slug: string): Promise<CorrectableSession | undefined> {
      const [row] = await db.select().from(sessions).where(eq(sessions.slug, slug)).limit(1);
      return row;
    },

    async unitExists(code: string): Promise<boolean> {
      const rows = await db.select({ code: units.code }).from(units).where(eq(units.code, code)).limit(1);
      return rows.length > 0;
    },

    async paragraphTexts(sessionId: number): Promise<string[]> {
      const rows = await db.select({ text: paragraphs.text }).from(paragraphs).where(eq(paragraphs.sessionId, sessionId)).orderBy(asc(paragraphs.ordinal));
      return rows.map((r) => r.text);
    },

    async directivesOf(sessionId: number) {
      return db
        .select({ id: directives.id, anchor: directives.anchor, start: directives.start, end: directives.end, quote: directives.quote, status: directives.status })
        .from(directives)
        .where(eq(directives.sessionId, sessionId))
        .orderBy(asc(directives.start));
    },

    /** 'stale' when the session moved past `version` (or stopped being published) meanwhile. */
    async applyCorrection(w: CorrectionWrite): Promise<'applied' | 'stale'> {
      const f = w.facts;
      const statements: InStatement[] = [
        {
          sql: `UPDATE sessions SET title = ?, kind = ?, held_on = ?, series = ?, organiser = ?, speakers = ?, tags = ?, media_url = ?, notes = ?,
                  ${w.text ? 'body = ?,' : ''} content_hash = ?, version = version + 1, corrected_at = ?, updated_at = ?
                WHERE id = ? AND version = ? AND status = 'published'`,
          args: [
            f.title,
            f.kind,
            f.heldOn,
            f.series,
            f.organiser,
            JSON.stringify(f.speakers),
            JSON.stringify(f.tags),
            f.mediaUrl,
            f.notes,
            ...(w.text ? [w.text.body] : []),
            w.contentHash,
            w.now,
            w.now,
            w.sessionId,
            w.version,
          ],
        },
        auditStatement(w.audit),
      ];
      if (w.text) {
        // One row each, so the chain holds; the paragraphs (many rows) come last.
        for (const d of w.text.directives) {
          statements.push({
            sql: `UPDATE directives SET start = ?, end = ?, quote = ?, updated_at = ? WHERE id = ? AND session_id = ? AND changes() = 1`,
            args: [d.start, d.end, d.quote, w.now, d.id, w.sessionId],
          });
        }
        statements.push({
          sql: `UPDATE paragraphs SET text = json_extract(j.value, '$[1]'), start = json_extract(j.value, '$[2]'), end = json_extract(j.value, '$[3]')
                FROM json_each(?) AS j
                WHERE paragraphs.session_id = ? AND paragraphs.ordinal = json_extract(j.value, '$[0]') AND changes() = 1`,
          args: [JSON.stringify(w.text.paragraphs.map((p) => [p.ordinal, p.text, p.start, p.end])), w.sessionId],
        });
      }
      const results = await client.batch(statements, 'write');
      return results[0]?.rowsAffected === 1 ? 'applied' : 'stale';
    },

    /**
     * Withdraw the session and cancel its directives' open actions in one batch (one transaction):
     * either everything is written or nothing. Every later statement is guarded by the session having
     * just become withdrawn at `version + 1` under this withdrawal's `key`, so a stale withdrawal
     * changes nothing. Per action, as the actions' own cancel does: a follow-up, an `action.status`
     * audit entry and a notice to the unit. The inserts read the open actions before the update
     * closes them; the update marks them with `key` (a restore offers to reopen exactly those).
     */
    async applyWithdrawal(w: WithdrawalWrite): Promise<{ outcome: 'applied' | 'stale'; cancelled: number[] }> {
      const guard = {
        sql: `EXISTS (SELECT 1 FROM sessions WHERE id = ? AND status = 'withdrawn' AND version = ? AND withdrawal_key = ?)`,
        args: [w.sessionId, w.version + 1, w.key],
      };
      const results = await client.batch(
        [
          {
            sql: `UPDATE sessions SET status = 'withdrawn', withdrawn_at = ?, withdrawn_reason = ?, withdrawal_key = ?, version = version + 1, updated_at = ?
                  WHERE id = ? AND version = ? AND status = 'published'`,
            args: [w.now, w.reason, w.key, w.now, w.sessionId, w.version],
          },
          auditStatement(w.audit),
          ...withdrawalCancellations({ sessionId: w.sessionId, actorId: w.audit.actorId, actionReason: w.actionReason, openStatuses: w.openStatuses, key: w.key, now: w.now }, guard),
        ],
        'write',
      );
      if (results[0]?.rowsAffected !== 1) return { outcome: 'stale', cancelled: [] };
      const rows = await db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(eq(actionItems.cancelledByWithdrawal, w.key))
        .orderBy(asc(actionItems.id));
      return { outcome: 'applied', cancelled: rows.map((r) => r.id) };
    },

    /** Put a withdrawn session back (still at `version`); the actions its withdrawal cancelled keep their mark. */
    async applyRestore(w: { sessionId: number; version: number; contentHash: string; now: string; audit: AuditEntry }): Promise<'applied' | 'stale'> {
      const results = await client.batch(
        [
          {
            sql: `UPDATE sessions SET status = 'published', withdrawn_at = NULL, withdrawn_reason = NULL, content_hash = ?, version = version + 1, updated_at = ?
                  WHERE id = ? AND version = ? AND status = 'withdrawn'`,
            args: [w.contentHash, w.now, w.sessionId, w.version],
          },
          auditStatement(w.audit),
        ],
        'write',
      );
      return results[0]?.rowsAffected === 1 ? 'applied' : 'stale';
    },

    /**
     * Withdrawn sessions whose directives still have actions in `openStatuses` (a withdrawal left
     * half-done), with who withdrew them (the latest session.withdraw audit entry) and how many are open.
     */
    async halfDoneWithdrawals(openStatuses: readonly string[]) {
      const rs = await client.execute({
        sql: `SELECT s.id, s.title, s.withdrawn_reason, s.withdrawal_key, count(a.id) AS open,
                (SELECT l.actor_id FROM audit_log l WHERE l.event = 'session.withdraw' AND l.entity = 'session' AND l.entity_id = CAST(s.id AS TEXT)
                 ORDER BY l.id DESC LIMIT 1) AS actor_id
              FROM sessions s JOIN directives d ON d.session_id = s.id JOIN action_items a ON a.directive_id = d.id
              WHERE s.status = 'withdrawn' AND a.status IN (${openStatuses.map(() => '?').join(', ')})
              GROUP BY s.id ORDER BY s.id`,
        args: [...openStatuses],
      });
      return rs.rows.map((r) => ({
        id: Number(r.id),
        title: String(r.title),
        reason: r.withdrawn_reason === null ? null : String(r.withdrawn_reason),
        key: r.withdrawal_key === null ? null : String(r.withdrawal_key),
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        open: Number(r.open),
      }));
    },

    /**
     * Cancel a withdrawn session's open actions as its withdrawal would have, in one batch; a session
     * withdrawn before withdrawals had keys is given `cancellation.key` first. Nothing is written once
     * the session is no longer withdrawn (restored meanwhile). Returns how many actions were cancelled.
     */
    async finishWithdrawal(cancellation: WithdrawalCancellation, hadKey: boolean): Promise<number> {
      const statements: InStatement[] = [];
      if (!hadKey) {
        statements.push({
          sql: `UPDATE sessions SET withdrawal_key = ? WHERE id = ? AND status = 'withdrawn' AND withdrawal_key IS NULL`,
          args: [cancellation.key, cancellation.sessionId],
        });
      }
      const guard = { sql: `EXISTS (SELECT 1 FROM sessions WHERE id = ? AND status = 'withdrawn' AND withdrawal_key = ?)`, args: [cancellation.sessionId, cancellation.key] };
      statements.push(...withdrawalCancellations(cancellation, guard));
      const results = await client.batch(statements, 'write');
      return results.at(-1)?.rowsAffected ?? 0;
    },

    /** How many of the session's actions are still cancelled by a withdrawal (a restore reopens none). */
    async withdrawalCancelledCount(sessionId: number): Promise<number> {
      const rs = await client.execute({
        sql: `SELECT count(*) AS n FROM action_items WHERE status = 'cancelled' AND cancelled_by_withdrawal IS NOT NULL
              AND directive_id IN (SELECT id FROM directives WHERE session_id = ?)`,
        args: [sessionId],
      });
      return Number(rs.rows[0]?.n ?? 0);
    },
  };
}

export type CorrectionRepo = ReturnType<typeof createCorrectionRepo>;
