/** @module The only drizzle code of imports: drafts, their directives, and the units and people extraction matches against. */
import type { InStatement } from '@libsql/client';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { importRepairs, paragraphs, people, sessions, units } from '../db/schema';
import type { RepairSummary } from './repair-summary';
import type { PersonRef, UnitRef } from '../detection/extract';

export type DraftSessionRow = typeof sessions.$inferSelect;
export type DraftParagraphRow = typeof paragraphs.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/**
 * Sessions whose body is `body`: found through the index on the body's length (sessions_body_length),
 * so an import or a draft's GET does not compare its text with every stored body (a full scan that
 * held the event loop as the archive grew).
 */
export function sameBodyQuery(db: Db, body: string, exceptId: number) {
  return db
    .select({ slug: sessions.slug, title: sessions.title, status: sessions.status })
    .from(sessions)
    .where(and(sql`length(${sessions.body}) = length(${body})`, eq(sessions.body, body), ne(sessions.id, exceptId)))
    .orderBy(asc(sessions.id))
    .limit(10);
}

export function createImportsRepo(db: Db) {
  return {
    async units(): Promise<UnitRow[]> {
      return db.select().from(units).orderBy(asc(units.kind), asc(units.name));
    },

    async unitRefs(): Promise<UnitRef[]> {
      const rows = await db.select().from(units);
      return rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind, aliases: u.aliases }));
    },

    async peopleRefs(): Promise<PersonRef[]> {
      const rows = await db.select().from(people);
      return rows.map((p) => ({ key: p.key, name: p.name, variants: p.variants }));
    },

    /** A session by slug whatever its status (drafts are found here, unlike the public sessions repo). */
    /** Drafts under review, newest first, with how many suggestions still wait. */
    async drafts() {
      return db
        .select({
          slug: sessions.slug,
          title: sessions.title,
          heldOn: sessions.heldOn,
          createdAt: sessions.createdAt,
          suggestions: sql<number>`(SELECT count(*) FROM directives d WHERE d.session_id = ${sessions.id})`,
          confirmed: sql<number>`(SELECT count(*) FROM directives d WHERE d.session_id = ${sessions.id} AND d.confirmed_at IS NOT NULL)`,
        })
        .from(sessions)
        .where(eq(sessions.status, 'draft'))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .limit(500);
    },

    /** Other sessions or drafts holding the same repaired text (a write-up imported twice). */
    async sessionsWithBody(body: string, exceptId: number) {
      return sameBodyQuery(db, body, exceptId);
    },

    async sessionBySlug(slug: string): Promise<DraftSessionRow | undefined> {
      const [row] = await db.select().from(sessions).where(eq(sessions.slug, slug)).limit(1);
      return row;
    },

    async paragraphsOf(sessionId: number): Promise<DraftParagraphRow[]> {
      return db.select().from(paragraphs).where(eq(paragraphs.sessionId, sessionId)).orderBy(asc(paragraphs.ordinal));
    },

    /** The repairs summarised at import, with the sha256 of the body their spans point into. */
    async repairsOf(sessionId: number): Promise<{ bodySha256: string; summary: RepairSummary } | undefined> {
      const [row] = await db.select({ bodySha256: importRepairs.bodySha256, summary: importRepairs.summary }).from(importRepairs).where(eq(importRepairs.sessionId, sessionId)).limit(1);
      return row;
    },

    /** saveRepairs as a statement for the batch that writes the session (by slug): a draft is never stored without its summary. */
    saveRepairsStatement(slug: string, bodySha256: string, summary: RepairSummary, at: string): InStatement {
      return {
        sql: `INSERT INTO import_repairs (session_id, body_sha256, summary, created_at) SELECT id, ?, ?, ? FROM sessions WHERE slug = ?
              ON CONFLICT (session_id) DO UPDATE SET body_sha256 = excluded.body_sha256, summary = excluded.summary, created_at = excluded.created_at`,
        args: [bodySha256, JSON.stringify(summary), at, slug],
      };
    },

    async saveRepairs(sessionId: number, bodySha256: string, summary: RepairSummary, at: string): Promise<void> {
      await db
        .insert(importRepairs)
        .values({ sessionId, bodySha256, summary, createdAt: at })
        .onConflictDoUpdate({ target: importRepairs.sessionId, set: { bodySha256, summary, createdAt: at } });
    },

    async existingUnitCodes(codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await db.select({ code: units.code }).from(units).where(inArray(units.code, codes));
      return new Set(rows.map((r) => r.code));
    },
  };
}

export type ImportsRepo = ReturnType<typeof createImportsRepo>;
