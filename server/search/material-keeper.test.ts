import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInput } from '../ingest/session-input';
import { sessionInput } from '../../tests/support/session-input';
import { openTempDatabase, type TempDatabase } from '../../tests/support/temp-db';
import { storeSessions } from '../ingest/session-store';
import { squeezeParagraph } from './highlight';
import { ANALYSIS_FINGERPRINT, decodeMaterial } from './material';
import { createMaterialKeeper } from './material-keeper';
import { paragraphWords, wordSurface, wordTerm, type ParagraphWords } from './paragraph-words';
import { createSearchRepo, materialDueQuery, unpublishedMaterialQuery } from './search.repo';
import { sql } from 'drizzle-orm';
import { createSearchService } from './search.service';

const session = sessionInput;

const WEBINAR = session('webinar-1', 'نخستین وبینار واگذاری امور به بخش غیردولتی', [
  ['حسین فیروزی', 'استان‌ها می‌توانند اموال مازاد را بر اساس ماده ۲۷ از طریق شورای برنامه‌ریزی استان بفروشند.'],
  ['حسين فيروزي', 'برنامه‌هاي عملياتي بودجه ۱۴۰۰ ظرف دو هفته به سازمان برنامه و بودجه ارسال شود.'],
  'مهم ترين كار واگذاری امور به بخش خصوصی است و برونسپاری و بهره وری.',
]);
const MEETING = session('meeting-2', 'جلسه شورای معاونان', [['مریم احمدی', 'گزارش پیشرفت آموزش مهارت در استان گیلان ارائه شد.'], 'بودجه آموزش مهارت']);
const QUERIES = ['بودجه ۱۴۰۰', 'برنامه هاي عملياتي', 'آموزش مهارت', 'می توانند', 'مهم‌ترین', 'برون سپاری', 'ماده۲۷', 'استان گیلن', 'به بخش'];

/** Material rows: session id → content hash, and whether each is this analyser's. */
async function materialRows(database: TempDatabase): Promise<Array<{ id: number; hash: string; current: boolean }>> {
  const rs = await database.client.execute('SELECT session_id, content_hash, analysis FROM search_material ORDER BY session_id');
  return rs.rows.map((r) => ({ id: Number(r.session_id), hash: String(r.content_hash), current: r.analysis === ANALYSIS_FINGERPRINT }));
}

async function hashes(database: TempDatabase): Promise<Array<{ id: number; hash: string; current: boolean }>> {
  const rs = await database.client.execute("SELECT id, content_hash FROM sessions WHERE status = 'published' ORDER BY id");
  return rs.rows.map((r) => ({ id: Number(r.id), hash: String(r.content_hash), current: true }));
}

