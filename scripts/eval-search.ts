/**
 * `npm run eval:search [-- --json FILE] [--engines ours,fts5n] [--sets hamshahri,parsinlu,known] [--tuning]`:
 * search quality on the corpora (docs/decisions.md: corpora), ours and the peers side by side in one run: Hamshahri
 * (MAP@100, nDCG@10; topics as given and as typed on a Persian keyboard), ParsiNLU RC (MRR@10,
 * success@10 on dev and eval), misspelt or variant forms of the queries, and a Fars News
 * known-item set by kind of spelling (scripts/eval/known-item.ts). Hamshahri's topics are split
 * into a tuning half and a held-out half (scripts/eval/topic-split.ts) and reported by half and whole;
 * `--tuning` reports only what choices may be made on (Hamshahri's tuning half, ParsiNLU dev and train).
 */
import { writeFileSync } from 'node:fs';
import { KNOWN_ITEM_KINDS, knownItemSet } from './eval/known-item';
import { asTypedOnPersianKeyboard, readFarsNews, readHamshahri, readParsinlu, type CorpusDoc, type Topic } from './eval/corpora';
import { fts5Engine, miniSearchEngine, oursEngine, stockLunrEngine, type EvalEngine } from './eval/engines';
import { averagePrecision, mean, ndcg, reciprocalRank, success } from './eval/metrics';
import { makeVariant, VARIANTS } from './eval/variants';
import { argValue } from './cli';
import { requireCorpora } from './eval/corpora-dir';
import { HAMSHAHRI_SPLIT_SEED, splitTopics } from './eval/topic-split';

requireCorpora('eval:search', ['hamshahri', 'parsinlu-rc']);

/** `--engines ours,fts5n` runs only some (ours, lunr, mini, fts5, fts5n) while iterating; the default is all. */
/** `--tuning`: held-out figures (Hamshahri's held-out half, ParsiNLU eval) are neither computed nor shown. */
const tuningOnly = process.argv.includes('--tuning');
const chosen = (argValue(process.argv.slice(2), '--engines') ?? 'ours,lunr,mini,fts5,fts5n').split(',');
const makeEngines = (): EvalEngine[] =>
  (
    [
      ['ours', oursEngine],
      ['lunr', stockLunrEngine],
      ['mini', miniSearchEngine],
      ['fts5', () => fts5Engine(false)],
      ['fts5n', () => fts5Engine(true)],
    ] as const
  )
    .filter(([key]) => chosen.includes(key))
    .map(([, make]) => make());

type Row = Record<string, number>;
const results: Record<string, Record<string, Row>> = {};
const record = (table: string, engine: string, row: Row) => {
  results[table] ??= {};
  const t = results[table];
  if (t) t[engine] = { ...(t[engine] ?? {}), ...row };
};

async function runRanked(engine: EvalEngine, topics: Topic[], k: number): Promise<string[][]> {
  const out: string[][] = [];
  for (const t of topics) out.push(await engine.search(t.query, k));
  return out;
}

