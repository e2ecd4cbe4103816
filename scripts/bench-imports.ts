/**
 * `npm run bench:imports [-- --runs 3] [--lines 100000] [--first-after 0]`: imports through the compiled
 * server (as `npm start` runs it) on a new database with the sample content: the first import after a
 * start (issued `--first-after` ms after /api/health first answers and a sign-in), when the server said
 * its imports' worker was ready, the import after it, and a large import ('باید\n' × lines; 0: none)
 * while /api/health is asked every 20 ms (how long it waited at most: a request must never block
 * the others). Prints a markdown table with the load average; dist/ is built first if stale.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../server/clock';
import { openDatabase } from '../server/db/client';
import { ingestPaths } from '../server/ingest/ingest';
import { createUsersRepo } from '../server/users/users.repo';
import { createUsersService } from '../server/users/users.service';
import { argValue } from './cli';
import { callApi, signIn } from './bench/http-client';
import { REPO_ROOT, startServer } from './bench/server-process';
import { buildIfStale } from './build.mjs';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? '3');
const lines = Number(argValue(argv, '--lines') ?? '100000');
const firstAfter = Number(argValue(argv, '--first-after') ?? '0');
const USER = 'bench-manager';
const PASSWORD = 'bench-imports-password-long-enough';
const SEED = readFileSync(join(REPO_ROOT, 'tests/fixtures/imports/tvto-webinar-article.txt'), 'utf8');

async function timedImport(url: string, cookie: string, text: string, heldOn: string): Promise<number> {
  const started = performance.now();
  const res = await callApi(url, '/api/imports', { method: 'POST', cookie, json: { text, heldOn } });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`import answered ${res.status}`);
  return performance.now() - started;
}

/** /api/health asked every 20 ms until `done` settles: how many answers and the longest wait. */
async function healthDuring(url: string, done: Promise<unknown>): Promise<{ answers: number; maxMs: number }> {
  let finished = false;
  void done.finally(() => (finished = true));
  let answers = 0;
  let maxMs = 0;
  while (!finished) {
    const started = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    maxMs = Math.max(maxMs, performance.now() - started);
    answers++;
    await new Promise((next) => setTimeout(next, 20));
  }
  return { answers, maxMs };
}

const built = await buildIfStale();
if (built.length > 0) console.error(`bench:imports: built the ${built.join(' and ')} first`);
const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-imports-'));
const databaseUrl = `file:${join(dir, 'neshast.db')}`;
try {
  const database = await openDatabase(databaseUrl);
  await ingestPaths(database.client, [join(REPO_ROOT, 'content')], { clock: systemClock });
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  await users.create({ username: USER, role: 'manager', unitCode: null, password: PASSWORD, displayName: 'مدیر آزمون' }, null);
  database.close();

  console.log(`bench:imports, ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  console.log(`| run | npm start → health | imports' worker ready (server's log, after listening) | first import (sent ${firstAfter} ms after health and a sign-in) | second import | large import | /api/health during it: answers, longest wait |`);
  console.log('|---|---|---|---|---|---|---|');
  for (let run = 1; run <= runs; run++) {
    const server = await startServer({ databaseUrl, compiled: true });
    try {
      const cookie = await signIn(server.url, USER, PASSWORD);
      await new Promise((next) => setTimeout(next, firstAfter));
      // Each run imports texts of its own (the same text again would be answered as a duplicate).
      const first = await timedImport(server.url, cookie, `${SEED}\nگزارش ${run}-الف`, '1399-11-01');
      const second = await timedImport(server.url, cookie, `${SEED}\nگزارش ${run}-ب`, '1399-11-01');
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      let largeCells = '— | —';
      if (lines > 0) {
        const large = timedImport(server.url, cookie, `سطر ${run}\n${'باید\n'.repeat(lines)}`, '1399-11-01');
        const health = await healthDuring(server.url, large);
        largeCells = `${s(await large)} (${lines.toLocaleString('en')} lines) | ${health.answers}, ${health.maxMs.toFixed(0)} ms`;
      }
      const ready = /imports: worker ready in (\d+) ms/.exec(server.output())?.[1];
      console.log(`| ${run} | ${s(server.readyMs)} | ${ready ? s(Number(ready)) : 'not warmed'} | ${s(first)} | ${s(second)} | ${largeCells} |`);
    } finally {
      await server.stop();
    }
  }
  console.log(`load after: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
