/** The persisted search index: a large base segment plus small recent ones. */
import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { sessions } from './sessions';

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

/**
 * What highlighting needs of a published session, prepared once (server/search/material.ts): its
 * paragraphs with their squeezed normalised text and analysed words, in one blob. Current only
 * while `contentHash` is the session's and `analysis` the running analyser's fingerprint; a
 * search reads the paragraphs and analyses them itself otherwise.
 */
export const searchMaterial = sqliteTable('search_material', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  contentHash: text('content_hash').notNull(),
  analysis: text('analysis').notNull(),
  material: blob('material', { mode: 'buffer' }).notNull(),
},
  // Which sessions' material is current, answered from the index: each row's blob fills pages of its
  // own, and the keeper's check read 7,500 of them (≈ 30 ms holding the loop at 7,500 sessions).
  (t) => [index('search_material_current').on(t.sessionId, t.contentHash, t.analysis)],
);
