/**
 * @module The measurements behind `npm run bench:hardening` (issue 12): long search words, parallel
 * wrong passwords, a sign-in during a flood of made-up usernames, long and hostile imports, each
 * against a real server process on a fresh database, with /api/health timed meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService } from '../../server/search/search.service';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { callApi, signIn } from './http-client';
import { captions, longWord, unpunctuatedPersian } from './hostile-text';
import { REPO_ROOT, startServer, type ServerProcess } from './server-process';

export interface HardeningFigures {
  search: Array<{ letters: number; medianMs: number; status: number }>;
  searchParallel: { healthMs: number; statuses: number[] };
  burst: { sent: number; checked: number; refused: number };
  flood: { quietMs: number; duringMs: number; rssGrowthMB: number; floodStatuses: Record<string, number> };
  imports: Array<{ name: string; bytes: number; status: number; ms: number; healthMaxMs: number }>;
  /** The red team's worst imports: the draft's size, and reading it back (GET) while health is asked. */
  bigImports: Array<{ name: string; status: number; ms: number; healthMaxMs: number; draftMB: number; getMs: number; getHealthMaxMs: number }>;
}

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

async function prepareDatabase(dir: string): Promise<{ url: string; password: string }> {
  const url = `file:${join(dir, 'neshast.db')}`;
  const database = await openDatabase(url);
  try {
    const search = createSearchService(database, { autoMerge: false });
    await ingestPaths(database.client, [resolve(REPO_ROOT, 'content')], { clock: systemClock, indexer: search });
    const password = `bench-${Math.random().toString(36).slice(2)}`;
    const cheap = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock, scrypt: CHEAP });
    await cheap.create({ username: 'bench-manager', role: 'manager', password }, null);
    await cheap.create({ username: 'bench-staff', role: 'staff', password }, null);
    await cheap.create({ username: 'bench-target', role: 'staff', password }, null);
    // The sign-in measured during the flood costs what production passwords cost.
    const real = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
    await real.create({ username: 'bench-director', role: 'director', unitCode: 'prov-east-azarbaijan', password }, null);
    return { url, password };
  } finally {
    database.close();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

/** Health asked one request after another until `work` settles; the slowest answer, ms. */
async function healthWhile<T>(url: string, work: Promise<T>): Promise<[T, number]> {
  let done = false;
  let slowest = 0;
  const settled = work.finally(() => {
    done = true;
  });
  const loop = (async () => {
    await new Promise((r) => setTimeout(r, 30));
    while (!done) {
      const [, ms] = await timed(async () => (await fetch(`${url}/api/health`)).arrayBuffer());
      slowest = Math.max(slowest, ms);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const value = await settled;
  await loop;
  return [value, slowest];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measureSearch(server: ServerProcess, cookie: string, progress: (m: string) => void) {
  const search: HardeningFigures['search'] = [];
  await callApi(server.url, `/api/search?q=${encodeURIComponent('بودجه')}`, { cookie });
  for (const letters of [20, 1_000, 1_500, 2_000]) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 5; i++) {
      const [res, ms] = await timed(() => callApi(server.url, `/api/search?q=${encodeURIComponent(longWord(letters, i + 1))}`, { cookie }));
      status = res.status;
      await res.arrayBuffer();
      times.push(ms);
    }
    search.push({ letters, medianMs: median(times), status });
    progress(`search, one word of ${letters} letters: median ${median(times).toFixed(1)} ms (${status})`);
  }
  const parallel = Promise.all([1, 2, 3, 4].map(async (seed) => (await callApi(server.url, `/api/search?q=${encodeURIComponent(longWord(2_000, seed + 20))}`, { cookie })).status));
  // Asked right behind the four searches (they answer in tens of ms now; before the fix health waited 19 s).
  const [, healthMs] = await timed(async () => (await fetch(`${server.url}/api/health`)).arrayBuffer());
  const statuses = await parallel;
  progress(`four 2,000-letter searches at once: health slowest ${healthMs.toFixed(0)} ms`);
  return { search, searchParallel: { healthMs, statuses } };
}

async function measureBurst(server: ServerProcess): Promise<HardeningFigures['burst']> {
  const guesses = await Promise.all(
    Array.from({ length: 30 }, (_, i) => callApi(server.url, '/api/auth/login', { json: { username: 'bench-target', password: `wrong-${i}` }, headers: { 'x-forwarded-for': '192.0.2.44' } })),
  );
  const statuses = guesses.map((r) => r.status);
  return { sent: 30, checked: statuses.filter((s) => s === 401).length, refused: statuses.filter((s) => s === 429 || s === 503).length };
}

async function measureFlood(server: ServerProcess, password: string, progress: (m: string) => void): Promise<HardeningFigures['flood']> {
  const login = (username: string, pw: string, from: string) => callApi(server.url, '/api/auth/login', { json: { username, password: pw }, headers: { 'x-forwarded-for': from } });
  const [, quietMs] = await timed(async () => (await login('bench-director', password, '198.51.100.7')).arrayBuffer());
  const rssBefore = server.memory().rssMB;
  let maxRss = rssBefore;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, server.memory().rssMB)), 50);
  let flooding = true;
  const floodStatuses: Record<string, number> = {};
  const flooder = async (n: number) => {
    for (let i = 0; flooding; i++) {
      const res = await login(`nobody-${n}-${i}-${Math.random().toString(36).slice(2)}`, 'guess', '203.0.113.66');
      await res.arrayBuffer();
      floodStatuses[res.status] = (floodStatuses[res.status] ?? 0) + 1;
    }
  };
  const flood = Array.from({ length: 40 }, (_, n) => flooder(n));
  await new Promise((r) => setTimeout(r, 1_500));
  const [status, duringMs] = await timed(async () => (await login('bench-director', password, '198.51.100.7')).status);
  flooding = false;
  await Promise.all(flood);
  clearInterval(sampler);
  progress(`sign-in quiet ${quietMs.toFixed(0)} ms, during a 40-client flood ${duringMs.toFixed(0)} ms (${status}); RSS +${(maxRss - rssBefore).toFixed(0)} MB`);
  return { quietMs, duringMs, rssGrowthMB: maxRss - rssBefore, floodStatuses };
}

