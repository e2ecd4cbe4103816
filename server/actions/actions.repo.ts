/**
 * @module The only database code for action items, follow-ups and evidence. Writes are single
 * batches whose first statement is `UPDATE … WHERE id = ? AND version = ?`; everything after it
 * is chained on `changes() = 1`, so a stale write changes nothing, in one process or several.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { LibsqlError, type InStatement } from '@libsql/client';
import { auditStatement, type AuditEntry } from '../audit/audit';
import type { Database } from '../db/client';
import {
  actionItems,
  auditLog,
  directives,
  evidenceFiles,
  followUps,
  sessions,
  units,
  users,
  type ActionStatus,
  type FollowUpKind,
  type Priority,
  type SessionStatus,
} from '../db/schema';
import type { CheckedEvidence } from './evidence-files';
import { noticeStatement, type EventNotice } from '../notifications/events';

export type ActionRow = typeof actionItems.$inferSelect;
export type DirectiveRow = typeof directives.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export interface SessionRef {
  id: number;
  slug: string;
  title: string;
  heldOn: string | null;
  series: string | null;
  /** A withdrawn session's actions are read-only (and read by managers and the action's own unit only). */
  status: SessionStatus;
}

/** An action with what every view shows beside it. */
export interface ActionRecord {
  action: ActionRow;
  directive: DirectiveRow;
  session: SessionRef;
}

export interface ActionFilter {
  ids?: number[];
  unitCodes?: string[];
  directiveId?: number;
  statuses?: ActionStatus[];
  /** Session date range (ISO, inclusive). */
  heldFrom?: string;
  heldTo?: string;
  series?: string;
  /** Due before this ISO date (exclusive) and still open. */
  overdueBefore?: string;
  /** Sessions held strictly before this date, in this series (carry-over). */
  heldBefore?: string;
  /** Only actions this user assigned (the audit's action.create): a manager's own directives. */
  assignedBy?: number;
  /** Only actions of published directives of published sessions (what everyone may read). */
  publishedOnly?: boolean;
}

export interface ActionChange {
  set: Partial<{
    status: ActionStatus;
    statusReason: string | null;
    progress: number;
    unitCode: string;
    dueOn: string | null;
    priority: Priority;
    recipientCode: string | null;
    closedAt: string | null;
    cancelledByWithdrawal: string | null;
  }>;
  followUp?: {
    key: string;
    authorId: number | null;
    kind: FollowUpKind;
    note: string | null;
    progress: number | null;
    letterNumber: string | null;
    letterDate: string | null;
    files: CheckedEvidence[];
  };
  audit: AuditEntry[];
  /** Told to the unit or to people at headquarters, in the same batch (only if the change applied). */
  notices?: EventNotice[];
}

const COLUMN: Record<keyof ActionChange['set'], string> = {
  status: 'status',
  statusReason: 'status_reason',
  progress: 'progress',
  unitCode: 'unit_code',
  dueOn: 'due_on',
  priority: 'priority',
  recipientCode: 'recipient_code',
  closedAt: 'closed_at',
  cancelledByWithdrawal: 'cancelled_by_withdrawal',
};

function isUniqueViolation(error: unknown, column: string): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e instanceof LibsqlError || /constraint/i.test(e.message)) && e.message.includes(column)) return true;
  }
  return false;
}

