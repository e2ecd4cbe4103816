/**
 * `npm run bench:search [-- --sizes 5375,30000] [--json FILE]`: index build time, index size,
 * cold load and query p50/p95 of our search against SQLite FTS5 on normalised text, in the
 * same run, on Hamshahri (5,375 sessions) and Fars News repeated to 30,000 sessions.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { readFarsNews, readHamshahri, asTypedOnPersianKeyboard, type CorpusDoc } from './eval/corpora';
import { fts5Engine, oursEngine, type EvalEngine } from './eval/engines';
import { argValue } from './cli';
import { percentile, queriesFrom } from './bench/queries';
import { requireCorpora } from './eval/corpora-dir';

requireCorpora('bench:search', ['hamshahri', 'farsnews']);

interface Figures {
  buildS: number;
  sizeMB: number;
  loadMs: number;
  p50: number;
  p95: number;
}

async function time(engine: EvalEngine, queries: string[]): Promise<{ p50: number; p95: number }> {
  for (const q of queries) await engine.search(q, 10); // warm-up
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const q of queries) {
      const started = performance.now();
      await engine.search(q, 10);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function benchOurs(docs: CorpusDoc[], queries: string[]): Promise<Figures> {
  const engine = oursEngine(undefined, { rerank: false });
  let started = performance.now();
  await engine.build(docs);
  const buildS = (performance.now() - started) / 1000;
  const sizeMB = (engine.size?.() ?? 0) / 1e6;
  // Cold load: parse the persisted text and build the postings, as a new process does.
  if (global.gc) global.gc();
  started = performance.now();
  const loadMs = engine.load();
  void started;
  const { p50, p95 } = await time(engine, queries);
  engine.close();
  return { buildS, sizeMB, loadMs, p50, p95 };
}

async function benchFts5(docs: CorpusDoc[], queries: string[]): Promise<Figures> {
  const engine = fts5Engine(true);
  let started = performance.now();
  await engine.build(docs);
  const buildS = (performance.now() - started) / 1000;
  const sizeMB = (engine.size?.() ?? 0) / 1e6;
  // FTS5 loads nothing up front (it reads pages on demand): its "cold load" is the first query.
  started = performance.now();
  await engine.search(queries[0] ?? 'ایران', 10);
  const loadMs = performance.now() - started;
  const { p50, p95 } = await time(engine, queries);
  engine.close();
  return { buildS, sizeMB, loadMs, p50, p95 };
}

const sizes = (argValue(process.argv.slice(2), '--sizes') ?? '5375,30000').split(',').map(Number);
const rows: Array<{ corpus: string; sessions: number; queries: number; ours: Figures; fts5: Figures }> = [];
for (const size of sizes) {
  let docs: CorpusDoc[];
  let extra: string[] = [];
  let corpus: string;
  if (size <= 5375) {
    const h = readHamshahri();
    docs = h.docs.slice(0, size);
    extra = h.topics.map((t) => asTypedOnPersianKeyboard(t.query));
    corpus = 'Hamshahri';
  } else {
    const articles = readFarsNews();
    docs = Array.from({ length: size }, (_, i) => {
      const a = articles[i % articles.length];
      return { id: `fars-${Math.floor(i / articles.length)}-${i % articles.length}`, title: a?.title ?? '', body: a?.body ?? '' };
    });
    corpus = `Fars News ×${Math.ceil(size / articles.length)}`;
  }
  const queries = queriesFrom(docs, extra, 200, size);
  process.stderr.write(`${corpus}: ${docs.length} sessions, ${queries.length} queries\n`);
  const ours = await benchOurs(docs, queries);
  process.stderr.write(`  ours: ${JSON.stringify(ours)}\n`);
  const fts5 = await benchFts5(docs, queries);
  process.stderr.write(`  fts5: ${JSON.stringify(fts5)}\n`);
  rows.push({ corpus, sessions: docs.length, queries: queries.length, ours, fts5 });
}

const f = (n: number, d = 1) => n.toFixed(d);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log('\n| corpus | sessions | engine | build (s) | index (MB) | cold load (ms) | p50 (ms) | p95 (ms) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  for (const [name, x] of [['ours', r.ours], ['FTS5 normalised', r.fts5]] as const) {
    console.log(`| ${r.corpus} | ${r.sessions} | ${name} | ${f(x.buildS)} | ${f(x.sizeMB)} | ${f(x.loadMs, 0)} | ${f(x.p50, 2)} | ${f(x.p95, 2)} |`);
  }
  console.log(`| ${r.corpus} | ${r.sessions} | ratio ours/FTS5 | ${f(r.ours.buildS / r.fts5.buildS, 2)} | ${f(r.ours.sizeMB / r.fts5.sizeMB, 2)} | ${f(r.ours.loadMs / r.fts5.loadMs, 2)} | ${f(r.ours.p50 / r.fts5.p50, 2)} | ${f(r.ours.p95 / r.fts5.p95, 2)} |`);
}
const jsonOut = argValue(process.argv.slice(2), '--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
