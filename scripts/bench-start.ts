/**
 * `npm run bench:start [-- --sizes sample,30000] [--runs 5]`: milliseconds from `npm start` to the
 * first answer of /api/health, on the sample content and on a database of N sessions built as
 * `npm run bench` builds it (Fars News repeated, bulk ingest, one merged base; needs the corpora).
 * The first start on a new database (migrations, sample content, first administrator) is shown
 * apart; the figures are the starts after it, what a restart costs. dist/ is built first, as
 * `npm install` does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { systemClock } from '../server/clock';
import { openDatabase } from '../server/db/client';
import { ingestPaths } from '../server/ingest/ingest';
import { requireCorpora } from './eval/corpora-dir';
import { createSearchService } from '../server/search/search.service';
import { argValue } from './cli';
import { writeCorpusJsonl } from './bench/corpus';
import { freePort, REPO_ROOT } from './bench/server-process';
import { buildIfStale } from './build.mjs';

const argv = process.argv.slice(2);
const sizes = (argValue(argv, '--sizes') ?? 'sample,30000').split(',');
const runs = Number(argValue(argv, '--runs') ?? '5');
if (sizes.some((size) => size !== 'sample')) requireCorpora('bench:start', ['farsnews']);

/** One `npm start` on `databaseUrl`: ms until /api/health answers 200; then stopped (its whole process group). */
async function timeStart(databaseUrl: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NESHAST_DEMO: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited before answering:\n${output}`);
      if (performance.now() - started > 120_000) throw new Error(`npm start did not answer in 120 s:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((res) => res.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((next) => setTimeout(next, 5));
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

/** A database of `size` Fars News sessions plus the sample content, indexed into one merged base. */
async function buildDatabase(dir: string, size: number): Promise<void> {
  const jsonl = join(dir, 'sessions.jsonl');
  await writeCorpusJsonl(size, jsonl);
  const database = await openDatabase(`file:${join(dir, 'neshast.db')}`);
  try {
    const indexer = createSearchService(database, { autoMerge: false });
    const summary = await ingestPaths(database.client, [join(REPO_ROOT, 'content'), jsonl], { clock: systemClock, indexer });
    if (summary.failures.length > 0) throw new Error(`bench:start ingest failed: ${JSON.stringify(summary.failures.slice(0, 3))}`);
    await indexer.rebuild();
  } finally {
    database.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const built = await buildIfStale();
if (built.length > 0) console.error(`bench:start: built the ${built.join(' and ')} first`);
console.log(`bench:start, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
console.log('| content | first start (new database) | npm start → health, median of ' + runs + ' | slowest |');
console.log('|---|---|---|---|');
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-start-'));
  try {
    const label = size === 'sample' ? 'sample content' : `${Number(size).toLocaleString('en')} sessions`;
    if (size !== 'sample') {
      const began = performance.now();
      await buildDatabase(dir, Number(size));
      console.error(`bench:start: ${label} ingested and indexed in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    }
    const databaseUrl = `file:${join(dir, 'neshast.db')}`;
    const first = await timeStart(databaseUrl);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeStart(databaseUrl));
    console.log(`| ${label} | ${(first / 1000).toFixed(2)} s | ${(median(times) / 1000).toFixed(2)} s | ${(Math.max(...times) / 1000).toFixed(2)} s |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
