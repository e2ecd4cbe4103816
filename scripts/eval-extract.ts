/**
 * npm run eval:extract [-- FILE.jsonl] [--verbose]
 * Scores directive detection on hand-labelled sentences (tests/fixtures/farsnews-directives.jsonl):
 * precision, recall and F1 on "is this a directive", and exact deadline dates.
 */
import { readFileSync } from 'node:fs';
import { extractDirectives } from '../server/directives/extract';
import { parseDate } from '../server/persian/jalali';
import { positionalArgs } from './cli';
import { loadPeople, loadUnits } from './extract-context';

interface Labelled {
  id: string;
  date: string;
  text: string;
  directive: boolean;
  due: string | null;
}

const argv = process.argv.slice(2);
const file = positionalArgs(argv, [], ['--verbose'])[0] ?? 'tests/fixtures/farsnews-directives.jsonl';
const verbose = argv.includes('--verbose');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Labelled);
const units = loadUnits();
const people = loadPeople();

let tp = 0;
let fp = 0;
let fn = 0;
let tn = 0;
let dueGold = 0;
let dueExact = 0;
const started = performance.now();
for (const row of rows) {
  const found = extractDirectives({ text: row.text, sessionDate: parseDate(row.date), units, people });
  const predicted = found.length > 0;
  if (predicted && row.directive) tp++;
  else if (predicted) fp++;
  else if (row.directive) fn++;
  else tn++;
  if (row.directive && row.due) {
    dueGold++;
    if (found.some((d) => d.due === row.due)) dueExact++;
  }
  if (verbose && predicted !== row.directive) {
    const why = found[0]?.cues.map((c) => c.id).join(',') ?? '';
    process.stdout.write(`${predicted ? 'FP' : 'FN'} ${row.id} [${why}] ${row.text}\n`);
  }
  if (verbose && row.directive && row.due && !found.some((d) => d.due === row.due)) {
    process.stdout.write(`DUE ${row.id} expected ${row.due} got ${found.map((d) => `${d.due} «${d.dueRule}»`).join(' ')}\n`);
  }
}
const ms = performance.now() - started;
const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const pct = (x: number) => x.toFixed(3);
process.stdout.write(
  `${rows.length} sentences (${tp + fn} directives, ${tn + fp} look-alikes): precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(f1)} ` +
    `(tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn}); deadlines exact ${dueExact}/${dueGold}; ${(ms / rows.length).toFixed(2)} ms/sentence\n`,
);
