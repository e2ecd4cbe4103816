/**
 * @module `npx tsx scripts/bench/cold-probe.ts [--dir /tmp/neshast-probe-7500] [--first 1000]
 * [--cpu-prof DIR] [--trace-gc] [--log FILE]`: the first seconds of one compiled server process
 * under 50 connections (issue 15), judged by the server's own CPU per request (utime + stime from
 * /proc, which the load average moves far less than latency) and its GC pauses (NESHAST_TRACE=1
 * lines), not by wall-clock p99 alone. Without `--first`: 10 s from the start, 5 s more, 10 s warm.
 * With `--first N`: the server's first N requests, the next N, then (after 10 s of load) N warm.
 * `--cpu-prof` / `--trace-gc` pass the flags to the server; `--log` keeps everything it printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { argValue } from '../cli';
import { buildIfStale } from '../build.mjs';
import { signIn } from './http-client';
import { loadTest } from './http-load';
import { PROBE_PASSWORD, PROBE_USER, probeDatabase } from './probe-db';
import { queriesFrom } from './queries';
import { startServer } from './server-process';

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? '7500');
const dir = resolve(argValue(argv, '--dir') ?? `/tmp/neshast-probe-${size}`);
const first = Number(argValue(argv, '--first') ?? '0');
const profDir = argValue(argv, '--cpu-prof');
const nodeArgs = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), ...(argv.includes('--trace-gc') ? ['--trace-gc'] : [])];

/** utime + stime of a process, ms (Linux clock ticks of 10 ms; every thread: JIT compilers and GC helpers too). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const { databaseUrl, corpus } = await probeDatabase(size, dir);
const queries = queriesFrom(corpus.docs, [], 200, size);
corpus.docs.length = 0;
const paths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&prefix=false`);
await buildIfStale();
const server = await startServer({ databaseUrl, compiled: true, nodeArgs, env: { NESHAST_SEARCH_CACHE: '0', NESHAST_TRACE: '1', NESHAST_WORKERS: '1' } });
try {
  const cookie = await signIn(server.url, PROBE_USER, PROBE_PASSWORD);
  console.log(`ready ${Math.round(server.readyMs)} ms after its start; load ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  for (const line of server.output().split('\n')) if (line.startsWith('search')) console.log(line);
  const phases: Array<{ name: string; seconds: number; amount?: number; shown: boolean }> =
    first > 0
      ? [
          { name: `first ${first}`, seconds: 60, amount: first, shown: true },
          { name: `next ${first}`, seconds: 60, amount: first, shown: true },
          { name: 'load', seconds: 10, shown: false },
          { name: `warm ${first}`, seconds: 60, amount: first, shown: true },
        ]
      : [
          { name: 'cold 10 s', seconds: 10, shown: true },
          { name: 'warm-up', seconds: 5, shown: false },
          { name: 'warm 10 s', seconds: 10, shown: true },
        ];
  for (const phase of phases) {
    const before = server.output().length;
    const cpu0 = cpuMs(server.pid);
    const figures = await loadTest({ name: phase.name, url: server.url, cookie, paths, seconds: phase.seconds, amount: phase.amount });
    const cpu = cpuMs(server.pid) - cpu0;
    if (!phase.shown) continue;
    const trace = server.output().slice(before);
    const gcs = [...trace.matchAll(/gc (\d+) ms \(max (\d+) ms\)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const loops = [...trace.matchAll(/loop delay max (\d+) ms/g)].map((m) => Number(m[1]));
    console.log(
      `${phase.name}: ${figures.total} requests, ${figures.requestsPerSec.toFixed(0)} req/s, p50 ${figures.p50} p99 ${figures.p99} max ${figures.max} ms; ` +
        `server CPU ${cpu} ms = ${(cpu / Math.max(1, figures.total)).toFixed(2)} ms a request; GC ${gcs.reduce((s, g) => s + g[0], 0)} ms (longest ${Math.max(0, ...gcs.map((g) => g[1]))} ms); ` +
        `loop delay max ${Math.max(0, ...loops)} ms; load ${figures.loadAverage}`,
    );
  }
} finally {
  const log = argValue(argv, '--log');
  if (log) writeFileSync(log, server.output());
  await server.stop();
}
