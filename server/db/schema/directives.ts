/** Directives: verbatim spans of a session body that someone must act on. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { directiveKinds, directiveStatuses } from '../../domain';
import { sessions } from './sessions';
import { units } from './units';

export const directives = sqliteTable(
  'directives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** Stable fragment id within the session page: #d-<anchor>. */
    anchor: text('anchor').notNull(),
    quote: text('quote').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    speaker: text('speaker'),
    kind: text('kind', { enum: directiveKinds }).notNull(),
    refs: text('refs', { mode: 'json' }).$type<string[]>().notNull().default([]),
    assigneeCode: text('assignee_code').references(() => units.code),
    recipientCode: text('recipient_code').references(() => units.code),
    dueRule: text('due_rule'),
    /** ISO date resolved from dueRule against the session date. */
    dueOn: text('due_on'),
    status: text('status', { enum: directiveStatuses }).notNull().default('draft'),
    /** Cue rules that fired when the directive was suggested. */
    cues: text('cues', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** When a reviewer confirmed a draft suggestion (null: not reviewed yet, or rejected). */
    confirmedAt: text('confirmed_at'),
    /** Moves on every review edit of a draft suggestion: a reviewer's stale edit gets 409, not a silent overwrite. */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('directives_session_anchor').on(t.sessionId, t.anchor),
    index('directives_status').on(t.status),
    // Search of everything looks at the newest change on every query, and reads what changed since.
    index('directives_updated').on(t.updatedAt),
  ],
);
