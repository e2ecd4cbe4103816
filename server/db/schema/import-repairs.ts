/** What an import's repair did to its source, summarised once at import so a draft's review reads it instead of repairing again. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import type { RepairSummary } from '../../imports/repair-summary';
import { sessions } from './sessions';

export const importRepairs = sqliteTable('import_repairs', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  /** sha256 of the body the spans point into; a body corrected since then gets the repairs without spans. */
  bodySha256: text('body_sha256').notNull(),
  summary: text('summary', { mode: 'json' }).$type<RepairSummary>().notNull(),
  createdAt: text('created_at').notNull(),
});
