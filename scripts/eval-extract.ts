/**
 * `npm run eval:extract [-- --split dev|test] [--json FILE]`: directive suggestions on the labelled
 * corpus, document by document, for the learned model and the old hand-written rules in the same
 * run, against the targets. The default is the dev split. The test split prints totals only, and
 * every read of it is logged in tests/fixtures/directive-corpus/test-reads.log.
 * Constructed sentence sets: `npm run eval:extract:sentences` (sentence forms, never the headline).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { MODEL_THRESHOLD, MODEL_VERSION } from '../server/detection/model/model';
import { CORPUS_DIR, loadCorpus, type Split } from './directive-corpus/corpus';
import { evaluateDocuments, rates, type DocumentFigures, type Rates } from './directive-corpus/evaluate';
import { loadPeople, loadUnits } from './extract-context';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = (opt('--split') ?? 'dev') as Split;
if (!['dev', 'test', 'train'].includes(split)) {
  console.error('--split is dev, test or train');
  process.exit(2);
}
const units = loadUnits();
const people = loadPeople();
const docs = loadCorpus([split]);
if (split === 'test') {
  appendFileSync(`${CORPUS_DIR}/test-reads.log`, `${new Date().toISOString()}\tmodel ${MODEL_VERSION}\t${docs.length} documents\ttotals only\n`);
}

const TARGETS: Array<[keyof Rates, string, number, 'min' | 'max']> = [
  ['recall', 'recall of required directives', 0.85, 'min'],
  ['precision', 'precision of suggestions', 0.75, 'min'],
  ['recallAt10', 'recall@(suggested + 10)', 0.95, 'min'],
  ['negativesWithSuggestion', 'documents without directives that got a suggestion', 0.1, 'max'],
  ['dueExact', 'exact due date (found, resolvable deadline)', 0.95, 'min'],
  ['assignee', 'assignee right (found)', 0.8, 'min'],
];

const results: Record<string, { figures: DocumentFigures; rates: Rates }> = {};
for (const method of ['model', 'rules'] as const) {
  const figures = evaluateDocuments(docs, method, { units, people });
  results[method] = { figures, rates: rates(figures) };
}
const m = results.model!;
const r = results.rules!;
console.log(`directive suggestions, ${split} split: ${docs.length} documents, ${m.figures.required} required directives, ${m.figures.negatives} documents without directives`);
console.log(`model ${MODEL_VERSION} (threshold ${MODEL_THRESHOLD}) vs the old rules, same run\n`);
const pct = (x: number) => x.toFixed(3);
console.log('| measure | target | model | rules |');
console.log('|---|---|---|---|');
for (const [key, label, target, dir] of TARGETS) {
  const ok = dir === 'min' ? m.rates[key] >= target : m.rates[key] <= target;
  console.log(`| ${label} | ${dir === 'min' ? '≥' : '≤'} ${target} | ${pct(m.rates[key])} ${ok ? '✓' : '✗'} | ${pct(r.rates[key])} |`);
}
console.log(`| counts: found / required, correct / suggested | | ${m.figures.found}/${m.figures.required}, ${m.figures.correct}/${m.figures.suggestions} | ${r.figures.found}/${r.figures.required}, ${r.figures.correct}/${r.figures.suggestions} |`);
console.log(`| sentences per second (repair + detection) | | ${Math.round(m.rates.sentencesPerSecond)} | ${Math.round(r.rates.sentencesPerSecond)} |`);
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify({ split, model: MODEL_VERSION, threshold: MODEL_THRESHOLD, results }, null, 2) + '\n');
