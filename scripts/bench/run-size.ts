/**
 * @module One corpus size of `npm run bench`: bulk ingest with indexing, index build and cold
 * load, search latency against the FTS5 peer, server start, memory, a new session searchable
 * through the API, and HTTP load on search, a session page and "my actions".
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { normalizePersian } from '../../server/persian/normalize';
import { fts5Engine, fts5Query } from '../eval/engines';
import { parseQuery } from '../../server/search/query';
import { loadSegment, parsePayload } from '../../server/search/segment';
import { DEFAULT_WEIGHTS, SegmentSet } from '../../server/search/segment-set';
import { createSearchService, type SearchService } from '../../server/search/search.service';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { writeCorpusJsonl, type BenchCorpus } from './corpus';
import { callApi, signIn } from './http-client';
import { loadTest, traceLoopMax, type LoadFigures } from './http-load';
import { percentile, queriesFrom } from './queries';
import { searchCpu, type CpuFigures } from './search-cpu';
import { REPO_ROOT, startServer } from './server-process';

const run = promisify(execFile);

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

export interface SizeFigures {
  sessions: number;
  paragraphs: number;
  repeats: number;
  queries: number;
  ingest: { seconds: number; cpuSeconds: number; perSecond: number };
  /** latency: ranking only (top 10); page: the service's search() — ranking, 3 best paragraphs per hit, highlighted. */
  ours: { buildS: number; coldLoadMs: number; latency: Latency; page: Latency; sizeMB: number; cpu: CpuFigures };
  /** latency: MATCH … ORDER BY rank LIMIT 10; page: the same with snippet() marks. */
  fts5: { buildS: number; firstQueryMs: number; latency: Latency; page: Latency; sizeMB: number };
  /** indexLoadMs: what the server itself reports for loading and checking the index, part of readyMs. */
  server: { readyMs: number; indexLoadMs: number; firstSearchMs: number; rssIdleMB: number; rssAfterLoadMB: number; peakMB: number };
  /** Time from the write call returning to the hit through GET /api/search, ms. */
  newSession: { importApiMs: number; ingestCliMs: number };
  load: LoadFigures[];
}

export type Progress = (message: string) => void;

