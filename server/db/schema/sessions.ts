/** Sessions (webinars, meetings, announcements) and their paragraphs. */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessionKinds, sourceKinds, sessionStatuses } from '../../domain';

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: sessionKinds }).notNull().default('webinar'),
    /** ISO date (Gregorian); shown in Jalali. */
    heldOn: text('held_on'),
    series: text('series'),
    organiser: text('organiser'),
    sourceKind: text('source_kind', { enum: sourceKinds }).notNull(),
    /** The source exactly as received, kept beside the repaired body. */
    sourceText: text('source_text').notNull(),
    /** The text paragraphs and directive offsets point into. */
    body: text('body').notNull(),
    contentHash: text('content_hash').notNull(),
    mediaUrl: text('media_url'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Display names of the session's speakers. */
    speakers: text('speakers', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Notes from whoever repaired the source (e.g. a corrected name). */
    notes: text('notes'),
    status: text('status', { enum: sessionStatuses }).notNull().default('published'),
    /** When a draft was published (null for ingested sessions, which are published as written). */
    publishedAt: text('published_at'),
    /** Bumped by every correction or withdrawal of a published session; a stale one is a 409. */
    version: integer('version').notNull().default(1),
    /** When a manager last corrected the published text or facts (null: never). */
    correctedAt: text('corrected_at'),
    /** Set with status 'withdrawn': when and why (shown to managers beside «پس‌گرفته‌شده»). */
    withdrawnAt: text('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    /** Unique to the latest withdrawal; the actions it cancelled carry it too (action_items.cancelled_by_withdrawal). */
    withdrawalKey: text('withdrawal_key'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('sessions_held_on').on(t.heldOn),
    index('sessions_series').on(t.series),
    index('sessions_status').on(t.status),
    // Covering indexes for search's cheap checks (change mark, fingerprints): without them every
    // check read each row past its body and source text (overflow pages), ~100 MB at 30,000 sessions.
    index('sessions_status_updated').on(t.status, t.updatedAt),
    index('sessions_status_hash').on(t.status, t.contentHash),
    // Covering index for the directive register's join (status, date and series of each directive's
    // session) without reading session rows past their body and source text.
    index('sessions_register').on(t.id, t.status, t.heldOn, t.series),
    // …and for its date ranges (the plain held_on index would read each row for its status).
    index('sessions_status_held_on').on(t.status, t.heldOn, t.series),
    // The duplicate check of an import compares bodies of the same length only.
    index('sessions_body_length').on(sql`length(${t.body})`),
  ],
);

export const paragraphs = sqliteTable(
  'paragraphs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    /** Offsets of this paragraph in the session body. */
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    speaker: text('speaker'),
    /** Media time in milliseconds, for transcripts. */
    mediaStartMs: integer('media_start_ms'),
    mediaEndMs: integer('media_end_ms'),
  },
  (t) => [uniqueIndex('paragraphs_session_ordinal').on(t.sessionId, t.ordinal)],
);