export function createActionsRepo(database: Database) {
  const { db, client } = database;

  function conditions(filter: ActionFilter): SQL[] {
    const where: SQL[] = [];
    if (filter.ids) where.push(inArray(actionItems.id, filter.ids.length ? filter.ids : [-1]));
    if (filter.unitCodes) where.push(inArray(actionItems.unitCode, filter.unitCodes.length ? filter.unitCodes : ['']));
    if (filter.directiveId !== undefined) where.push(eq(actionItems.directiveId, filter.directiveId));
    if (filter.statuses) where.push(inArray(actionItems.status, filter.statuses));
    if (filter.heldFrom) where.push(gte(sessions.heldOn, filter.heldFrom));
    if (filter.heldTo) where.push(lte(sessions.heldOn, filter.heldTo));
    if (filter.heldBefore) where.push(sql`${sessions.heldOn} < ${filter.heldBefore}`);
    if (filter.series !== undefined) where.push(eq(sessions.series, filter.series));
    if (filter.assignedBy !== undefined) {
      where.push(sql`EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'action' AND l.entity_id = CAST(${actionItems.id} AS TEXT)
        AND l.event = 'action.create' AND l.actor_id = ${filter.assignedBy})`);
    }
    if (filter.publishedOnly) where.push(eq(sessions.status, 'published'), eq(directives.status, 'published'));
    if (filter.overdueBefore) {
      where.push(sql`${actionItems.dueOn} < ${filter.overdueBefore}`);
      where.push(inArray(actionItems.status, ['open', 'in_progress', 'awaiting_verification', 'blocked']));
    }
    return where;
  }

  return {
    async list(filter: ActionFilter): Promise<ActionRecord[]> {
      const rows = await db
        .select({
          action: actionItems,
          directive: directives,
          session: { id: sessions.id, slug: sessions.slug, title: sessions.title, heldOn: sessions.heldOn, series: sessions.series, status: sessions.status },
        })
        .from(actionItems)
        .innerJoin(directives, eq(directives.id, actionItems.directiveId))
        .innerJoin(sessions, eq(sessions.id, directives.sessionId))
        .where(and(...conditions(filter)))
        .orderBy(sql`${actionItems.dueOn} IS NULL`, asc(actionItems.dueOn), asc(actionItems.unitCode), asc(actionItems.id));
      return rows;
    },

    async byId(id: number): Promise<ActionRecord | undefined> {
      const [row] = await this.list({ ids: [id] });
      return row;
    },

    async hasEvidence(actionId: number): Promise<boolean> {
      const rs = await client.execute({
        sql: `SELECT EXISTS (SELECT 1 FROM follow_ups f WHERE f.action_id = ? AND (f.letter_number IS NOT NULL
                OR EXISTS (SELECT 1 FROM evidence_files e WHERE e.follow_up_id = f.id))) AS yes`,
        args: [actionId],
      });
      return Number(rs.rows[0]?.yes ?? 0) === 1;
    },

    async timeline(actionId: number) {
      const rows = await db
        .select({ followUp: followUps, authorName: users.displayName })
        .from(followUps)
        .leftJoin(users, eq(users.id, followUps.authorId))
        .where(eq(followUps.actionId, actionId))
        .orderBy(asc(followUps.createdAt), asc(followUps.id));
      const ids = rows.map((r) => r.followUp.id);
      const files = ids.length
        ? await db.select().from(evidenceFiles).where(inArray(evidenceFiles.followUpId, ids)).orderBy(asc(evidenceFiles.id))
        : [];
      return rows.map((r) => ({ ...r, files: files.filter((f) => f.followUpId === r.followUp.id) }));
    },

    async auditTrail(actionId: number) {
      return db
        .select({ entry: auditLog, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.entity, 'action'), eq(auditLog.entityId, String(actionId))))
        .orderBy(asc(auditLog.at), asc(auditLog.id));
    },

    async followUpByKey(key: string) {
      const [row] = await db.select().from(followUps).where(eq(followUps.idempotencyKey, key)).limit(1);
      return row;
    },

    async evidenceFile(id: number) {
      const [row] = await db
        .select({
          file: evidenceFiles,
          actionId: followUps.actionId,
          content: sql<ArrayBuffer>`(SELECT content FROM blobs WHERE sha256 = ${evidenceFiles.sha256})`,
        })
        .from(evidenceFiles)
        .innerJoin(followUps, eq(followUps.id, evidenceFiles.followUpId))
        .where(eq(evidenceFiles.id, id))
        .limit(1);
      return row;
    },

    async units(codes?: string[]): Promise<Map<string, UnitRow>> {
      const rows = codes ? (codes.length ? await db.select().from(units).where(inArray(units.code, codes)) : []) : await db.select().from(units);
      return new Map(rows.map((u) => [u.code, u]));
    },

    /**
     * Apply a change if the action is still at `version`. 'stale' when someone else wrote first;
     * 'duplicate' when the follow-up's key was already stored (a retried post).
     */
    async applyChange(actionId: number, version: number, now: string, change: ActionChange): Promise<'applied' | 'stale' | 'duplicate'> {
      const statements: InStatement[] = [];
      for (const file of change.followUp?.files ?? []) {
        statements.push({
          sql: 'INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
          args: [file.sha256, file.size, file.content],
        });
      }
      const entries = Object.entries(change.set) as Array<[keyof ActionChange['set'], string | number | null]>;
      const assignments = entries.map(([key]) => `${COLUMN[key]} = ?`);
      const updateIndex = statements.length;
      statements.push({
        sql: `UPDATE action_items SET ${[...assignments, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ? AND version = ?`,
        args: [...entries.map(([, value]) => value), now, actionId, version],
      });
      const f = change.followUp;
      if (f) {
        statements.push({
          sql: `INSERT INTO follow_ups (action_id, author_id, kind, note, progress, letter_number, letter_date, idempotency_key, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
          args: [actionId, f.authorId, f.kind, f.note, f.progress, f.letterNumber, f.letterDate, f.key, now],
        });
        for (const file of f.files) {
          statements.push({
            sql: `INSERT INTO evidence_files (follow_up_id, sha256, file_name, mime_type, size, created_at)
                  SELECT id, ?, ?, ?, ?, ? FROM follow_ups WHERE idempotency_key = ? AND changes() = 1`,
            args: [file.sha256, file.fileName, file.mimeType, file.size, now, f.key],
          });
        }
      }
      for (const entry of change.audit) statements.push(auditStatement(entry, 'changes() = 1'));
      for (const notice of change.notices ?? []) statements.push(noticeStatement(notice, now, 'changes() = 1'));
      try {
        const results = await client.batch(statements, 'write');
        return results[updateIndex]?.rowsAffected === 1 ? 'applied' : 'stale';
      } catch (error) {
        if (f && isUniqueViolation(error, 'idempotency_key')) return 'duplicate';
        throw error;
      }
    },

    /**
     * Append a note, letter, files or comment without the action's version: it overwrites nothing,
     * so it never conflicts. `startIfOpen` moves an open action to in progress (a status change,
     * so that one statement bumps the version). 'duplicate' when the key was already stored.
     */
    async appendFollowUp(
      actionId: number,
      now: string,
      followUp: NonNullable<ActionChange['followUp']> & { replyToId?: number | null },
      audit: AuditEntry[],
      startIfOpen: boolean,
      notices: EventNotice[] = [],
    ): Promise<'applied' | 'duplicate'> {
      const statements: InStatement[] = [];
      for (const file of followUp.files) {
        statements.push({
          sql: 'INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
          args: [file.sha256, file.size, file.content],
        });
      }
      if (startIfOpen) {
        statements.push({
          sql: `UPDATE action_items SET status = 'in_progress', status_reason = NULL, version = version + 1, updated_at = ? WHERE id = ? AND status = 'open'`,
          args: [now, actionId],
        });
      }
      statements.push({
        sql: `INSERT INTO follow_ups (action_id, author_id, kind, note, progress, letter_number, letter_date, idempotency_key, reply_to_id, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [actionId, followUp.authorId, followUp.kind, followUp.note, followUp.progress, followUp.letterNumber, followUp.letterDate, followUp.key, followUp.replyToId ?? null, now],
      });
      for (const entry of audit) statements.push(auditStatement(entry, '1'));
      for (const notice of notices) statements.push(noticeStatement(notice, now));
      for (const file of followUp.files) {
        statements.push({
          sql: `INSERT INTO evidence_files (follow_up_id, sha256, file_name, mime_type, size, created_at)
                SELECT id, ?, ?, ?, ?, ? FROM follow_ups WHERE idempotency_key = ?`,
          args: [file.sha256, file.fileName, file.mimeType, file.size, now, followUp.key],
        });
      }
      try {
        await client.batch(statements, 'write');
        return 'applied';
      } catch (error) {
        if (isUniqueViolation(error, 'idempotency_key')) return 'duplicate';
        throw error;
      }
    },

    /**
     * The people at headquarters an action's unit reports to: who assigned it and who verified or
     * returned it, still active managers or admins.
     */
    async headquartersPeople(actionId: number): Promise<number[]> {
      const rs = await client.execute({
        sql: `SELECT DISTINCT l.actor_id AS id FROM audit_log l JOIN users u ON u.id = l.actor_id
              WHERE l.entity = 'action' AND l.entity_id = ? AND u.role IN ('manager', 'admin') AND u.disabled = 0
                AND (l.event = 'action.create' OR (l.event = 'action.status' AND l.detail IN ('verify', 'return')))`,
        args: [String(actionId)],
      });
      return rs.rows.map((r) => Number(r.id));
    },

    /** A reminder sent now by a manager: the unit's notice and its audit entry, together. */
    async recordReminder(notice: EventNotice, audit: AuditEntry, now: string): Promise<void> {
      await client.batch([noticeStatement(notice, now), auditStatement(audit, '1')], 'write');
    },

    /** A comment of this action (what a reply may answer). */
    async comment(actionId: number, followUpId: number) {
      const [row] = await db
        .select({ id: followUps.id })
        .from(followUps)
        .where(and(eq(followUps.id, followUpId), eq(followUps.actionId, actionId), eq(followUps.kind, 'comment')))
        .limit(1);
      return row;
    },

    /** Another action of the same directive already sits with `unitCode`? */
    async unitHasAction(directiveId: number, unitCode: string): Promise<boolean> {
      const [row] = await db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(and(eq(actionItems.directiveId, directiveId), eq(actionItems.unitCode, unitCode)))
        .limit(1);
      return row !== undefined;
    },

    /** Published directives with their sessions, newest session first (dashboard columns). */
    async directivesWithActions(ids: number[]) {
      if (ids.length === 0) return [];
      return db
        .select({ directive: directives, session: { slug: sessions.slug, title: sessions.title, heldOn: sessions.heldOn } })
        .from(directives)
        .innerJoin(sessions, eq(sessions.id, directives.sessionId))
        .where(inArray(directives.id, ids))
        .orderBy(desc(sessions.heldOn), asc(directives.start));
    },

    async sessionBySlug(slug: string): Promise<SessionRef | undefined> {
      const [row] = await db
        .select({ id: sessions.id, slug: sessions.slug, title: sessions.title, heldOn: sessions.heldOn, series: sessions.series, status: sessions.status })
        .from(sessions)
        .where(eq(sessions.slug, slug))
        .limit(1);
      return row;
    },
  };
}

export type ActionsRepo = ReturnType<typeof createActionsRepo>;
