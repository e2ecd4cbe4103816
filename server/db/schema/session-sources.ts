/** The file a session was imported from (PDF, Word, scan), its bytes in blobs, and where its text came from. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { blobs } from './actions';
import { sessions } from './sessions';

/** Where a session's paragraphs sit in its source file, and how sure OCR was; offsets point into the session body. */
export interface SourceLayout {
  pageCount: number;
  /** 1-based page of each paragraph, by ordinal (null where it could not be placed). */
  paragraphPages: Array<number | null>;
  /** Pages read by OCR (1-based). */
  ocrPages: number[];
  /** OCR lines found in the body, with their mean confidence (0–100). */
  ocrLines: Array<{ start: number; end: number; confidence: number; page: number }>;
  /** OCR words under the confidence bar, found in the body. */
  lowConfidence: Array<{ start: number; end: number; confidence: number }>;
  /** Header and footer lines dropped because they repeat on most pages. */
  runningLines: string[];
  /** Persian notes for the reviewer (a script that was not run, embedded files not read…). */
  notes: string[];
}

export const sessionSources = sqliteTable('session_sources', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  sha256: text('sha256')
    .notNull()
    .references(() => blobs.sha256),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  layout: text('layout', { mode: 'json' }).$type<SourceLayout>().notNull(),
  createdAt: text('created_at').notNull(),
});
