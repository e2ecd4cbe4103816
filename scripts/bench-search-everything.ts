/**
 * `npm run bench:everything [-- --size 30000] [--passes 20] [--keep]`: searching everything
 * (`GET /api/search?kinds=…`, issue 15 item 4) in the directive register's world (scripts/bench/
 * register-world.ts: 30,000 sessions, 20,000 directives, 62,000 actions, 47,000 follow-ups). Its
 * follow-ups all say «گزارش»; here every third gets a sentence of another session as its note and a
 * letter number, so notes are searched as text. Measured through the real app (`app.request`): the
 * first search (which builds the per-kind indexes) and the longest event-loop block meanwhile; then
 * a manager's and a director's searches, `passes` timed rounds each (and `passes` more for the longest
 * synchronous slice of each request, in CPU time: issue 15 item 5's 20 ms); then a note posted and found
 * (the delta on the next search), and the longest block during all of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { createApp } from '../server/app';
import { systemClock } from '../server/clock';
import { buildPart } from '../server/search/everything/kind-build';
import { createEverythingRepo } from '../server/search/everything/everything.repo';
import { createSearchService } from '../server/search/search.service';
import { createEverythingSearch } from '../server/search/everything/everything.service';
import { BUILD_CHUNK, KindIndex, SEGMENT_CHARS, SEGMENT_MAX_ROWS } from '../server/search/everything/kind-index';
import { createUsersRepo } from '../server/users/users.repo';
import { createUsersService } from '../server/users/users.service';
import { percentile } from './bench/queries';
import { buildRegisterWorld } from './bench/register-world';
import { requireCorpora } from './eval/corpora-dir';
import { sliceMeter as startSliceMeter, SLICE_CLOCK_NAME } from './bench/slice-meter';
import { argValue } from './cli';

requireCorpora('bench:everything', ['farsnews']);

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? 30_000);
const passes = Number(argValue(argv, '--passes') ?? 20);
const began = performance.now();
const log = (m: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
const e = encodeURIComponent;

const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-everything-'));
try {
  const { database, counts } = await buildRegisterWorld(dir, size, log);
  const { client } = database;
  // Notes worth searching: every third follow-up quotes another session's second paragraph (its first
  // sentence) and carries a letter number «n/m/د».
  await client.execute(`UPDATE follow_ups SET
      note = (SELECT substr(p.text, 1, 200) FROM paragraphs p WHERE p.session_id = 1 + (follow_ups.id * 7) % ${size} AND p.ordinal = 1),
      letter_number = (follow_ups.id % 997) || '/' || (follow_ups.id % 89) || '/د'
    WHERE id % 3 = 0`);
  const letter = await client.execute(`SELECT f.letter_number, a.unit_code FROM follow_ups f JOIN action_items a ON a.id = f.action_id WHERE f.letter_number IS NOT NULL AND a.unit_code = 'prov-tehran' LIMIT 1 OFFSET 20`);
  const letterNumber = String(letter.rows[0]?.letter_number ?? '1/1/د');
  log(`${counts?.d} directives, ${counts?.a} actions, ${counts?.f} follow-ups (a third with notes and letters)`);

  const search = createSearchService(database);
  const everything = createEverythingSearch(database);
  const app = createApp({ database, clock: systemClock, search, everything });
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  const signIn = async (username: string, role: 'manager' | 'director', unitCode?: string) => {
    const password = `bench-${Math.random().toString(36).slice(2)}-password`;
    await users.create({ username, role, unitCode, password, displayName: username }, null);
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username, password }) });
    return (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  };
  const manager = await signIn('bench-manager', 'manager');
  const director = await signIn('bench-director', 'director', 'prov-tehran');
  const call = async (cookie: string, path: string, init: RequestInit = {}) => {
    const res = await app.request(path, { ...init, headers: { cookie, origin: 'http://localhost', ...(init.headers ?? {}) } });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { groups?: Array<{ kind: string; total: number }> };
  };
  const others = '&kinds=directives,actions,followups';

  // CPU time of each step of a full build (one SQL chunk, one segment) done on the main thread, as
  // before the build moved to a worker (and as tables under 100 rows still build): what it would
  // block on an idle core; and of what remains on the main thread with the worker. The wall-clock
  // figures below also count the time others held the cores.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  // The longest synchronous slice of a request, in main-thread CPU time (scripts/bench/slice-meter.ts).
  const sliceMeter = () => {
    const stop = startSliceMeter();
    return () => stop().cpu;
  };
  const probe = createEverythingRepo(client);
  let longestSql = 0;
  let longestSegment = 0;
  let longestAdd = 0;
  let longestReceive = 0;
  let parts = 0;
  for (const kind of ['directives', 'followups'] as const) {
    const index = new KindIndex();
    let pending: Awaited<ReturnType<typeof probe.chunk>> = [];
    let chars = 0;
    const flush = () => {
      // Before: the whole segment on the main thread (build it, add it).
      let c = process.cpuUsage();
      const part = buildPart(pending);
      const built = cpuMs(c);
      // Now the worker builds it; the main thread receives it (a structured clone; timed as
      // v8.deserialize of a full copy, an upper bound: the typed arrays are moved, not copied) and adds it.
      const copy = serialize(part);
      c = process.cpuUsage();
      deserialize(copy);
      longestReceive = Math.max(longestReceive, cpuMs(c));
      c = process.cpuUsage();
      index.addPart(part);
      const added = cpuMs(c);
      longestAdd = Math.max(longestAdd, added);
      longestSegment = Math.max(longestSegment, built + added);
      parts += 1;
      pending = [];
      chars = 0;
    };
    for (let after = 0; ; ) {
      const c = process.cpuUsage();
      const rows = await probe.chunk(kind, after, BUILD_CHUNK);
      longestSql = Math.max(longestSql, cpuMs(c));
      if (rows.length === 0) break;
      for (const row of rows) {
        pending.push(row);
        chars += row.text.length;
        if (chars >= SEGMENT_CHARS || pending.length >= SEGMENT_MAX_ROWS) flush();
      }
      after = rows[rows.length - 1]?.id ?? after;
    }
    if (pending.length > 0) flush();
  }
  log(`build steps on the main thread (before: now in the worker): longest SQL chunk ${longestSql.toFixed(0)} ms CPU, longest segment ${longestSegment.toFixed(0)} ms CPU`);
  log(`${parts} segments; what the main thread does per segment of a build in the worker: longest add ${longestAdd.toFixed(1)} ms CPU, longest receive (upper bound) ${longestReceive.toFixed(1)} ms CPU`);

  // The session search loads its index before the server listens (main.ts); so here, before timing.
  await search.refreshIfStale();

  // The build, as the server starts it (in the worker); /api/health is asked meanwhile and the event
  // loop sampled. Then the first search, which (in a server) could come before the build is done.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // Garbage-collection pauses meanwhile: a long loop delay with every /api/health answered fast is one of these, or the process waiting for a core.
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const heapBefore = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  let building = true;
  const health: number[] = [];
  const asking = (async () => {
    while (building) {
      const h = performance.now();
      await app.request('/api/health');
      health.push(performance.now() - h);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await everything.warm();
  building = false;
  gc.disconnect();
  await asking;
  const buildMs = performance.now() - t0;
  loop.disable();
  const buildBlock = loop.max / 1e6;
  const heapAfter = process.memoryUsage().heapUsed;
  health.sort((a, b) => a - b);
  const healthMax = health[health.length - 1] ?? 0;
  const built = everything.stats().lastBuild;
  log(`build (${built?.threadId ? 'worker thread' : 'main thread'}): ${buildMs.toFixed(0)} ms, longest block ${buildBlock.toFixed(1)} ms; /api/health answered ${health.length} times meanwhile, slowest ${healthMax.toFixed(1)} ms; longest GC pause ${longestGc.toFixed(1)} ms`);
  const firstLoop = monitorEventLoopDelay({ resolution: 1 });
  firstLoop.enable();
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const firstMeter = sliceMeter();
  await call(manager, `/api/search?q=${e('مجلس')}${others}`);
  const firstSlice = firstMeter();
  const firstMs = performance.now() - t0;
  const firstCpu = cpuMs(c0);
  firstLoop.disable();
  log(`first search: ${firstMs.toFixed(0)} ms (${firstCpu.toFixed(0)} ms CPU, longest synchronous slice ${firstSlice.toFixed(1)} ms CPU), longest block ${(firstLoop.max / 1e6).toFixed(1)} ms`);

  const requests: Array<[string, string, string]> = [
    ['manager', 'text «مجلس», three kinds', `/api/search?q=${e('مجلس')}${others}`],
    ['manager', 'text «وزیر آموزش», three kinds', `/api/search?q=${e('وزیر آموزش')}${others}`],
    ['manager', 'text «مجلس», every kind (with sessions)', `/api/search?q=${e('مجلس')}&kinds=all`],
    ['manager', `letter number ${letterNumber} typed with ASCII digits`, `/api/search?q=${e(letterNumber)}&kinds=followups`],
    ['manager', '«مجلس», speaker فیروری, 1383', `/api/search?q=${e('مجلس')}&speaker=${e('فیروری')}&from=2004-03-20&to=2005-03-20${others}`],
    ['manager', 'a unit named: «تهران»', `/api/search?q=${e('تهران')}&kinds=actions`],
    ['director', 'text «مجلس», three kinds (own unit)', `/api/search?q=${e('مجلس')}${others}`],
    ['director', `letter number ${letterNumber}`, `/api/search?q=${e(letterNumber)}&kinds=followups`],
  ];
  const rows: string[] = [];
  const all: number[] = [];
  const allCpu: number[] = [];
  const allSlice: number[] = [];
  const queryLoop = monitorEventLoopDelay({ resolution: 1 });
  queryLoop.enable();
  for (const [who, name, path] of requests) {
    const cookie = who === 'manager' ? manager : director;
    const first = await call(cookie, path);
    const times: number[] = [];
    const cpu: number[] = [];
    const slice: number[] = [];
    for (let i = 0; i < passes; i++) {
      t0 = performance.now();
      const c = process.cpuUsage();
      await call(cookie, path);
      cpu.push(cpuMs(c));
      times.push(performance.now() - t0);
    }
    // Apart from the timed passes (the meter's ticks cost CPU of their own): the longest slice of each request.
    for (let i = 0; i < passes; i++) {
      const meter = sliceMeter();
      await call(cookie, path);
      slice.push(meter());
    }
    slice.sort((a, b) => a - b);
    allSlice.push(...slice);
    cpu.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    all.push(...times);
    const totals = (first.groups ?? []).map((g) => `${g.kind} ${g.total}`).join(', ');
    allCpu.push(...cpu);
    rows.push(`| ${who}: ${name} | ${totals} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${percentile(cpu, 0.5).toFixed(1)} | ${percentile(cpu, 0.95).toFixed(1)} | ${percentile(slice, 0.5).toFixed(1)} | ${(slice[slice.length - 1] ?? 0).toFixed(1)} |`);
    log(`${who}: ${name}: p95 ${percentile(times, 0.95).toFixed(1)} ms`);
  }
  queryLoop.disable();
  const queryBlock = queryLoop.max / 1e6;
  all.sort((a, b) => a - b);
  allCpu.sort((a, b) => a - b);
  allSlice.sort((a, b) => a - b);

  // A note posted, then found: the next search applies the delta.
  const action = Number((await client.execute(`SELECT id FROM action_items WHERE unit_code = 'prov-tehran' AND status NOT IN ('done', 'cancelled') LIMIT 1`)).rows[0]?.id);
  const deltas: number[] = [];
  const deltaCpu: number[] = [];
  const deltaLoop = monitorEventLoopDelay({ resolution: 1 });
  deltaLoop.enable();
  for (let i = 0; i < passes; i++) {
    await call(director, `/api/actions/${action}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: `یادداشت آزمون شماره ${i} دربارهٔ مزایده` }) });
    t0 = performance.now();
    const c = process.cpuUsage();
    const found = await call(director, `/api/search?q=${e(`شماره ${i} مزایده`)}&kinds=followups`);
    deltaCpu.push(cpuMs(c));
    deltas.push(performance.now() - t0);
    if (!found.groups?.some((g) => g.total > 0)) throw new Error('a posted note was not found');
  }
  deltaLoop.disable();
  const deltaBlock = deltaLoop.max / 1e6;
  deltas.sort((a, b) => a - b);
  deltaCpu.sort((a, b) => a - b);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')}.`);
  console.log(`Longest synchronous slice: CPU time of ${SLICE_CLOCK_NAME}.`);
  console.log(`${size} sessions, ${counts?.d} directives, ${counts?.a} actions, ${counts?.f} follow-ups; ${passes} timed passes per request after one warm-up.\n`);
  console.log(`Full build on the main thread (before), longest step in CPU time: SQL chunk ${longestSql.toFixed(0)} ms, segment ${longestSegment.toFixed(0)} ms.`);
  console.log(`Full build in the worker thread (now), ${parts} segments: the main thread's longest step per segment in CPU time is adding it, ${longestAdd.toFixed(1)} ms, and receiving it, at most ${longestReceive.toFixed(1)} ms (v8.deserialize of a full copy).`);
  console.log(`The build as the server starts it (${built?.threadId ? 'in the worker thread' : 'on the main thread'}): ${buildMs.toFixed(0)} ms wall (longest event-loop block ${buildBlock.toFixed(1)} ms wall; /api/health answered ${health.length} times meanwhile, p50 ${percentile(health, 0.5).toFixed(1)} ms, slowest ${healthMax.toFixed(1)} ms; longest garbage-collection pause ${longestGc.toFixed(1)} ms; heap +${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB).`);
  console.log(`The first search after it: ${firstMs.toFixed(0)} ms wall, ${firstCpu.toFixed(0)} ms CPU, longest synchronous slice ${firstSlice.toFixed(1)} ms CPU (longest block ${(firstLoop.max / 1e6).toFixed(1)} ms).\n`);
  console.log('| request (10 a group) | matches | wall p50 (ms) | wall p95 (ms) | CPU p50 (ms) | CPU p95 (ms) | longest slice, CPU p50 (ms) | longest slice, CPU max (ms) |\n|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nEvery search together: wall p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms; CPU p50 ${percentile(allCpu, 0.5).toFixed(1)} ms, p95 ${percentile(allCpu, 0.95).toFixed(1)} ms, p99 ${percentile(allCpu, 0.99).toFixed(1)} ms; longest synchronous slice per request p50 ${percentile(allSlice, 0.5).toFixed(1)} ms, p95 ${percentile(allSlice, 0.95).toFixed(1)} ms, max ${(allSlice[allSlice.length - 1] ?? 0).toFixed(1)} ms CPU (longest event-loop block seen ${queryBlock.toFixed(1)} ms).`);
  console.log(`A note posted, then searched for (the delta applied on that search): wall p50 ${percentile(deltas, 0.5).toFixed(1)} ms, p95 ${percentile(deltas, 0.95).toFixed(1)} ms; CPU p50 ${percentile(deltaCpu, 0.5).toFixed(1)} ms, p95 ${percentile(deltaCpu, 0.95).toFixed(1)} ms (longest block ${deltaBlock.toFixed(1)} ms).`);
  database.close();
} finally {
  if (argv.includes('--keep')) console.error(`kept ${join(dir, 'neshast.db')}`);
  else rmSync(dir, { recursive: true, force: true });
}
