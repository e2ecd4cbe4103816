/** Actions (a directive assigned to one unit), their follow-ups and evidence. */
import { sqliteTable, text, integer, index, uniqueIndex, blob, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { actionStatuses, priorities, followUpKinds } from '../../domain';
import { directives } from './directives';
import { units } from './units';
import { users } from './users';

export const actionItems = sqliteTable(
  'action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    dueOn: text('due_on'),
    recipientCode: text('recipient_code').references(() => units.code),
    priority: text('priority', { enum: priorities }).notNull().default('normal'),
    status: text('status', { enum: actionStatuses }).notNull().default('open'),
    statusReason: text('status_reason'),
    progress: integer('progress').notNull().default(0),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
    /** Set when the withdrawal of its session cancelled it (that withdrawal's key); cleared when it is reopened. */
    cancelledByWithdrawal: text('cancelled_by_withdrawal'),
  },
  (t) => [
    uniqueIndex('action_items_directive_unit').on(t.directiveId, t.unitCode),
    index('action_items_unit_due').on(t.unitCode, t.dueOn),
    index('action_items_status').on(t.status),
    // The register's state filters, summaries and progress sort (status, due date, closing, progress
    // per directive) answered from the index alone.
    index('action_items_directive_status').on(t.directiveId, t.status, t.dueOn, t.closedAt, t.progress),
    // Search of everything looks at the newest change on every query, and reads what changed since.
    index('action_items_updated').on(t.updatedAt),
  ],
);

export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id),
    kind: text('kind', { enum: followUpKinds }).notNull(),
    note: text('note'),
    progress: integer('progress'),
    letterNumber: text('letter_number'),
    /** ISO date of the letter. */
    letterDate: text('letter_date'),
    /** Client-chosen key: a retried post is stored once. */
    idempotencyKey: text('idempotency_key').unique(),
    /** A comment answering another comment of the same action (the discussion thread). */
    replyToId: integer('reply_to_id').references((): AnySQLiteColumn => followUps.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('follow_ups_action').on(t.actionId)],
);

/** File contents, addressed by SHA-256 and kept in the database so every instance sees them. */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
});

export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    followUpId: integer('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('evidence_files_follow_up').on(t.followUpId)],
);
