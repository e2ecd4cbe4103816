/**
 * @module `npm run bench:search-load [-- --size 7500 --seconds 10 --workers 1,2]`: issue 15's search
 * under load in one command. On the probe database (filled once in /tmp/neshast-probe-SIZE):
 * 1. CPU per search request in process (search-cpu.ts: the bench's 200 queries, result cache off),
 *    which other load on the machine barely moves;
 * 2. GET /api/search under autocannon (50 connections, another process), result cache off, with
 *    1 and 2 server processes (NESHAST_WORKERS) of the compiled server that `npm start` runs, first
 *    cold (the run starts with the server) then warm (the same load again after `--warmup` seconds
 *    of it), the server's longest event-loop delay read from its
 *    NESHAST_TRACE=1 lines. Latencies need the machine's cores otherwise idle: the load average is
 *    printed beside them. Prints markdown rows for docs/benchmarks.md, then the figures as JSON.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { openDatabase } from '../../server/db/client';
import { createSearchService } from '../../server/search/search.service';
import { argValue } from '../cli';
import { buildIfStale } from '../build.mjs';
import { signIn } from './http-client';
import { loadTest, traceLoopMax, type LoadFigures } from './http-load';
import { PROBE_PASSWORD, PROBE_USER, probeDatabase } from './probe-db';
import { queriesFrom } from './queries';
import { searchCpu } from './search-cpu';
import { startServer } from './server-process';

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? '7500');
const seconds = Number(argValue(argv, '--seconds') ?? '10');
const workers = (argValue(argv, '--workers') ?? '1,2').split(',').map(Number);
const warmup = Number(argValue(argv, '--warmup') ?? '5');
const dir = resolve(argValue(argv, '--dir') ?? `/tmp/neshast-probe-${size}`);
// `--without-material`: searches read and analyse paragraphs as before stored material (A/B); `--cpu-only`: step 1 alone.
const withMaterial = !argv.includes('--without-material');
const cpuOnly = argv.includes('--cpu-only');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

const { databaseUrl, corpus } = await probeDatabase(size, dir);
const queries = queriesFrom(corpus.docs, [], 200, size);
corpus.docs.length = 0;
const loadAtStart = load();

// 1. CPU per request, in this process, before any server runs: first as a server just started
// (index loaded and warmed up as main.ts does before listening, each query's first time), then warm.
// Migrated (the probe may predate search_material) and its material stored, as a server keeps it.
const database = await openDatabase(databaseUrl);
const search = createSearchService(database, { autoMerge: false, resultCache: { maxEntries: 0, maxBytes: 0 }, material: withMaterial });
const kept = await search.keepMaterial();
if (kept.written > 0) console.error(`search material stored for ${kept.written} sessions in ${kept.ms} ms (once per probe database)`);
const rssBefore = process.memoryUsage().rss;
await search.refreshIfStale();
const warmUp = await search.warmUp();
const coldCpu = await searchCpu(search, queries, 1, { cold: true });
console.error(`warm-up before listening: ${warmUp.sessions} sessions' paragraphs, ${warmUp.queries} searches, ${warmUp.ms} ms`);
console.error(`CPU per search, first requests after start: mean ${coldCpu.mean.toFixed(2)} ms, p99 ${coldCpu.p99.toFixed(2)} ms, max ${coldCpu.max.toFixed(2)} ms, longest loop block ${coldCpu.loopMaxMs.toFixed(1)} ms (load ${load()})`);
const cpu = await searchCpu(search, queries, 3);
database.close();
console.error(`CPU per search, warm: mean ${cpu.mean.toFixed(2)} ms, p99 ${cpu.p99.toFixed(2)} ms, max ${cpu.max.toFixed(2)} ms, longest loop block ${cpu.loopMaxMs.toFixed(1)} ms (load ${load()})`);
console.error(`material ${withMaterial ? 'on' : 'off'}; RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB (${Math.round(rssBefore / 1e6)} MB before the index loaded)`);
if (cpuOnly) {
  console.log(JSON.stringify({ size, material: withMaterial, load: load(), warmUp, coldCpu, cpu }));
  process.exit(0);
}

// 2. HTTP, result cache off, 1 and 2 processes.
const searchPaths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&prefix=false`);
const runs: LoadFigures[] = [];
await buildIfStale();
for (const n of workers) {
  const server = await startServer({ databaseUrl, compiled: true, env: { NESHAST_SEARCH_CACHE: '0', NESHAST_TRACE: '1', NESHAST_WORKERS: String(n), NESHAST_SEARCH_MATERIAL: withMaterial ? '1' : '0' } });
  try {
    const cookie = await signIn(server.url, PROBE_USER, PROBE_PASSWORD);
    console.error(`server (${n}): ready (first /api/health answer) ${Math.round(server.readyMs)} ms after its start`);
    for (const line of server.output().split('\n')) if (line.startsWith('search')) console.error(`server (${n}): ${line}`);
    const processes = `${n} process${n > 1 ? 'es' : ''}`;
    // Cold: the first requests meet an empty paragraph cache and code not yet optimised.
    // Warm: what a server that has been up for a while answers (after `warmup` s of the same load).
    for (const [phase, secs] of [['cold', seconds], ['warmup', warmup], ['warm', seconds]] as const) {
      if (secs <= 0) continue;
      const before = server.output().length;
      const figures = await loadTest({ name: `search, result cache off, ${processes}, ${phase}`, url: server.url, cookie, paths: searchPaths, seconds: secs });
      if (phase === 'warmup') continue;
      const loopMaxMs = traceLoopMax(server.output().slice(before));
      runs.push(loopMaxMs === undefined ? figures : { ...figures, loopMaxMs });
      console.error(`${figures.name}: ${figures.requestsPerSec.toFixed(0)} req/s, p99 ${figures.p99} ms, loop delay max ${loopMaxMs ?? '—'} ms (load ${load()})`);
      // The serving process's memory (with 2 processes, the primary's, which holds no index).
      if (n === 1) console.error(`server (1): RSS ${server.memory().rssMB} MB, peak ${server.memory().peakMB} MB after the ${phase} run`);
    }
  } finally {
    await server.stop();
  }
}

const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
console.log(`Measured ${date} UTC, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average at the start ${loadAtStart}.`);
console.log('');
console.log(`| ${size.toLocaleString('en-US')} sessions, result cache off | mean | p50 | p95 | p99 | max |`);
console.log('|---|---|---|---|---|---|');
console.log(`| CPU per search request, first time each after a start (ms; in process, after the warm-up: ${warmUp.sessions} sessions, ${warmUp.queries} searches, ${warmUp.ms} ms) | ${coldCpu.mean.toFixed(2)} | ${coldCpu.p50.toFixed(2)} | ${coldCpu.p95.toFixed(2)} | ${coldCpu.p99.toFixed(2)} | ${coldCpu.max.toFixed(2)} |`);
console.log(`| CPU per search request, warm (ms; least of 3 passes per query, in process) | ${cpu.mean.toFixed(2)} | ${cpu.p50.toFixed(2)} | ${cpu.p95.toFixed(2)} | ${cpu.p99.toFixed(2)} | ${cpu.max.toFixed(2)} |`);
console.log('');
console.log(`Longest event-loop block of one search request in process: first requests ${coldCpu.loopMaxMs.toFixed(1)} ms, warm ${cpu.loopMaxMs.toFixed(1)} ms.`);
console.log('');
console.log('| HTTP, 50 connections × 10 s | req/s | p50 (ms) | p97.5 (ms) | p99 (ms) | max (ms) | errors | longest event-loop delay (ms) | load average after |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of runs) console.log(`| ${r.name} | ${r.requestsPerSec.toFixed(0)} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.max} | ${r.errors + r.non2xx} | ${r.loopMaxMs ?? '—'} | ${r.loadAverage ?? '—'} |`);
console.log('');
console.log(JSON.stringify({ size, loadAtStart, warmUp, coldCpu, cpu, http: runs }));
