/**
 * @module The only database code of the directive record: a directive with its session, a draft's
 * directives, the review's edits and additions, publishing (a draft session with its confirmed
 * directives, or one directive) and assigning (one action per unit). Every write is one batch
 * with its audit entry.
 */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditStatement, auditValues, type AuditEntry } from '../audit/audit';
import type { Database } from '../db/client';
import { actionItems, auditLog, directives, sessions, type Priority, type SessionStatus } from '../db/schema';

export type DirectiveRow = typeof directives.$inferSelect;
export type DirectiveValues = typeof directives.$inferInsert;

/** A directive with the session it was said in. */
export interface DirectiveWithSession {
  directive: DirectiveRow;
  session: {
    id: number;
    slug: string;
    title: string;
    heldOn: string | null;
    series: string | null;
    status: SessionStatus;
    withdrawnAt: string | null;
    withdrawnReason: string | null;
  };
}

export function createDirectivesRepo(database: Database) {
  const { db, client } = database;
  return {
    async byId(id: number): Promise<DirectiveWithSession | undefined> {
      const [row] = await db
        .select({
          directive: directives,
          session: {
            id: sessions.id,
            slug: sessions.slug,
            title: sessions.title,
            heldOn: sessions.heldOn,
            series: sessions.series,
            status: sessions.status,
            withdrawnAt: sessions.withdrawnAt,
            withdrawnReason: sessions.withdrawnReason,
          },
        })
        .from(directives)
        .innerJoin(sessions, eq(sessions.id, directives.sessionId))
        .where(eq(directives.id, id))
        .limit(1);
      return row;
    },

    /** Actions of the directive still cancelled by the withdrawal of its session (a restore offers to reopen them). */
    async withdrawalCancelledIds(directiveId: number): Promise<number[]> {
      const rows = await db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(and(eq(actionItems.directiveId, directiveId), eq(actionItems.status, 'cancelled'), isNotNull(actionItems.cancelledByWithdrawal)))
        .orderBy(asc(actionItems.id));
      return rows.map((r) => r.id);
    },

    /** Every directive of a session whatever its state (a draft's suggestions), in text order. */
    async ofSession(sessionId: number): Promise<DirectiveRow[]> {
      return db.select().from(directives).where(eq(directives.sessionId, sessionId)).orderBy(asc(directives.start), asc(directives.id));
    },

    async inSession(sessionId: number, id: number): Promise<DirectiveRow | undefined> {
      const [row] = await db
        .select()
        .from(directives)
        .where(and(eq(directives.sessionId, sessionId), eq(directives.id, id)))
        .limit(1);
      return row;
    },

    /**
     * A review's edit of one directive if it is still at `version` (the version moves on), with its
     * audit entry only when the edit applied; undefined when someone else wrote first (or it is gone).
     */
    async update(id: number, version: number, set: Partial<DirectiveValues>, audit: AuditEntry): Promise<DirectiveRow | undefined> {
      const a = auditValues(audit);
      const [updated] = await db.batch([
        db
          .update(directives)
          .set({ ...set, version: sql`${directives.version} + 1` })
          .where(and(eq(directives.id, id), eq(directives.version, version)))
          .returning(),
        db.run(
          sql`INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail)
              SELECT ${a.at}, ${a.actorId ?? null}, ${a.event}, ${a.entity ?? null}, ${a.entityId ?? null}, ${a.before == null ? null : JSON.stringify(a.before)}, ${a.after == null ? null : JSON.stringify(a.after)}, ${a.detail ?? null}
              WHERE changes() = 1`,
        ),
      ]);
      return updated[0];
    },

    /** A directive a reviewer marked, with its audit entry. */
    async add(values: DirectiveValues, audit: AuditEntry): Promise<DirectiveRow | undefined> {
      const [inserted] = await db.batch([db.insert(directives).values(values).returning(), db.insert(auditLog).values(auditValues(audit))]);
      return inserted[0];
    },

    /** Publish a draft session: unconfirmed directives rejected, confirmed ones published, the session visible. */
    async publishDraft(sessionId: number, now: string, audit: AuditEntry): Promise<void> {
      await db.batch([
        db
          .update(directives)
          .set({ status: 'rejected', confirmedAt: null, updatedAt: now })
          .where(and(eq(directives.sessionId, sessionId), eq(directives.status, 'draft'), isNull(directives.confirmedAt))),
        db
          .update(directives)
          .set({ status: 'published', updatedAt: now })
          .where(and(eq(directives.sessionId, sessionId), eq(directives.status, 'draft'), isNotNull(directives.confirmedAt))),
        db
          .update(sessions)
          .set({ status: 'published', publishedAt: now, updatedAt: now })
          .where(and(eq(sessions.id, sessionId), eq(sessions.status, 'draft'))),
        db.insert(auditLog).values(auditValues(audit)),
      ]);
    },

    async publish(id: number, dueOn: string | null, now: string, audit: AuditEntry): Promise<void> {
      await client.batch(
        [
          {
            sql: `UPDATE directives SET status = 'published', due_on = COALESCE(?, due_on), updated_at = ? WHERE id = ?`,
            args: [dueOn, now, id],
          },
          auditStatement(audit, 'changes() = 1'),
        ],
        'write',
      );
    },

    /**
     * One action per unit for a directive; units that already have one are left alone.
     * Returns the ids created by this call, or null when the directive or its session is no longer
     * published (a withdrawal that committed after the caller's check): then nothing is written.
     */
    async createActions(input: {
      directiveId: number;
      unitCodes: string[];
      dueOn: string | null;
      recipientCode: string | null;
      priority: Priority;
      now: string;
      actorId: number;
    }): Promise<number[] | null> {
      if (input.unitCodes.length === 0) return [];
      const values = input.unitCodes.map(() => `(?, ?, ?, ?, ?, 'open', 0, 1, ?, ?)`).join(', ');
      const args = input.unitCodes.flatMap((code) => [input.directiveId, code, input.dueOn, input.recipientCode, input.priority, input.now, input.now]);
      const audit = auditValues({ actorId: input.actorId, event: 'action.create', entity: 'action', at: new Date(input.now) });
      // Checked inside the write itself, so no withdrawal can slip between the check and the insert.
      const assignable = `EXISTS (SELECT 1 FROM directives d JOIN sessions s ON s.id = d.session_id
                                  WHERE d.id = ? AND d.status = 'published' AND s.status = 'published')`;
      const results = await client.batch(
        [
          { sql: `SELECT ${assignable} AS open`, args: [input.directiveId] },
          {
            sql: `INSERT INTO action_items (directive_id, unit_code, due_on, recipient_code, priority, status, progress, version, created_at, updated_at)
                  SELECT * FROM (VALUES ${values}) WHERE ${assignable}
                  ON CONFLICT (directive_id, unit_code) DO NOTHING RETURNING id`,
            args: [...args, input.directiveId],
          },
          {
            // Audit exactly the rows this batch created: version 1, stamped now, not yet audited.
            sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail)
                  SELECT ?, ?, 'action.create', 'action', CAST(a.id AS TEXT), NULL,
                         json_object('unitCode', a.unit_code, 'dueOn', a.due_on, 'priority', a.priority, 'recipientCode', a.recipient_code), NULL
                  FROM action_items a
                  WHERE a.directive_id = ? AND a.created_at = ? AND a.version = 1
                    AND a.unit_code IN (SELECT value FROM json_each(?))
                    AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'action' AND l.entity_id = CAST(a.id AS TEXT) AND l.event = 'action.create')`,
            args: [audit.at, input.actorId, input.directiveId, input.now, JSON.stringify(input.unitCodes)],
          },
          {
            // Each unit is told of its new action, once (the same rows as the audit above).
            sql: `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at, actor_id, event_key)
                  SELECT a.id, a.unit_code, 'assigned', COALESCE(a.due_on, ''), ?, ?, 'assigned'
                  FROM action_items a
                  WHERE a.directive_id = ? AND a.created_at = ? AND a.version = 1
                    AND a.unit_code IN (SELECT value FROM json_each(?))
                  ON CONFLICT (action_id, kind, due_on, event_key) DO NOTHING`,
            args: [input.now, input.actorId, input.directiveId, input.now, JSON.stringify(input.unitCodes)],
          },
        ],
        'write',
      );
      if (Number(results[0]?.rows[0]?.open ?? 0) !== 1) return null;
      return (results[1]?.rows ?? []).map((r) => Number(r.id));
    },

    /** Actions of a directive whose unit has posted a report (a progress update or a request). */
    async reportedActionIds(directiveId: number): Promise<Set<number>> {
      const rs = await client.execute({
        sql: `SELECT DISTINCT a.id FROM action_items a JOIN follow_ups f ON f.action_id = a.id
              WHERE a.directive_id = ? AND f.kind IN ('progress', 'request_verification')`,
        args: [directiveId],
      });
      return new Set(rs.rows.map((r) => Number(r.id)));
    },
  };
}

export type DirectivesRepo = ReturnType<typeof createDirectivesRepo>;
