/**
 * @module `tsx scripts/bench/http-probe.ts --size 7500 --dir /tmp/probe [--route search] [--seconds 10]
 * [--env K=V,…] [--repeat]`: the HTTP part of `npm run bench` alone, for iterating on the server.
 * Fills a database in `--dir` once (kept between runs), starts the server on it, signs in and runs
 * autocannon (50 connections) on one route; prints the figures and the server's output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService } from '../../server/search/search.service';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { argValue } from '../cli';
import { writeCorpusJsonl } from './corpus';
import { signIn } from './http-client';
import { loadTest, traceLoopMax } from './http-load';
import { queriesFrom } from './queries';
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
const PASSWORD = 'probe-password-long-enough-1';
const databaseUrl = `file:${dir}/neshast.db`;
const jsonl = `${dir}/sessions.jsonl`;

mkdirSync(dir, { recursive: true });
const corpus = await writeCorpusJsonl(size, jsonl);
if (!existsSync(`${dir}/neshast.db`)) {
  const database = await openDatabase(databaseUrl);
  const indexer = createSearchService(database, { autoMerge: false });
  await ingestPaths(database.client, [resolve(REPO_ROOT, 'content'), jsonl], { clock: systemClock, indexer });
  await indexer.rebuild();
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  await users.create({ username: 'bench-director', role: 'director', unitCode: 'prov-east-azarbaijan', password: PASSWORD, displayName: 'مدیرکل آزمون' }, null);
  database.close();
  console.error(`filled ${dir}`);
}
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
  const cookie = await signIn(server.url, 'bench-director', PASSWORD);
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