async function measureImports(server: ServerProcess, cookie: string, progress: (m: string) => void): Promise<HardeningFigures['imports']> {
  const prose1mb = unpunctuatedPersian(560_000, 3);
  const cases: Array<[string, () => { json?: unknown; form?: FormData }]> = [
    ['60,000 × «،» (JSON)', () => ({ json: { text: '،'.repeat(60_000), heldOn: '1399-11-01' } })],
    ['100,000 × «،» (JSON)', () => ({ json: { text: '،'.repeat(100_000), heldOn: '1399-11-02' } })],
    ['200,000 characters of unpunctuated Persian (JSON)', () => ({ json: { text: unpunctuatedPersian(200_000), heldOn: '1399-11-03' } })],
    ['1 MB JSON body of unpunctuated Persian', () => ({ json: { text: prose1mb, heldOn: '1399-11-04' } })],
    ['the same 1 MB again (duplicate)', () => ({ json: { text: prose1mb, heldOn: '1399-11-04' } })],
    ['markdown «*a» × 40,000', () => ({ json: { format: 'markdown', text: `---\nslug: star-run\ntitle: آزمون\nheldOn: 1399-11-05\n---\n\n${'*a'.repeat(40_000)}\n` } })],
    ['238 KB WebVTT without punctuation', () => ({ json: { format: 'vtt', text: captions(238_000), heldOn: '1399-11-06' } })],
    [
      '2 MB .txt upload of unpunctuated Persian',
      () => {
        const form = new FormData();
        const text = unpunctuatedPersian(1_150_000, 5);
        form.set('file', new File([text], '1399-11-07-captions.txt'));
        return { form };
      },
    ],
  ];
  const out: HardeningFigures['imports'] = [];
  for (const [name, build] of cases) {
    const { json, form } = build();
    const bytes = form ? Number((form.get('file') as File).size) : Buffer.byteLength(JSON.stringify(json));
    const request = form
      ? fetch(`${server.url}/api/imports`, { method: 'POST', headers: { origin: server.url, cookie }, body: form })
      : callApi(server.url, '/api/imports', { cookie, json });
    const [[res, ms], healthMaxMs] = await healthWhile(server.url, timed(async () => {
      const r = await request;
      await r.arrayBuffer();
      return r;
    }));
    out.push({ name, bytes, status: res.status, ms, healthMaxMs });
    progress(`import ${name}: ${res.status} in ${ms.toFixed(0)} ms, health slowest ${healthMaxMs.toFixed(0)} ms`);
  }
  return out;
}

/** 'باید\n' × 100,000 and 500,000 characters without punctuation (red-team pass 2): import, then GET the draft. */
async function measureBigImports(server: ServerProcess, cookie: string, progress: (m: string) => void): Promise<HardeningFigures['bigImports']> {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['«باید» on 100,000 lines (99,999 repairs)', { text: 'باید\n'.repeat(100_000), heldOn: '1399-12-01' }],
    ['500,000 characters of unpunctuated Persian', { text: unpunctuatedPersian(500_000, 9), heldOn: '1399-12-02' }],
  ];
  const out: HardeningFigures['bigImports'] = [];
  // A small import first, so the figures are the import's own and not the worker's start (measured apart).
  const [, warmMs] = await timed(async () => (await callApi(server.url, '/api/imports', { cookie, json: { text: 'استان‌ها باید برنامه را ظرف دو هفته ارسال کنند.', heldOn: '1399-12-03' } })).arrayBuffer());
  progress(`a small import first: ${warmMs.toFixed(0)} ms (starts the extraction worker when it is the first)`);
  for (const [name, json] of cases) {
    const [[posted, ms], healthMaxMs] = await healthWhile(server.url, timed(async () => {
      const r = await callApi(server.url, '/api/imports', { cookie, json });
      return { status: r.status, body: await r.text() };
    }));
    const slug = posted.status < 300 ? (JSON.parse(posted.body) as { slug: string }).slug : '';
    const [[, getMs], getHealthMaxMs] = await healthWhile(server.url, timed(async () => (await callApi(server.url, `/api/imports/${slug}`, { cookie })).arrayBuffer()));
    const draftMB = Buffer.byteLength(posted.body) / 2 ** 20;
    out.push({ name, status: posted.status, ms, healthMaxMs, draftMB, getMs, getHealthMaxMs });
    progress(`import ${name}: ${posted.status} in ${ms.toFixed(0)} ms, draft ${draftMB.toFixed(1)} MB, health slowest ${healthMaxMs.toFixed(0)} ms; GET ${getMs.toFixed(0)} ms (health ${getHealthMaxMs.toFixed(0)} ms)`);
  }
  return out;
}

