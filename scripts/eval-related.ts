/**
 * `npm run eval:related`: how well «related directives» works. The sample content (ingested into a
 * temporary database, its published directives) and the constructed set
 * `tests/fixtures/related-directives.jsonl` are put in one directive index, as the server builds it;
 * for every directive the finder proposes directives of other sessions; precision and recall over
 * directed pairs against the labels, per set, at the finder's threshold and at a few others.
 */
import { systemClock } from '../server/clock';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../server/db/client';
import { ingestPaths } from '../server/ingest/ingest';
import { buildDirectiveIndex, RELATED_MIN_SCORE, type IndexedDirective } from '../server/register/directive-index';

const ROOT = resolve(import.meta.dirname, '..');

/** Related sample directives (by anchor), cross-session only; see tests/fixtures/related-directives.md. */
const SAMPLE_RELATED: Array<[string, string]> = [
  ['operational-programmes-1400', 'operational-programmes-followup'],
  ['article-27-sales', 'property-sales-progress-report'],
  ['property-sales-3-months', 'property-sales-progress-report'],
  ['property-sales-progress-report', 'property-sales-report-extended'],
  ['property-sales-3-months', 'property-sales-report-extended'],
  ['article-27-sales', 'property-sales-report-extended'],
  ['private-sector-engagement', 'private-sector-exhortation'],
  ['budget-incentive-policy', 'private-sector-exhortation'],
];

interface Labelled {
  key: string;
  set: 'sample' | 'constructed';
  session: string;
  quote: string;
}

const dir = mkdtempSync(join(tmpdir(), 'neshast-eval-related-'));
try {
  const database = await openDatabase(`file:${join(dir, 'eval.db')}`);
  await ingestPaths(database.client, [join(ROOT, 'content')], { clock: systemClock });
  const rows = await database.client.execute(`SELECT d.anchor, d.quote, s.slug FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.status = 'published' ORDER BY d.id`);
  database.close();
  const docs: Labelled[] = rows.rows.map((r) => ({ key: String(r.anchor), set: 'sample', session: String(r.slug), quote: String(r.quote) }));
  const threads = new Map<string, string | null>();
  for (const line of readFileSync(join(ROOT, 'tests/fixtures/related-directives.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const d = JSON.parse(line) as { id: string; session: string; thread: string | null; quote: string };
    docs.push({ key: d.id, set: 'constructed', session: `c-${d.session}`, quote: d.quote });
    threads.set(d.id, d.thread);
  }
  const sessionIds = new Map([...new Set(docs.map((d) => d.session))].map((s, i) => [s, i + 1]));
  const indexed: IndexedDirective[] = docs.map((d, i) => ({ id: i + 1, sessionId: sessionIds.get(d.session) ?? 0, quote: d.quote }));
  const index = buildDirectiveIndex(indexed);

  const sampleGold = new Set(SAMPLE_RELATED.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const related = (a: Labelled, b: Labelled): boolean => {
    if (a.set !== b.set || a.session === b.session) return false;
    if (a.set === 'sample') return sampleGold.has(`${a.key}|${b.key}`);
    const t = threads.get(a.key);
    return t !== null && t !== undefined && t === threads.get(b.key);
  };

  console.log('| set | threshold | gold pairs | proposed | correct | precision | recall |\n|---|---|---|---|---|---|---|');
  for (const threshold of [0.2, RELATED_MIN_SCORE, 0.4, 0.5]) {
    for (const set of ['sample', 'constructed', 'both'] as const) {
      let gold = 0;
      let proposed = 0;
      let correct = 0;
      docs.forEach((a, i) => {
        if (set !== 'both' && a.set !== set) return;
        gold += docs.filter((b) => related(a, b)).length;
        for (const hit of index.related(i + 1, 5, threshold)) {
          const b = docs[hit.id - 1];
          if (!b) continue;
          proposed++;
          if (related(a, b)) correct++;
        }
      });
      const p = proposed ? correct / proposed : 1;
      const r = gold ? correct / gold : 1;
      const mark = threshold === RELATED_MIN_SCORE ? ' (used)' : '';
      console.log(`| ${set} | ${threshold}${mark} | ${gold} | ${proposed} | ${correct} | ${p.toFixed(2)} | ${r.toFixed(2)} |`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
