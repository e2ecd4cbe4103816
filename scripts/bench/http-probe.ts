/**
 * @module `tsx scripts/bench/http-probe.ts --size 7500 --dir /tmp/probe [--route search] [--seconds 10]
 * [--env K=V,…] [--repeat]`: the HTTP part of `npm run bench` alone, for iterating on the server.
 * Fills a database in `--dir` once (kept between runs), starts the server on it, signs in and runs
 * autocannon (50 connections) on one route; prints the figures and the server's output.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { argValue } from '../cli';
import { signIn } from './http-client';
import { loadTest, traceLoopMax } from './http-load';
import { queriesFrom } from './queries';
import { PROBE_PASSWORD, PROBE_USER, probeDatabase } from './probe-db';
import { REPO_ROOT, startServer } from './server-process';

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? '7500');
const dir = resolve(argValue(argv, '--dir') ?? `/tmp/neshast-probe-${size}`);
const route = argValue(argv, '--route') ?? 'search';
const seconds = Number(argValue(argv, '--seconds') ?? '10');
const connections = Number(argValue(argv, '--connections') ?? '50');
const extraEnv = Object.fromEntries(
  (argValue(argv, '--env') ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.split('=')[0] ?? '', kv.split('=').slice(1).join('=')]),
);
const { databaseUrl, corpus } = await probeDatabase(size, dir);
const queries = queriesFrom(corpus.docs, [], 200, size);
// --repeat: one query only (the outliers were seen even so).
const searchPaths = (argv.includes('--repeat') ? queries.slice(0, 1) : queries).map((q) => `/api/search?q=${encodeURIComponent(q)}&prefix=false`);
const paths: Record<string, string[]> = {
  search: searchPaths,
  session: Array.from({ length: 500 }, (_, i) => `/api/sessions/${corpus.docs[(i * 7919) % corpus.docs.length]?.id ?? ''}`),
  health: ['/api/health'],
};
const server = await startServer({ databaseUrl, env: extraEnv });
try {
  const cookie = await signIn(server.url, PROBE_USER, PROBE_PASSWORD);
  const worker = argValue(argv, '--worker');
  if (worker) {
    // A diagnostic load worker (same job argument as load-worker.ts); its output is printed as is.
    const job = JSON.stringify({ url: server.url, cookie, paths: paths[route] ?? searchPaths, connections, seconds });
    console.log(execFileSync(process.execPath, ['--import', 'tsx', worker, job], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  } else {
    const before = server.output().length;
    const figures = await loadTest({ name: route, url: server.url, cookie, paths: paths[route] ?? searchPaths, seconds, connections });
    console.log(JSON.stringify({ ...figures, loopMaxMs: traceLoopMax(server.output().slice(before)) }));
  }
} finally {
  await server.stop();
  console.error(server.output().split('\n').slice(-40).join('\n'));
}