async function timedQueries(run: (q: string) => Promise<unknown>, queries: string[]): Promise<Latency> {
  for (const q of queries) await run(q); // warm-up
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const q of queries) {
      const started = performance.now();
      await run(q);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

/** Poll the API until `q` finds `slug`; ms from `since`. */
async function waitUntilFound(url: string, cookie: string, q: string, slug: string, since: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    const res = await callApi(url, `/api/search?q=${encodeURIComponent(q)}&limit=5`, { cookie });
    if (res.ok) {
      const page: unknown = await res.json();
      const hits = typeof page === 'object' && page !== null && 'hits' in page && Array.isArray(page.hits) ? page.hits : [];
      if (JSON.stringify(hits).includes(`"slug":"${slug}"`)) return performance.now() - since;
    }
    if (performance.now() - since > timeoutMs) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Publish every directive of the sample sessions and assign it to all provinces, so directors have actions. */
async function seedActions(url: string, managerCookie: string): Promise<number> {
  let assigned = 0;
  for (const slug of ['tvto-outsourcing-webinar-1', 'tvto-outsourcing-webinar-2', 'northwest-regional-meeting-1400-02', 'property-sales-report-deadline-1400']) {
    const res = await callApi(url, `/api/sessions/${slug}`, { cookie: managerCookie });
    if (!res.ok) continue;
    const session: unknown = await res.json();
    const directives = typeof session === 'object' && session !== null && 'directives' in session && Array.isArray(session.directives) ? session.directives : [];
    for (const d of directives) {
      const id: unknown = typeof d === 'object' && d !== null && 'id' in d ? d.id : undefined;
      if (typeof id !== 'number') continue;
      await callApi(url, `/api/directives/${id}/publish`, { cookie: managerCookie, json: {} });
      const a = await callApi(url, `/api/directives/${id}/assignments`, { cookie: managerCookie, json: { units: ['all-provinces'] } });
      if (a.status === 201) assigned++;
    }
  }
  return assigned;
}

function mb(bytes: number): number {
  return bytes / 1e6;
}

/** Everything measured inside this process: ingest, index build and load, ours and FTS5 in process; then the accounts. */
async function measureInProcess(databaseUrl: string, jsonl: string, corpus: BenchCorpus, queries: string[], size: number, progress: Progress) {
  // The catalogue and the sample sessions first (units, directives for actions); not timed.
  const database = await openDatabase(databaseUrl);
  const indexer = createSearchService(database, { autoMerge: false });
  await ingestPaths(database.client, [resolve(REPO_ROOT, 'content')], { clock: systemClock, indexer });

  // Bulk ingest including indexing (one delta segment of the new sessions), as `npm run ingest` does.
  const cpuBefore = process.cpuUsage();
  let started = performance.now();
  const summary = await ingestPaths(database.client, [jsonl], { clock: systemClock, indexer });
  const ingestS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (summary.failures.length > 0 || summary.added !== size) throw new Error(`bench ingest failed: ${JSON.stringify(summary.failures.slice(0, 3))}`);
  const ingest = { seconds: ingestS, cpuSeconds: (cpu.user + cpu.system) / 1e6, perSecond: size / ingestS };
  progress(`${size}: ingest ${ingest.perSecond.toFixed(0)} sessions/s (${ingestS.toFixed(1)} s, CPU ${ingest.cpuSeconds.toFixed(1)} s)`);

  // Index build: a full base from every session (what a merge or a rebuild does).
  started = performance.now();
  await indexer.rebuild();
  const buildS = (performance.now() - started) / 1000;
  const segmentBytes = Number((await database.client.execute('SELECT sum(length(payload)) AS n FROM search_segments')).rows[0]?.n ?? 0);
  // Cold load: a fresh service reads the base and checks it against the sessions table.
  global.gc?.();
  // The result cache off: the page figures measure ranking, reading and highlighting, not cache hits.
  const fresh: SearchService = createSearchService(database, { autoMerge: false, resultCache: { maxEntries: 0, maxBytes: 0 } });
  started = performance.now();
  await fresh.refreshIfStale();
  const coldLoadMs = performance.now() - started;
  const oursPage = await timedQueries((q) => fresh.search({ q, limit: 10, prefix: false }), queries);
  // CPU per result page (process.cpuUsage per query, least of 3 passes): what other load on the machine barely moves.
  const oursCpu = await searchCpu(fresh, queries, 3);
  // Ranking alone, on the same persisted base the service loaded (as bench:search measures it).
  const engine = new SegmentSet(DEFAULT_WEIGHTS);
  const base = await database.client.execute("SELECT id, payload FROM search_segments WHERE kind = 'base' ORDER BY id DESC LIMIT 1");
  engine.addSegment(1, 'base', loadSegment(parsePayload(String(base.rows[0]?.payload ?? ''))));
  const oursLatency = await timedQueries(async (q) => engine.search(parseQuery(q, { prefixLast: false }), { limit: 10, offset: 0 }), queries);
  progress(`${size}: ours build ${buildS.toFixed(1)} s, cold load ${coldLoadMs.toFixed(0)} ms, p95 ${oursLatency.p95.toFixed(2)} ms (ranking), ${oursPage.p95.toFixed(2)} ms (page)`);

  // The peer: FTS5 on the same text through our normaliser, in the same run.
  const fts = fts5Engine(true);
  started = performance.now();
  await fts.build(corpus.docs);
  const ftsBuildS = (performance.now() - started) / 1000;
  started = performance.now();
  await fts.search(queries[0] ?? 'ایران', 10);
  const firstQueryMs = performance.now() - started;
  const ftsLatency = await timedQueries((q) => fts.search(q, 10), queries);
  const ftsPage = await timedQueries(async (q) => {
    const match = fts5Query(normalizePersian(q));
    if (!match) return;
    await fts.client().execute({ sql: "SELECT rowid, snippet(docs, 0, '<mark>', '</mark>', '…', 32) AS snippet FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", args: [match] });
  }, queries);
  const ftsSize = mb(fts.size?.() ?? 0);
  fts.close();
  progress(`${size}: FTS5 build ${ftsBuildS.toFixed(1)} s, p95 ${ftsLatency.p95.toFixed(2)} ms (ranking), ${ftsPage.p95.toFixed(2)} ms (with snippets)`);

  // Accounts, made through the users service like `npm run user`.
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  const password = `bench-${Math.random().toString(36).slice(2)}-password`;
  await users.create({ username: 'bench-manager', role: 'manager', password, displayName: 'مدیر آزمون' }, null);
  await users.create({ username: 'bench-director', role: 'director', unitCode: 'prov-east-azarbaijan', password, displayName: 'مدیرکل آزمون' }, null);
  database.close();
  return {
    password,
    ingest,
    ours: { buildS, coldLoadMs, latency: oursLatency, page: oursPage, sizeMB: mb(segmentBytes), cpu: oursCpu },
    fts5: { buildS: ftsBuildS, firstQueryMs, latency: ftsLatency, page: ftsPage, sizeMB: ftsSize },
  };
}

/**
 * Measure one corpus size end to end in a temp folder (removed afterwards).
 *
 * @example
 * const figures = await benchSize(7_500, console.error);
 */
export async function benchSize(size: number, progress: Progress): Promise<SizeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-'));
  const dbFile = join(dir, 'neshast.db');
  const databaseUrl = `file:${dbFile}`;
  try {
    const jsonl = join(dir, 'sessions.jsonl');
    const corpus = await writeCorpusJsonl(size, jsonl);
    const queries = queriesFrom(corpus.docs, [], 200, size);
    progress(`${size}: corpus written (Fars News ×${corpus.repeats}, ${queries.length} queries)`);

    // Everything in-process first; its indexes are garbage once it returns, before the server and the load run.
    const { password, ingest, ours, fts5 } = await measureInProcess(databaseUrl, jsonl, corpus, queries, size, progress);
    global.gc?.();
    let started = performance.now();

    // The server: spawned on the filled database; ready when /api/health answers (the index is loaded before listening).
    const server = await startServer({ databaseUrl });
    try {
      const manager = await signIn(server.url, 'bench-manager', password);
      const director = await signIn(server.url, 'bench-director', password);
      started = performance.now();
      await callApi(server.url, `/api/search?q=${encodeURIComponent(queries[1] ?? 'ایران')}`, { cookie: director });
      const firstSearchMs = performance.now() - started;
      const rssIdleMB = server.memory().rssMB;
      progress(`${size}: server ready in ${server.readyMs.toFixed(0)} ms, RSS ${rssIdleMB.toFixed(0)} MB`);
      const assigned = await seedActions(server.url, manager);
      const mine = await callApi(server.url, '/api/actions/mine', { cookie: director });
      if (!mine.ok || assigned === 0) throw new Error(`no actions for the director (${mine.status}, ${assigned} directives assigned)`);

      // A new session through the import API of the running server: draft, publish, then find it.
      const marker = `گلنسترن${size}`;
      const draft = await callApi(server.url, '/api/imports', {
        cookie: manager,
        json: { title: `نشست تازه ${marker}`, heldOn: '1400-02-01', text: `در این نشست درباره ${marker} و برنامه‌های آموزشی استان گفت‌وگو شد.\n\nگزارش کار ارائه شد.` },
      });
      const draftBody: unknown = await draft.json();
      const slug = typeof draftBody === 'object' && draftBody !== null && 'slug' in draftBody ? String(draftBody.slug) : '';
      const publish = await callApi(server.url, `/api/imports/${slug}/publish`, { cookie: manager, json: { rejectUnreviewed: true } });
      const publishedAt = performance.now();
      if (!publish.ok) throw new Error(`publish failed: ${publish.status} ${await publish.text()}`);
      const importApiMs = await waitUntilFound(server.url, director, marker, slug, publishedAt);

      // A new session through `npm run ingest` in another process: the server sees the generation move.
      const cliMarker = `سپیدارنگ${size}`;
      const one = join(dir, 'one.jsonl');
      writeFileSync(one, `${JSON.stringify({ slug: `bench-one-${size}`, title: `خبر تازه ${cliMarker}`, heldOn: '1400-02-02', paragraphs: [`متن خبر درباره ${cliMarker}.`] })}\n`);
      await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--db', databaseUrl, one], { cwd: REPO_ROOT });
      const ingestCliMs = await waitUntilFound(server.url, director, cliMarker, `bench-one-${size}`, performance.now());
      progress(`${size}: new session searchable after ${importApiMs.toFixed(0)} ms (import API), ${ingestCliMs.toFixed(0)} ms (ingest CLI)`);

      // HTTP load: 50 connections, 10 s each.
      // The load generator runs in its own process; this one lets go of its corpus and indexes first.
      const searchPaths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&prefix=false`);
      const sessionPaths = Array.from({ length: 500 }, (_, i) => `/api/sessions/${corpus.docs[(i * 7919) % corpus.docs.length]?.id ?? ''}`);
      corpus.docs.length = 0;
      global.gc?.();
      const load: LoadFigures[] = [];
      load.push(await loadTest({ name: 'search', url: server.url, cookie: director, paths: searchPaths }));
      load.push(await loadTest({ name: 'session page', url: server.url, cookie: director, paths: sessionPaths }));
      load.push(await loadTest({ name: 'my actions', url: server.url, cookie: director, paths: ['/api/actions/mine'] }));
      // The floor this machine sets: the cheapest signed-in route (one SELECT 1) under the same load.
      load.push(await loadTest({ name: 'health (floor)', url: server.url, cookie: director, paths: ['/api/health'], seconds: 5 }));
      const memory = server.memory();
      // The same search load on fresh servers: the result cache off (every request ranks, reads and
      // highlights), and two worker processes (node:cluster) with the cache on and off. autocannon
      // shares the 2 cores with them, so two workers compete with the load generator for the second core.
      const searchOn = async (name: string, env: Record<string, string>): Promise<LoadFigures> => {
        // NESHAST_TRACE=1: the server's longest event-loop delay during the load.
        const other = await startServer({ databaseUrl, env: { ...env, NESHAST_TRACE: '1' } });
        try {
          const cookie = await signIn(other.url, 'bench-director', password);
          const before = other.output().length;
          const figures = await loadTest({ name, url: other.url, cookie, paths: searchPaths });
          const loopMaxMs = traceLoopMax(other.output().slice(before));
          return loopMaxMs === undefined ? figures : { ...figures, loopMaxMs };
        } finally {
          await other.stop();
        }
      };
      await server.stop();
      load.push(await searchOn('search, result cache off', { NESHAST_SEARCH_CACHE: '0' }));
      load.push(await searchOn('search, 2 workers', { NESHAST_WORKERS: '2' }));
      load.push(await searchOn('search, 2 workers, cache off', { NESHAST_WORKERS: '2', NESHAST_SEARCH_CACHE: '0' }));
      for (const l of load) progress(`${size}: HTTP ${l.name}: ${l.requestsPerSec.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, errors ${l.errors}, non-2xx ${l.non2xx}`);

      const paragraphs = await openDatabase(databaseUrl, { migrate: false }).then(async (d) => {
        const n = Number((await d.client.execute('SELECT count(*) AS n FROM paragraphs')).rows[0]?.n ?? 0);
        d.close();
        return n;
      });
      return {
        sessions: size,
        paragraphs,
        repeats: corpus.repeats,
        queries: queries.length,
        ingest,
        ours,
        fts5,
        server: { readyMs: server.readyMs, indexLoadMs: Number(/search: \d+ sessions in \d+ segments \((\d+) ms\)/.exec(server.output())?.[1] ?? NaN), firstSearchMs, rssIdleMB, rssAfterLoadMB: memory.rssMB, peakMB: memory.peakMB },
        newSession: { importApiMs, ingestCliMs },
        load,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
