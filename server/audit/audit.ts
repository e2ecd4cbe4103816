/** @module The audit trail: who did what to which entity, with the state before and after. */
import type { InStatement, InValue } from '@libsql/client';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  /** null for events without a signed-in actor (a failed login). */
  actorId: number | null;
  /** Dotted event name, e.g. `login.success`, `user.role`, `action.status`. */
  event: string;
  entity?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Free text: the IP of a login, a reason. */
  detail?: string | null;
  /** When it happened; pass `deps.clock.now()` so tests control time. Defaults to now. */
  at?: Date;
}

/**
 * Append one entry to the audit log.
 *
 * @example
 * await recordAudit(db, { actorId: user.id, event: 'action.status', entity: 'action', entityId: 42,
 *   before: { status: 'open' }, after: { status: 'in_progress' }, at: clock.now() });
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditValues(entry));
}

/** The row for `entry`, for callers that write it in the same `db.batch()` as the change itself. */
export function auditValues(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: (entry.at ?? new Date()).toISOString(),
    actorId: entry.actorId,
    event: entry.event,
    entity: entry.entity ?? null,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
  };
}

/** `entry` as a statement that inserts only when `guard` holds (e.g. `changes() = 1`: the write before it applied). */
export function auditStatement(entry: AuditEntry, guard: string): InStatement {
  const v = auditValues(entry);
  return {
    sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${guard}`,
    args: [v.at, v.actorId ?? null, v.event, v.entity ?? null, v.entityId ?? null, ...jsonAndDetail(v)],
  };
}

function jsonAndDetail(v: typeof auditLog.$inferInsert): InValue[] {
  return [v.before === null || v.before === undefined ? null : JSON.stringify(v.before), v.after === null || v.after === undefined ? null : JSON.stringify(v.after), v.detail ?? null];
}

/**
 * `entry` as a statement for a row written earlier in the same batch, whose id is not known yet:
 * the entity id is what `idQuery` (a `SELECT id …` with one `?`) finds for `key`; nothing is inserted when it finds none.
 *
 * @example
 * auditOfWrittenRow({ actorId, event: 'import.create', entity: 'session', after, at }, 'SELECT id FROM sessions WHERE slug = ?', slug)
 */
export function auditOfWrittenRow(entry: Omit<AuditEntry, 'entityId'>, idQuery: string, key: InValue): InStatement {
  const v = auditValues(entry);
  return {
    sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail)
          SELECT ?, ?, ?, ?, CAST(row.id AS TEXT), ?, ?, ? FROM (${idQuery}) AS row`,
    args: [v.at, v.actorId ?? null, v.event, v.entity ?? null, ...jsonAndDetail(v), key],
  };
}