/** `only: 'big-imports'` runs the red team's worst imports alone (`npm run bench:hardening -- --only=big-imports`). */
export async function benchBigImports(progress: (message: string) => void): Promise<HardeningFigures['bigImports']> {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-hardening-'));
  let server: ServerProcess | undefined;
  try {
    const { url, password } = await prepareDatabase(dir);
    server = await startServer({ databaseUrl: url });
    return await measureBigImports(server, await signIn(server.url, 'bench-manager', password), progress);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Everything, on one fresh database and one server process (TRUST_PROXY=loopback so the flood and
 * the real sign-in come from different addresses).
 */
export async function benchHardening(progress: (message: string) => void): Promise<HardeningFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-hardening-'));
  let server: ServerProcess | undefined;
  try {
    const { url, password } = await prepareDatabase(dir);
    server = await startServer({ databaseUrl: url, env: { TRUST_PROXY: 'loopback' } });
    const staff = await signIn(server.url, 'bench-staff', password);
    const manager = await signIn(server.url, 'bench-manager', password);
    const { search, searchParallel } = await measureSearch(server, staff, progress);
    const burst = await measureBurst(server);
    progress(`30 wrong passwords at once: ${burst.checked} checked, ${burst.refused} refused`);
    const flood = await measureFlood(server, password, progress);
    const imports = await measureImports(server, manager, progress);
    const bigImports = await measureBigImports(server, manager, progress);
    return { search, searchParallel, burst, flood, imports, bigImports };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

/** The markdown section for docs/benchmarks.md. */
export function hardeningSection(f: HardeningFigures, info: { date: string; machine: string; command: string; load: string }): string {
  const lines = [
    '## Hardening (npm run bench:hardening)',
    '',
    `Reproduce: \`${info.command}\`. Measured ${info.date} on ${info.machine}; load average at the start ${info.load}`,
    '(other agents shared the cores). One real server process on a fresh database with the sample content;',
    'TRUST_PROXY=loopback so the flood and the real sign-in come from different addresses. Issue 12 has the',
    'figures before the fixes; the tests in tests/api and tests/reliability assert bounds several times the targets.',
    '',
    '| what | figure | target |',
    '|---|---|---|',
    ...f.search.map((s) => `| search, one word of ${s.letters.toLocaleString('en-US')} letters (median of 5) | ${s.medianMs.toFixed(1)} ms (${s.status}) | ≤ 50 ms, no 5xx |`),
    `| /api/health while four 2,000-letter searches run | ${ms(f.searchParallel.healthMs)} (searches ${f.searchParallel.statuses.join(', ')}) | unaffected |`,
    `| 30 wrong passwords for one user at once | ${f.burst.checked} checked, ${f.burst.refused} refused (429) | ≤ 5 checked |`,
    `| real sign-in, quiet / during 40 concurrent made-up usernames | ${ms(f.flood.quietMs)} / ${ms(f.flood.duringMs)} | ≤ 1.5 s during |`,
    `| server memory growth during that flood | ${f.flood.rssGrowthMB.toFixed(0)} MB (flood answers: ${Object.entries(f.flood.floodStatuses).map(([s, n]) => `${n} × ${s}`).join(', ')}) | flat (was +450 MB) |`,
    ...f.imports.map((i) => `| import: ${i.name}, ${(i.bytes / 1024).toFixed(0)} KB | ${i.status} in ${ms(i.ms)}; health slowest ${ms(i.healthMaxMs)} | ≤ 5 s, health unaffected |`),
    ...f.bigImports.map(
      (i) =>
        `| import: ${i.name} | ${i.status} in ${ms(i.ms)}, draft ${i.draftMB.toFixed(1)} MB; health slowest ${ms(i.healthMaxMs)}; GET of the draft ${ms(i.getMs)} (health ${ms(i.getHealthMaxMs)}) | ≤ 5 s, draft small, GET reads what was stored |`,
    ),
    '',
  ];
  return lines.join('\n');
}
