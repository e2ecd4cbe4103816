/**
 * Issue 15 item 5 ("no request blocks the event loop for more than 20 ms"), for the search of
 * everything: a large build of the directive and follow-up indexes runs in a worker thread, so
 * /api/health is answered while it runs; a search that comes before the build is done waits for it
 * and gets every match; a note posted afterwards is found at once (a delta on the main thread).
 * Generous bounds only (the machine is shared); the figures are in `npm run bench:everything`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEverythingSearch, type EverythingSearch } from '../../server/search/everything/everything.service';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Page {
  groups?: Array<{ kind: string; total: number; items?: Array<{ id: number }> }>;
}

/** Copies of each directive: ≈ 12,000 directives, a build of seconds. */
const COPIES = 600;
/** In every tenth copy, and nowhere in the sample content (a word in every document of a segment scores nothing). */
const COPY_WORD = 'رونوشت';

describe('building the search of everything off the event loop', () => {
  let t: TestContext;
  let everything: EverythingSearch;
  let manager: TestRequest;
  let director: TestRequest;
  let published = 0;

  beforeAll(async () => {
    t = await createTestContext({
      now: '2021-04-12T08:00:00Z',
      // A worker for any size here (the default keeps small tables on the main thread).
      appDeps: (database) => {
        everything = createEverythingSearch(database, { workerMinRows: 1 });
        return { everything };
      },
    });
    await t.ingestContent(['content']);
    const { client } = t.database;
    published = Number((await client.execute(`SELECT count(*) AS n FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.status = 'published' AND s.status = 'published'`)).rows[0]?.n);
    await client.execute(`WITH RECURSIVE copy(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM copy WHERE i < ${COPIES})
      INSERT INTO directives (session_id, anchor, quote, start, "end", speaker, kind, status, created_at, updated_at)
      SELECT d.session_id, d.anchor || '-copy-' || copy.i, d.quote || ' نسخه ' || copy.i || CASE WHEN copy.i % 10 = 0 THEN ' ${COPY_WORD}' ELSE '' END, d.start, d."end", d.speaker, d.kind, d.status, d.created_at, d.updated_at
      FROM directives d, copy WHERE d.anchor NOT LIKE '%-copy-%'`);
    manager = t.as(await t.signIn({ role: 'manager' }));
    director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
  }, 120_000);

  afterAll(async () => {
    await everything.idle();
    await t.close();
  });

  it('answers /api/health while a large build runs in a worker, and the search waiting for it finds every copy', async () => {
    expect(published).toBeGreaterThan(0);
    let done = false;
    const first = manager(`/api/search?q=${encodeURIComponent(COPY_WORD)}&kinds=directives`).then(async (res) => {
      done = true;
      return expectJson<Page>(res, 200);
    });
    const waits: number[] = [];
    while (!done) {
      const started = performance.now();
      const res = await t.request('/api/health');
      expect(res.status).toBe(200);
      waits.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
    const page = await first;
    const directives = page.groups?.find((g) => g.kind === 'directives');
    expect(directives?.total).toBeGreaterThanOrEqual((published * COPIES) / 10);
    // The same matches as the same segments built on the main thread.
    const here = await createEverythingSearch(t.database, { workerMinRows: Number.POSITIVE_INFINITY }).search({ role: 'manager', unitCode: null }, { q: COPY_WORD, kinds: ['directives'], limit: 10, offset: 0 });
    expect(here[0]?.total).toBe(directives?.total);
    expect(everything.stats().lastBuild?.threadId).toBeGreaterThan(0);
    expect(everything.stats().directives.documents).toBeGreaterThanOrEqual(published * (COPIES + 1));
    // Answered throughout, none held behind the build. Built on the main thread (same segments), health
    // was answered 11 times in 2.5 s here, once per segment, up to 390 ms late; in the worker, 186 times, at most 21 ms.
    expect(waits.length).toBeGreaterThan(30);
    expect(Math.max(...waits)).toBeLessThan(1_000);
  }, 120_000);

  it('finds a note posted after the worker built the index (a delta), scoped to its unit', async () => {
    const rows = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
    const directive = Number(rows.rows[0]?.id);
    const assigned = await expectJson<{ created: Array<{ id: number }> }>(await manager(`/api/directives/${directive}/assignments`, { json: { units: ['prov-tehran'], dueOn: '2021-07-01' } }), 201);
    const action = assigned.created[0]?.id ?? 0;
    await expectJson(await director(`/api/actions/${action}/comments`, { json: { note: 'کارشناس رسمی دادگستری قیمت‌گذاری کرد.' } }), 201);
    const page = await expectJson<Page>(await director(`/api/search?q=${encodeURIComponent('دادگستری')}&kinds=followups`), 200);
    expect(page.groups?.find((g) => g.kind === 'followups')?.total).toBe(1);
    const other = t.as(await t.signIn({ role: 'director', unitCode: 'prov-fars', username: 'fars-director' }));
    const hidden = await expectJson<Page>(await other(`/api/search?q=${encodeURIComponent('دادگستری')}&kinds=followups`), 200);
    expect(hidden.groups?.find((g) => g.kind === 'followups')?.total).toBe(0);
  });
});
