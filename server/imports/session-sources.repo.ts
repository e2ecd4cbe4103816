/** @module The only drizzle code of source files: a session's imported document, its bytes (in blobs) and layout. */
import type { Client } from '@libsql/client';
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
      await client.batch(
        [
          { sql: 'INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING', args: [source.sha256, source.content.length, source.content] },
          {
            sql: 'INSERT INTO session_sources (session_id, sha256, file_name, mime_type, size, layout, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING',
            args: [source.sessionId, source.sha256, source.fileName, source.mimeType, source.content.length, JSON.stringify(source.layout), source.createdAt],
          },
        ],
        'write',
      );
    },
  };
}

export type SessionSourcesRepo = ReturnType<typeof createSessionSourcesRepo>;
