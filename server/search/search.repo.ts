/**
 * @module The only database code of search: segments, the generation counter, and the
 * session rows the index is built from and snippets are cut from.
 */
import { and, asc, eq, inArray, lte, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { num, str } from '../db/row-values';
import { paragraphs, people, searchMaterial, searchSegments, searchState, sessions } from '../db/schema';
import type { IndexableSession } from './segment';

export interface SegmentRow {
  id: number;
  kind: 'base' | 'delta';
}

export interface ParagraphRow {
  sessionId: number;
  ordinal: number;
  text: string;
  speaker: string | null;
}

const GENERATION = 'generation';

/** Drafts (imports under review) stay out of search until published. */
const published = eq(sessions.status, 'published');

/** Rows read per query when loading every session (docs/decisions.md: reads in chunks). */
const CHUNK = 2_000;

/**
 * The keeper's check: published sessions without current material, newest first. Both tables from
 * covering indexes: a material row's blob fills pages of its own, and a session's body too; reading
 * the rows (the planner's choice) held the loop ≈ 30 ms at 7,500 sessions.
 */
export function materialDueQuery(analysis: string, limit: number): SQL {
  return sql`SELECT s.id, s.content_hash FROM ${sessions} s INDEXED BY sessions_status_hash WHERE s.status = 'published' AND NOT EXISTS
    (SELECT 1 FROM ${searchMaterial} m INDEXED BY search_material_current WHERE m.session_id = s.id AND m.content_hash = s.content_hash AND m.analysis = ${analysis})
    ORDER BY s.id DESC LIMIT ${limit}`;
}

/** Material of sessions no longer published, also from the covering indexes. */
export function unpublishedMaterialQuery(): SQL {
  return sql`DELETE FROM ${searchMaterial} INDEXED BY search_material_current WHERE session_id NOT IN (SELECT id FROM ${sessions} INDEXED BY sessions_status_hash WHERE status = 'published')`;
}

export function createSearchRepo(db: Db) {
  const bumpGeneration = () =>
    db
      .insert(searchState)
      .values({ key: GENERATION, value: '1' })
      .onConflictDoUpdate({ target: searchState.key, set: { value: sql`CAST(${searchState.value} AS INTEGER) + 1` } })
      .returning({ value: searchState.value });

  function toIndexable(row: typeof sessions.$inferSelect): IndexableSession {
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      heldOn: row.heldOn,
      speakers: row.speakers,
      contentHash: row.contentHash,
      heading: [row.title, ...row.tags].join('\n'),
      body: row.body,
    };
  }

  return {
    /** Known speakers with the spellings their names arrive in (content/people.yaml). */
    async people(): Promise<Array<{ key: string; name: string; variants: string[] }>> {
      return db.select({ key: people.key, name: people.name, variants: people.variants }).from(people);
    },

    async generation(): Promise<number> {
      const rows = await db.select({ value: searchState.value }).from(searchState).where(eq(searchState.key, GENERATION));
      return Number(rows[0]?.value ?? 0);
    },

    listSegments(): Promise<SegmentRow[]> {
      return db.select({ id: searchSegments.id, kind: searchSegments.kind }).from(searchSegments).orderBy(asc(searchSegments.id));
    },

    async readPayload(id: number): Promise<string | null> {
      const rows = await db.select({ payload: searchSegments.payload }).from(searchSegments).where(eq(searchSegments.id, id));
      return rows[0]?.payload ?? null;
    },

    async maxSegmentId(): Promise<number> {
      const rows = await db.select({ id: max(searchSegments.id) }).from(searchSegments);
      return rows[0]?.id ?? 0;
    },

    /** Write a segment and move the generation in one atomic batch. */
    async insertSegment(kind: 'base' | 'delta', payload: string, covers: number[], now: string): Promise<{ id: number; generation: number }> {
      const [inserted, generation] = await db.batch([
        db.insert(searchSegments).values({ kind, payload, sessionIds: covers, createdAt: now }).returning({ id: searchSegments.id }),
        bumpGeneration(),
      ]);
      return { id: inserted[0]?.id ?? 0, generation: Number(generation[0]?.value ?? 0) };
    },

    /** Put a new base in place of every segment up to `upToId`, atomically. */
    async replaceWithBase(payload: string, covers: number[], upToId: number, now: string): Promise<{ id: number; generation: number }> {
      const [inserted, , generation] = await db.batch([
        db.insert(searchSegments).values({ kind: 'base', payload, sessionIds: covers, createdAt: now }).returning({ id: searchSegments.id }),
        db.delete(searchSegments).where(lte(searchSegments.id, upToId)),
        bumpGeneration(),
      ]);
      return { id: inserted[0]?.id ?? 0, generation: Number(generation[0]?.value ?? 0) };
    },

    /** id → content hash of every published session (to check the index against the table; drafts are never indexed). */
    async fingerprints(): Promise<Map<number, string>> {
      const rows = await db.select({ id: sessions.id, hash: sessions.contentHash }).from(sessions).where(eq(sessions.status, 'published'));
      return new Map(rows.map((r) => [r.id, r.hash]));
    },

    async sessionsForIndex(ids: number[]): Promise<IndexableSession[]> {
      const out: IndexableSession[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db
          .select()
          .from(sessions)
          .where(and(inArray(sessions.id, ids.slice(i, i + CHUNK)), eq(sessions.status, 'published')));
        for (const row of rows) out.push(toIndexable(row));
      }
      return out;
    },

    async allSessionsForIndex(): Promise<IndexableSession[]> {
      const out: IndexableSession[] = [];
      let after = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(sessions)
          .where(and(sql`${sessions.id} > ${after}`, eq(sessions.status, 'published')))
          .orderBy(asc(sessions.id))
          .limit(CHUNK);
        for (const row of rows) out.push(toIndexable(row));
        const last = rows[rows.length - 1];
        if (!last || rows.length < CHUNK) break;
        after = last.id;
      }
      return out;
    },

    /** Changes when published sessions are added, changed or removed (cheap to poll). */
    async changeMark(): Promise<string> {
      // Three subqueries, each answered from an index (count and max id from sessions_status, the
      // newest update from sessions_status_updated); one SELECT with all three aggregates read every row.
      const r = await db.get<{ n: number; updated: string | null; top: number | null }>(
        sql`SELECT (SELECT count(*) FROM ${sessions} WHERE ${published}) AS n,
                   (SELECT max(${sessions.updatedAt}) FROM ${sessions} WHERE ${published}) AS updated,
                   (SELECT max(${sessions.id}) FROM ${sessions} WHERE ${published}) AS top`,
      );
      return `${r?.n ?? 0}|${r?.updated ?? ''}|${r?.top ?? 0}`;
    },

    /**
     * Paragraphs of these sessions in order. Raw rows (`db.run`): a hit session missing from the
     * paragraph cache is read here, and drizzle's query building and row mapping were ≈ 40 % of
     * that read's CPU (0.13–0.24 against 0.08–0.10 ms a session, docs/benchmarks.md, cold start).
     */
    async paragraphsOf(sessionIds: number[]): Promise<ParagraphRow[]> {
      if (sessionIds.length === 0) return [];
      const ids = sql.join(
        sessionIds.map((id) => sql`${id}`),
        sql`, `,
      );
      const rs = await db.run(
        sql`SELECT ${paragraphs.sessionId}, ${paragraphs.ordinal}, ${paragraphs.text}, ${paragraphs.speaker} FROM ${paragraphs} WHERE ${paragraphs.sessionId} IN (${ids}) ORDER BY ${paragraphs.sessionId}, ${paragraphs.ordinal}`,
      );
      return rs.rows.map((r) => ({ sessionId: num(r[0]), ordinal: num(r[1]), text: String(r[2] ?? ''), speaker: str(r[3]) }));
    },

    /** Stored search material (material.ts) of these sessions, where it is current: their content hash and this analyser's fingerprint. */
    async materialOf(sessions: Array<{ id: number; contentHash: string }>, analysis: string): Promise<Map<number, ArrayBuffer>> {
      const out = new Map<number, ArrayBuffer>();
      if (sessions.length === 0) return out;
      const hashes = new Map(sessions.map((s) => [s.id, s.contentHash]));
      const ids = sql.join(
        sessions.map((s) => sql`${s.id}`),
        sql`, `,
      );
      const rs = await db.run(sql`SELECT ${searchMaterial.sessionId}, ${searchMaterial.contentHash}, ${searchMaterial.material} FROM ${searchMaterial} WHERE ${searchMaterial.sessionId} IN (${ids}) AND ${searchMaterial.analysis} = ${analysis}`);
      for (const r of rs.rows) {
        const id = num(r[0]);
        const blob = r[2];
        if (hashes.get(id) === String(r[1]) && blob instanceof ArrayBuffer) out.set(id, blob);
      }
      return out;
    },

    /** Published sessions whose material is missing or not current, newest first. */
    async sessionsWithoutMaterial(analysis: string, limit: number): Promise<Array<{ id: number; contentHash: string }>> {
      const rs = await db.run(materialDueQuery(analysis, limit));
      return rs.rows.map((r) => ({ id: num(r[0]), contentHash: String(r[1] ?? '') }));
    },

    /**
     * Store material, each row only if its session is still published with that content hash (a
     * correction or withdrawal in between leaves it for the next pass); one batch.
     */
    async writeMaterial(rows: Array<{ sessionId: number; contentHash: string; analysis: string; material: Uint8Array }>): Promise<void> {
      if (rows.length === 0) return;
      const [first, ...rest] = rows.map(
        (r) =>
          db.run(sql`INSERT INTO ${searchMaterial} (session_id, content_hash, analysis, material)
            SELECT ${r.sessionId}, ${r.contentHash}, ${r.analysis}, ${r.material} WHERE EXISTS (SELECT 1 FROM ${sessions} WHERE id = ${r.sessionId} AND content_hash = ${r.contentHash} AND status = 'published')
            ON CONFLICT (session_id) DO UPDATE SET content_hash = excluded.content_hash, analysis = excluded.analysis, material = excluded.material`),
      );
      if (first) await db.batch([first, ...rest]);
    },

    /** Drop the material of sessions no longer published (withdrawn, back to draft); deleted ones go with their row. */
    async dropUnpublishedMaterial(): Promise<number> {
      const rs = await db.run(unpublishedMaterialQuery());
      return rs.rowsAffected;
    },
  };
}

export type SearchRepo = ReturnType<typeof createSearchRepo>;