describe('search material', () => {
  let database: TempDatabase;
  beforeEach(async () => {
    database = await openTempDatabase();
  });
  afterEach(() => database.dispose());

  const store = async (inputs: SessionInput[]) => (await storeSessions(database.client, inputs, new Date('2021-01-21T00:00:00Z'))).changedIds;
  const uncached = { autoMerge: false, resultCache: { maxEntries: 0, maxBytes: 0 } } as const;

  it('stores every published session as analysing its paragraphs gives, and searches show the same pages with it as without', async () => {
    const search = createSearchService(database, uncached);
    await search.indexSessions(await store([WEBINAR, MEETING]));
    const pass = await search.keepMaterial();
    expect(pass.written).toBe(2);
    expect(await materialRows(database)).toEqual(await hashes(database));
    const repo = createSearchRepo(database.db);
    const [id = 0] = (await hashes(database)).map((h) => h.id);
    const stored = decodeMaterial((await repo.materialOf([{ id, contentHash: (await hashes(database))[0]?.hash ?? '' }], ANALYSIS_FINGERPRINT)).get(id) ?? new Uint8Array());
    const rows = await repo.paragraphsOf([id]);
    expect(stored?.map((p) => [p.ordinal, p.text, p.speaker, p.squeezed])).toEqual(rows.map((r) => [r.ordinal, r.text, r.speaker, squeezeParagraph(r.text)]));
    for (const [i, r] of rows.entries()) {
      const words = stored?.[i]?.words;
      const fresh = paragraphWords(r.text);
      const named = (w: ParagraphWords) => [...w.ids].map((id) => `${wordSurface(id)}:${wordTerm(id)}`);
      expect(words && named(words)).toEqual(named(fresh));
      expect([...(words?.spans ?? [])]).toEqual([...fresh.spans]);
    }
    // A second pass finds nothing to do.
    expect((await search.keepMaterial()).written).toBe(0);
    const without = createSearchService(database, { ...uncached, material: false });
    const withIt = createSearchService(database, uncached);
    for (const q of QUERIES) expect(await withIt.search({ q }), q).toEqual(await without.search({ q }));
  });

  it('serves snippets from the material alone: a fresh process does not read the paragraphs of a session that has it', async () => {
    const search = createSearchService(database, uncached);
    await search.indexSessions(await store([WEBINAR, MEETING]));
    const before = await search.search({ q: 'بودجه ۱۴۰۰' });
    await search.keepMaterial();
    // Paragraph rows gone, material kept (same content hash): only the material can give the snippets.
    await database.client.execute('DELETE FROM paragraphs');
    const fresh = createSearchService(database, uncached);
    expect(await fresh.search({ q: 'بودجه ۱۴۰۰' })).toEqual(before);
    expect((await createSearchService(database, { ...uncached, material: false }).search({ q: 'بودجه ۱۴۰۰' })).hits[0]?.paragraphs).toEqual([]);
  });

  it('fills in sessions stored before it existed, and material of an older analyser or text, in the background', async () => {
    const search = createSearchService(database, uncached);
    const ids = await store([WEBINAR, MEETING]);
    await search.indexSessions(ids);
    // As a database from before search_material: nothing stored, and indexing does not store it until keeping starts.
    expect(await materialRows(database)).toEqual([]);
    const [first = 0, second = 0] = ids;
    const repo = createSearchRepo(database.db);
    await repo.writeMaterial([
      { sessionId: first, contentHash: 'an-older-text', analysis: ANALYSIS_FINGERPRINT, material: new Uint8Array(16) },
      { sessionId: second, contentHash: (await hashes(database)).find((h) => h.id === second)?.hash ?? '', analysis: 'older-analyser', material: new Uint8Array(16) },
    ]);
    // The older text's row is not written (the session's hash is not that); the older analyser's is, and is not used.
    expect((await materialRows(database)).map((r) => [r.id, r.current])).toEqual([[second, false]]);
    const pages = await Promise.all(QUERIES.map((q) => search.search({ q })));
    const pass = await search.keepMaterial();
    expect(pass.written).toBe(2);
    expect(await materialRows(database)).toEqual(await hashes(database));
    const fresh = createSearchService(database, uncached);
    for (const [i, q] of QUERIES.entries()) expect(await fresh.search({ q }), q).toEqual(pages[i]);
  });

  it('follows a corrected session (new text, new material) and drops a withdrawn one', async () => {
    const search = createSearchService(database, uncached);
    await search.indexSessions(await store([WEBINAR, MEETING]));
    await search.keepMaterial();
    const changed = session('meeting-2', 'جلسه شورای معاونان', ['گزارش پیشرفت آموزش در استان زنجان ارائه شد.']);
    await search.indexSessions(await store([changed]));
    await search.idle();
    expect(await materialRows(database)).toEqual(await hashes(database));
    const fresh = createSearchService(database, uncached);
    expect((await fresh.search({ q: 'زنجان' })).hits[0]?.paragraphs[0]?.snippet).toContain('<mark>زنجان</mark>');
    expect((await fresh.search({ q: 'گیلان' })).total).toBe(0);
    // Withdrawn (as correction.service does: the status in the database, then re-indexing).
    const meeting = (await hashes(database)).at(-1)?.id ?? 0;
    await database.client.execute({ sql: "UPDATE sessions SET status = 'withdrawn' WHERE id = ?", args: [meeting] });
    await search.indexSessions([meeting]);
    await search.idle();
    expect((await materialRows(database)).map((r) => r.id)).not.toContain(meeting);
    expect(await materialRows(database)).toEqual(await hashes(database));
  });

  it('prepares sessions another process wrote, once a search sees the index move', async () => {
    const server = createSearchService(database, { ...uncached, staleCheckMs: 0 });
    await server.indexSessions(await store([WEBINAR]));
    await server.keepMaterial();
    const ingest = createSearchService(database, uncached);
    await ingest.indexSessions(await store([MEETING]));
    expect((await materialRows(database)).length).toBe(1);
    expect((await server.search({ q: 'گیلان' })).total).toBe(1);
    await server.idle();
    expect(await materialRows(database)).toEqual(await hashes(database));
  });

  it('checks what is due from covering indexes, never reading a material row (its blob) or a session row (its body)', async () => {
    for (const query of [materialDueQuery(ANALYSIS_FINGERPRINT, 50), unpublishedMaterialQuery()]) {
      const plan = await database.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
      const steps = plan.map((r) => r.detail).join('\n');
      expect(steps).toMatch(/COVERING INDEX search_material_current/);
      expect(steps).toMatch(/COVERING INDEX sessions_status_hash/);
      expect(steps).not.toMatch(/PRIMARY KEY|SCAN (s|m|search_material|sessions)\b(?! USING COVERING)/);
    }
  });

  it('works in slices: the loop is let go between them and every session is still stored', async () => {
    const many = Array.from({ length: 30 }, (_, i) => session(`s-${i}`, `جلسه ${i}`, [`بند اول بودجه ${i}`, 'بند دوم آموزش مهارت']));
    await store(many);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    // A slice of 0 ms: a rest after every session.
    const pass = await createMaterialKeeper(createSearchRepo(database.db), { sliceMs: 0 }).nudge();
    clearInterval(ticking);
    expect(pass.written).toBe(30);
    expect(turns).toBeGreaterThanOrEqual(10);
    expect(await materialRows(database)).toEqual(await hashes(database));
  });
});
