/** @module The only drizzle code of source files: a session's imported document, its bytes (in blobs) and layout. */
import type { Client, InStatement, InValue } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessionSources, type SourceLayout } from '../db/schema';

export type SessionSourceRow = typeof sessionSources.$inferSelect;

export interface NewSessionSource {
  sessionId: number;
  fileName: string;
  mimeType: string;
  sha256: string;
  content: Buffer;
  layout: SourceLayout;
  createdAt: string;
}

/** The bytes (once per content) and the session's source row; `session` is how the row finds its session. */
function sourceStatements(source: Omit<NewSessionSource, 'sessionId'>, session: { sql: string; args: InValue[] }): InStatement[] {
  return [
    { sql: 'INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING', args: [source.sha256, source.content.length, source.content] },
    {
      sql: `INSERT INTO session_sources (session_id, sha256, file_name, mime_type, size, layout, created_at) VALUES (${session.sql}, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`,
      args: [...session.args, source.sha256, source.fileName, source.mimeType, source.content.length, JSON.stringify(source.layout), source.createdAt],
    },
  ];
}

export function createSessionSourcesRepo(db: Db, client: Client) {
  return {
    async of(sessionId: number): Promise<SessionSourceRow | undefined> {
      const [row] = await db.select().from(sessionSources).where(eq(sessionSources.sessionId, sessionId)).limit(1);
      return row;
    },

    /** The stored file with its bytes. */
    async fileOf(sessionId: number): Promise<{ row: SessionSourceRow; content: Buffer } | undefined> {
      const [found] = await db
        .select({ row: sessionSources, content: sql<ArrayBuffer>`(SELECT content FROM blobs WHERE sha256 = ${sessionSources.sha256})` })
        .from(sessionSources)
        .where(eq(sessionSources.sessionId, sessionId))
        .limit(1);
      return found ? { row: found.row, content: Buffer.from(found.content) } : undefined;
    },

    /** Store the bytes (once per content) and the session's source in one batch; a second save of the same session does nothing. */
    async save(source: NewSessionSource): Promise<void> {
      await client.batch(sourceStatements(source, { sql: '?', args: [source.sessionId] }), 'write');
    },

    /**
     * The same rows as statements for a session not yet written, found by its slug: an import writes
     * them in the batch that stores its draft, so neither is kept without the other.
     */
    statementsFor(slug: string, source: Omit<NewSessionSource, 'sessionId'>): InStatement[] {
      return sourceStatements(source, { sql: '(SELECT id FROM sessions WHERE slug = ?)', args: [slug] });
    },
  };
}

export type SessionSourcesRepo = ReturnType<typeof createSessionSourcesRepo>;
