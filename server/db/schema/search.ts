/** The persisted search index: a large base segment plus small recent ones. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const searchSegments = sqliteTable('search_segments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['base', 'delta'] }).notNull(),
  /** Serialised lunr index plus the documents' stored fields, as JSON. */
  payload: text('payload').notNull(),
  /** JSON array of session ids this segment covers. */
  sessionIds: text('session_ids', { mode: 'json' }).$type<number[]>().notNull(),
  createdAt: text('created_at').notNull(),
});

/** Key/value state; key 'generation' moves on every index change so instances reload. */
export const searchState = sqliteTable('search_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
