/**
 * `npx tsx scripts/bench-search-service.ts [--sizes 5375]`: the search service's whole path on a
 * real libSQL file (Hamshahri as sessions): store, build and persist the base, a fresh service's
 * cold load from the database, then API-shaped queries (ranking plus the page's paragraphs
 * fetched and highlighted), p50/p95. Complements `npm run bench:search` (engines side by side).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db/client';
import { storeSessions } from '../server/ingest/session-store';
import { asTypedOnPersianKeyboard, readHamshahri } from './eval/corpora';
import { seeded } from './eval/variants';
import { createSearchService } from '../server/search/search.service';
import { argValue } from './cli';
import { requireCorpora } from './eval/corpora-dir';

requireCorpora('bench-search-service', ['hamshahri']);

const size = Number(argValue(process.argv.slice(2), '--sizes') ?? 5375);
const { docs: all, topics } = readHamshahri();
const docs = all.slice(0, size);
const rnd = seeded(size);
const queries = topics.map((t) => asTypedOnPersianKeyboard(t.query));
while (queries.length < 200) {
  const words = (docs[Math.floor(rnd() * docs.length)]?.title ?? '').split(/\s+/).filter((w) => w.length > 2);
  if (words.length >= 2) queries.push(asTypedOnPersianKeyboard(words.slice(0, 2 + Math.floor(rnd() * 2)).join(' ')));
}

const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-'));
const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
try {
  let started = performance.now();
  const inputs = docs.map((d) => ({
    slug: d.id,
    title: d.title || d.id,
    kind: 'news' as const,
    heldOn: null,
    sourceKind: 'jsonl' as const,
    sourceText: d.body,
    tags: [],
    paragraphs: d.body.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean).map((text) => ({ text })),
    directives: [],
  }));
  await storeSessions(database.client, inputs, new Date());
  const storeS = (performance.now() - started) / 1000;
  started = performance.now();
  await createSearchService(database).rebuild();
  const persistS = (performance.now() - started) / 1000;
  const fresh = createSearchService(database, { staleCheckMs: 60_000 });
  started = performance.now();
  await fresh.refreshIfStale();
  const coldLoadMs = performance.now() - started;
  for (const q of queries) await fresh.search({ q, limit: 10, prefix: false });
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await fresh.search({ q, limit: 10, prefix: false });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  console.log('| sessions | store (s) | build + persist base (s) | cold load from DB (ms) | search p50 (ms) | p95 (ms) |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| ${docs.length} | ${storeS.toFixed(1)} | ${persistS.toFixed(1)} | ${coldLoadMs.toFixed(0)} | ${at(0.5).toFixed(2)} | ${at(0.95).toFixed(2)} |`);
} finally {
  database.close();
  rmSync(dir, { recursive: true, force: true });
}