async function evaluateHamshahri(docs: CorpusDoc[], allTopics: Topic[]): Promise<void> {
  const { tuning, heldOut } = splitTopics(allTopics, HAMSHAHRI_SPLIT_SEED);
  const topics = tuningOnly ? tuning : allTopics;
  const tuningIds = new Set(tuning.map((t) => t.id));
  const heldOutIds = new Set(heldOut.map((t) => t.id));
  /** Mean of a per-topic measure over the whole set and over each half (whole and held-out only when not tuning). */
  const byHalf = (label: string, set: Topic[], values: number[]): Row => {
    const over = (ids: Set<string> | null) => mean(values.filter((_, i) => ids === null || ids.has(set[i]?.id ?? '')));
    if (tuningOnly) return { [`${label}, tuning`]: over(tuningIds) };
    return { [label]: over(null), [`${label}, tuning`]: over(tuningIds), [`${label}, held-out`]: over(heldOutIds) };
  };
  const typed = topics.map((t) => ({ ...t, query: asTypedOnPersianKeyboard(t.query) }));
  for (const engine of makeEngines()) {
    const started = performance.now();
    await engine.build(docs);
    process.stderr.write(`hamshahri: ${engine.name} built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    for (const [label, set] of [['as given', topics], ['keyboard', typed]] as const) {
      const ranked = await runRanked(engine, set, 100);
      record('Hamshahri', engine.name, {
        ...byHalf(`MAP@100 ${label}`, set, ranked.map((r, i) => averagePrecision(r, set[i]?.relevant ?? new Set(), 100))),
        ...byHalf(`nDCG@10 ${label}`, set, ranked.map((r, i) => ndcg(r, set[i]?.relevant ?? new Set(), 10))),
      });
    }
    for (const [v, variant] of VARIANTS.entries()) {
      const varied = typed.map((t) => ({ ...t, query: makeVariant(t.query, variant, Number(t.id) * 31 + v) }));
      const ranked = await runRanked(engine, varied, 100);
      record('Hamshahri variants (keyboard topics, MAP@100)', engine.name, {
        ...byHalf(variant, varied, ranked.map((r, i) => averagePrecision(r, varied[i]?.relevant ?? new Set(), 100))),
      });
    }
    engine.close();
  }
}

async function evaluateParsinlu(split: 'dev' | 'train' | 'eval'): Promise<void> {
  const { docs, topics } = readParsinlu(split);
  for (const engine of makeEngines()) {
    await engine.build(docs);
    const ranked = await runRanked(engine, topics, 10);
    record('ParsiNLU RC', engine.name, {
      [`MRR@10 ${split}`]: mean(ranked.map((r, i) => reciprocalRank(r, topics[i]?.relevant ?? new Set(), 10))),
      [`success@10 ${split}`]: mean(ranked.map((r, i) => success(r, topics[i]?.relevant ?? new Set(), 10))),
    });
    if (split === 'eval') {
      const varied = topics.map((t, i) => ({ ...t, query: makeVariant(t.query, 'drop a letter', i + 7) }));
      const vr = await runRanked(engine, varied, 10);
      record('ParsiNLU RC', engine.name, { 'MRR@10 eval, a letter dropped': mean(vr.map((r, i) => reciprocalRank(r, varied[i]?.relevant ?? new Set(), 10))) });
    }
    engine.close();
  }
}

async function evaluateKnownItems(): Promise<void> {
  const { docs, topics } = knownItemSet(readFarsNews(), 200);
  for (const engine of makeEngines()) {
    await engine.build(docs);
    const row: Row = {};
    for (const kind of KNOWN_ITEM_KINDS) {
      const set = topics.get(kind) ?? [];
      const ranked = await runRanked(engine, set, 10);
      row[kind] = mean(ranked.map((r, i) => reciprocalRank(r, set[i]?.relevant ?? new Set(), 10)));
    }
    record('Fars News known-item (MRR@10 by kind)', engine.name, row);
    engine.close();
  }
}

const started = performance.now();
const only = argValue(process.argv.slice(2), '--sets');
const sets = (only ?? 'hamshahri,parsinlu,known').split(',');
const hamshahri = readHamshahri();
if (sets.includes('hamshahri')) await evaluateHamshahri(hamshahri.docs, hamshahri.topics);
if (sets.includes('parsinlu')) {
  await evaluateParsinlu('dev');
  // Train is not held out either: 593 passages (dev has 125), close to eval's size, so a better check of a choice.
  if (tuningOnly) await evaluateParsinlu('train');
  else await evaluateParsinlu('eval');
}
if (sets.includes('known')) await evaluateKnownItems();

for (const [table, rows] of Object.entries(results)) {
  const columns = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))];
  console.log(`\n### ${table}\n`);
  console.log(`| engine | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [engine, row] of Object.entries(rows)) console.log(`| ${engine} | ${columns.map((c) => (row[c] ?? 0).toFixed(3)).join(' | ')} |`);
}
console.log(`\n(${hamshahri.docs.length} Hamshahri documents, ${hamshahri.topics.length} topics, split by seed ${HAMSHAHRI_SPLIT_SEED}${tuningOnly ? ', tuning half only' : ''}; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
const jsonOut = argValue(process.argv.slice(2), '--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
