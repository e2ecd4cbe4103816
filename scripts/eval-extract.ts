/**
 * npm run eval:extract [-- FILE.jsonl …] [--verbose] [--heldout]
 * Scores directive detection on hand-labelled sentences: by default the three development sets
 * (tests/fixtures/farsnews-directives.jsonl, …-directives-heldout.jsonl and
 * …-deadlines-heldout.jsonl: all looked at by earlier rounds, so no longer held out), and with
 * `--heldout` also the round-3 held-out set (hamshahri-deadlines-heldout.jsonl), which is
 * measured only once a round's rule changes are done. Each set is reported on its own: precision,
 * recall and F1 on "is this an actionable directive", and exact deadline dates (over all
 * directives with a gold date, and over those that were also found). Only suggestions of kind action or instruction are predicted
 * directives: policy and exhortation are not actionable (see
 * tests/fixtures/farsnews-directives-heldout.md); `all suggestions` counts every kind. `--verbose` lists the
 * confusions (FP, FN, wrong due dates) with the cues that fired.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extractDirectives, SUGGESTION_THRESHOLD, type SuggestedDirective } from '../server/directives/extract';
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

interface Scores {
  name: string;
  rows: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  dueGold: number;
  dueExact: number;
  /** Directives with a gold due date that were also predicted (true positives), and how many of those got it exactly. */
  dueTp: number;
  dueTpExact: number;
  /** Counting a suggestion of any kind (policy and exhortation too) as a predicted directive. */
  anyTp: number;
  anyFp: number;
  ms: number;
  confusions: string[];
}

const DEVELOPMENT_SETS = [
  'tests/fixtures/farsnews-directives.jsonl',
  'tests/fixtures/farsnews-directives-heldout.jsonl',
  'tests/fixtures/farsnews-deadlines-heldout.jsonl',
];
/** Held out: scored only on request, so that tuning runs cannot peek at it by accident. */
const HELDOUT_SET = 'tests/fixtures/hamshahri-deadlines-heldout.jsonl';
const argv = process.argv.slice(2);
const files = positionalArgs(argv, [], ['--verbose', '--heldout', '--thresholds']);
const verbose = argv.includes('--verbose');
const withHeldout = argv.includes('--heldout');
const sweep = argv.includes('--thresholds');
const DEFAULT_SETS = withHeldout ? [...DEVELOPMENT_SETS, HELDOUT_SET] : DEVELOPMENT_SETS;
const units = loadUnits();
const people = loadPeople();

function cueList(d: SuggestedDirective | undefined): string {
  return d ? `${d.kind} ${d.score} [${d.cues.map((c) => `${c.id}${c.weight < 0 ? c.weight : ''}`).join(',')}]` : '';
}

function readRows(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
}

/** For each sentence, the best score of an actionable suggestion (-Infinity when none), with its label. */
function bestScores(file: string): { directive: boolean; best: number }[] {
  return readRows(file).map((row) => {
    const all = extractDirectives({ text: row.text, sessionDate: parseDate(row.date), units, people, threshold: -Infinity });
    const scores = all.filter((d) => d.kind !== 'policy' && d.kind !== 'exhortation').map((d) => d.score);
    return { directive: row.directive, best: scores.length > 0 ? Math.max(...scores) : -Infinity };
  });
}

function printThresholdTable(sets: string[]): void {
  const rows = sets.flatMap(bestScores);
  process.stdout.write(`threshold table over ${sets.join(', ')} (${rows.length} sentences, ${rows.filter((r) => r.directive).length} directives; current ${SUGGESTION_THRESHOLD})\n`);
  process.stdout.write('threshold  precision  recall  F1     F0.5\n');
  for (let t = 1; t <= 6.001; t += 0.5) {
    const tp = rows.filter((r) => r.directive && r.best >= t).length;
    const fp = rows.filter((r) => !r.directive && r.best >= t).length;
    const fn = rows.filter((r) => r.directive && r.best < t).length;
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f = (beta: number) => (p + r === 0 ? 0 : ((1 + beta * beta) * p * r) / (beta * beta * p + r));
    process.stdout.write(`${t.toFixed(1).padStart(9)}  ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f(1).toFixed(3)}  ${f(0.5).toFixed(3)}\n`);
  }
}

function score(file: string): Scores {
  const rows = readRows(file);
  const s: Scores = { name: file, rows: rows.length, tp: 0, fp: 0, fn: 0, tn: 0, dueGold: 0, dueExact: 0, dueTp: 0, dueTpExact: 0, anyTp: 0, anyFp: 0, ms: 0, confusions: [] };
  const started = performance.now();
  for (const row of rows) {
    const all = extractDirectives({ text: row.text, sessionDate: parseDate(row.date), units, people });
    const found = all.filter((d) => d.kind !== 'policy' && d.kind !== 'exhortation');
    const predicted = found.length > 0;
    if (all.length > 0 && row.directive) s.anyTp++;
    else if (all.length > 0) s.anyFp++;
    if (predicted && row.directive) s.tp++;
    else if (predicted) s.fp++;
    else if (row.directive) s.fn++;
    else s.tn++;
    if (row.directive && row.due) {
      s.dueGold++;
      const exact = found.some((d) => d.due === row.due);
      if (exact) s.dueExact++;
      if (predicted) s.dueTp++;
      if (predicted && exact) s.dueTpExact++;
      else s.confusions.push(`DUE ${row.id} expected ${row.due} got ${found.map((d) => `${d.due} «${d.dueRule}»`).join(' ') || 'nothing'}`);
    }
    if (predicted !== row.directive) {
      // For a miss, show what was found below the line (a policy) if anything.
      s.confusions.push(`${predicted ? 'FP' : 'FN'} ${row.id} ${cueList(found[0] ?? all[0])} ${row.text}`);
    }
  }
  s.ms = performance.now() - started;
  return s;
}

const pct = (x: number) => x.toFixed(3);
const chosen = files.length > 0 ? files : DEFAULT_SETS.filter((f) => existsSync(f));
if (sweep) printThresholdTable(chosen);
for (const file of sweep ? [] : chosen) {
  const s = score(file);
  const precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  if (verbose) for (const line of s.confusions) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `${s.name}: ${s.rows} sentences (${s.tp + s.fn} directives, ${s.tn + s.fp} look-alikes): precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(f1)} ` +
      `(tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn}); deadlines exact ${s.dueExact}/${s.dueGold} ` +
      `(on true positives ${s.dueTpExact}/${s.dueTp}${s.dueTp > 0 ? ` = ${pct(s.dueTpExact / s.dueTp)}` : ''}); ` +
      `all suggestions: precision ${pct(s.anyTp + s.anyFp === 0 ? 0 : s.anyTp / (s.anyTp + s.anyFp))}, recall ${pct(s.anyTp / Math.max(1, s.tp + s.fn))}; ` +
      `${(s.ms / s.rows).toFixed(2)} ms/sentence\n`,
  );
}
