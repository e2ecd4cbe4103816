/** @module The only drizzle code for reading sessions, paragraphs and directives. */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { directives, paragraphs, sessions, units } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type ParagraphRow = typeof paragraphs.$inferSelect;
export type DirectiveRow = typeof directives.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export function createSessionsRepo(db: Db) {
  return {
    /** With `withWithdrawn` (managers), withdrawn sessions are listed too, marked by their status. */
    async list(limit: number, offset: number, withWithdrawn = false): Promise<{ rows: SessionRow[]; total: number }> {
      // Drafts (imports under review) are not sessions yet.
      const visible = withWithdrawn ? inArray(sessions.status, ['published', 'withdrawn']) : eq(sessions.status, 'published');
      const rows = await db
        .select()
        .from(sessions)
        .where(visible)
        // Newest first; sessions without a date sort last.
        .orderBy(sql`${sessions.heldOn} IS NULL`, desc(sessions.heldOn), desc(sessions.id))
        .limit(limit)
        .offset(offset);
      const [totalRow] = await db.select({ n: count() }).from(sessions).where(visible);
      return { rows, total: totalRow?.n ?? 0 };
    },

    async bySlug(slug: string, withWithdrawn = false): Promise<SessionRow | undefined> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.slug, slug), withWithdrawn ? inArray(sessions.status, ['published', 'withdrawn']) : eq(sessions.status, 'published')))
        .limit(1);
      return row;
    },

    async paragraphsOf(sessionId: number): Promise<ParagraphRow[]> {
      return db.select().from(paragraphs).where(eq(paragraphs.sessionId, sessionId)).orderBy(asc(paragraphs.ordinal));
    },

    async publishedDirectivesOf(sessionId: number): Promise<DirectiveRow[]> {
      return db
        .select()
        .from(directives)
        .where(and(eq(directives.sessionId, sessionId), eq(directives.status, 'published')))
        .orderBy(asc(directives.start));
    },

    async publishedDirectiveCounts(sessionIds: number[]): Promise<Map<number, number>> {
      if (sessionIds.length === 0) return new Map();
      const rows = await db
        .select({ sessionId: directives.sessionId, n: count() })
        .from(directives)
        .where(and(inArray(directives.sessionId, sessionIds), eq(directives.status, 'published')))
        .groupBy(directives.sessionId);
      return new Map(rows.map((r) => [r.sessionId, r.n]));
    },

    async unitsByCode(codes: Array<string | null>): Promise<Map<string, UnitRow>> {
      const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await db.select().from(units).where(inArray(units.code, wanted));
      return new Map(rows.map((u) => [u.code, u]));
    },
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
