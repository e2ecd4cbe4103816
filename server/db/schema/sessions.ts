/** Sessions (webinars, meetings, announcements) and their paragraphs. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const sessionKinds = ['webinar', 'meeting', 'announcement', 'news'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sourceKinds = ['markdown', 'text', 'vtt', 'srt', 'jsonl', 'form', 'pdf', 'docx', 'scan'] as const;
export type SourceKind = (typeof sourceKinds)[number];
/** A draft (an import under review) is hidden from lists, pages and search until published. */
export const sessionStatuses = ['draft', 'published'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

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
