/**
 * npm run eval:extract:sentences [-- FILE.jsonl …] [--heldout] [--verbose] [--no-gate] [--compare] [--thresholds] [--folds]
 * Scores directive detection on the hand-labelled sets in tests/fixtures: by default the development
 * sets (the four real-news sets of rounds 1–4, all looked at, and the development halves of the
 * constructed contrast set and of real set D); with `--heldout` the held-out halves of round 5,
 * totals only. Each set, then pooled: precision, recall and F1
 * on "is this an actionable directive" (suggestions of kind action or instruction), and exact
 * deadline dates. `--no-gate` scores the cue weights alone, `--compare` both side by side,
 * `--thresholds` sweeps the decision threshold, `--folds` picks it on four of five folds and scores
 * the fifth. `--verbose` lists false alarms and misses with the cues and, for a miss, the gate's
 * reasons ({gate:no-actor,…}).
 */
import { existsSync, readFileSync } from 'node:fs';
import { explainDirectives, SUGGESTION_THRESHOLD, type SentenceVerdict, type SuggestedDirective } from '../server/detection/extract';
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
  'tests/fixtures/hamshahri-deadlines-heldout.jsonl',
  'tests/fixtures/constructed-contrast-dev.jsonl',
  'tests/fixtures/corpora-deadlines-dev-d.jsonl',
  'tests/fixtures/constructed-contrast3-dev.jsonl',
  'tests/fixtures/constructed-contrast4-dev.jsonl',
];
/**
 * Held out from round 5: scored only with `--heldout` and read by totals only, so that tuning runs
 * cannot peek at them by accident. Set D is real corpus text; the contrast half is constructed.
 */
const HELDOUT_SETS = [
  'tests/fixtures/corpora-deadlines-heldout-d.jsonl',
  'tests/fixtures/constructed-contrast-heldout.jsonl',
  'tests/fixtures/constructed-contrast2-heldout.jsonl',
  'tests/fixtures/constructed-contrast5-heldout.jsonl',
];
const argv = process.argv.slice(2);
const files = positionalArgs(argv, [], ['--verbose', '--heldout', '--thresholds', '--no-gate', '--compare', '--folds']);
const verbose = argv.includes('--verbose');
const sweep = argv.includes('--thresholds');
/** `--no-gate`: the cue weights alone, as before round 4; `--compare`: both, side by side, per set and pooled. */
const useGate = !argv.includes('--no-gate');
const compare = argv.includes('--compare');
const folds = argv.includes('--folds');
const heldout = argv.includes('--heldout');
if (heldout && verbose) {
  process.stderr.write('--heldout reports totals only: the held-out sets are not read row by row.\n');
  process.exit(2);
}
const DEFAULT_SETS = heldout ? HELDOUT_SETS : DEVELOPMENT_SETS;
const units = loadUnits();
const people = loadPeople();

function cueList(d: SuggestedDirective | undefined, verdict?: SentenceVerdict): string {
  const gate = verdict && !verdict.suggested ? ` {${verdict.gate.reasons.map((r) => r.id).join(',')}}` : '';
  return d ? `${d.kind} ${d.score} [${d.cues.filter((c) => !c.id.startsWith('gate:')).map((c) => `${c.id}${c.weight < 0 ? c.weight : ''}`).join(',')}]${gate}` : '';
}

/** The sentence's verdicts: actionable suggestions, and the best rejected candidate to explain a miss. */
function judge(row: Labelled, gate: boolean, threshold?: number): { found: SuggestedDirective[]; all: SuggestedDirective[]; verdicts: SentenceVerdict[] } {
  const verdicts = explainDirectives({ text: row.text, sessionDate: parseDate(row.date), units, people, gate, threshold });
  const all = verdicts.filter((v) => v.suggested).map((v) => v.directive);
  return { found: all.filter((d) => d.kind !== 'policy' && d.kind !== 'exhortation'), all, verdicts };
}

function readRows(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
}

/** For each sentence, the best score of an actionable suggestion (-Infinity when none), with its label. */
function bestScores(file: string): { id: string; directive: boolean; best: number }[] {
  return readRows(file).map((row) => {
    const { found } = judge(row, useGate, -Infinity);
    const scores = found.map((d) => d.score);
    return { id: row.id, directive: row.directive, best: scores.length > 0 ? Math.max(...scores) : -Infinity };
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

function score(file: string, gate = useGate): Scores {
  const rows = readRows(file);
  const s: Scores = { name: file, rows: rows.length, tp: 0, fp: 0, fn: 0, tn: 0, dueGold: 0, dueExact: 0, dueTp: 0, dueTpExact: 0, anyTp: 0, anyFp: 0, ms: 0, confusions: [] };
  const started = performance.now();
  for (const row of rows) {
    const { found, all, verdicts } = judge(row, gate);
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
      const best = verdicts.reduce<SentenceVerdict | undefined>((a, v) => (a === undefined || v.score > a.score ? v : a), undefined);
      s.confusions.push(`${predicted ? 'FP' : 'FN'} ${row.id} ${predicted ? cueList(found[0]) : cueList(all[0] ?? best?.directive, all[0] ? undefined : best)} ${row.text}`);
    }
  }
  s.ms = performance.now() - started;
  return s;
}

const pct = (x: number) => x.toFixed(3);
const chosen = files.length > 0 ? files : DEFAULT_SETS.filter((f) => existsSync(f));

function line(s: Scores): string {
  const precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return (
    `${s.name}: ${s.rows} sentences (${s.tp + s.fn} directives, ${s.tn + s.fp} look-alikes): precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(f1)} ` +
    `(tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn}); deadlines exact ${s.dueExact}/${s.dueGold} ` +
    `(on true positives ${s.dueTpExact}/${s.dueTp}${s.dueTp > 0 ? ` = ${pct(s.dueTpExact / s.dueTp)}` : ''}); ` +
    `all suggestions: precision ${pct(s.anyTp + s.anyFp === 0 ? 0 : s.anyTp / (s.anyTp + s.anyFp))}, recall ${pct(s.anyTp / Math.max(1, s.tp + s.fn))}; ` +
    `${(s.ms / s.rows).toFixed(2)} ms/sentence\n`
  );
}

function pooled(all: Scores[], name: string): Scores {
  const sum = (k: 'rows' | 'tp' | 'fp' | 'fn' | 'tn' | 'dueGold' | 'dueExact' | 'dueTp' | 'dueTpExact' | 'anyTp' | 'anyFp' | 'ms') => all.reduce((n, s) => n + s[k], 0);
  return {
    name, rows: sum('rows'), tp: sum('tp'), fp: sum('fp'), fn: sum('fn'), tn: sum('tn'), dueGold: sum('dueGold'), dueExact: sum('dueExact'),
    dueTp: sum('dueTp'), dueTpExact: sum('dueTpExact'), anyTp: sum('anyTp'), anyFp: sum('anyFp'), ms: sum('ms'), confusions: [],
  };
}

/** A stable fold for a sentence: a hash of its id, so the split does not depend on file order. */
function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return (h >>> 0) % k;
}

/**
 * 5-fold choice of the decision threshold: on four folds pick the threshold with the best F0.5 among
 * those keeping recall ≥ 0.75 (else the best F1), score the fifth with it. Only the threshold is
 * chosen this way; the rules themselves were written after reading errors in every set.
 */
function crossValidate(sets: string[], k = 5): void {
  const rows = sets.flatMap(bestScores);
  const prf = (rs: typeof rows, t: number) => {
    const tp = rs.filter((r) => r.directive && r.best >= t).length;
    const fp = rs.filter((r) => !r.directive && r.best >= t).length;
    const fn = rs.filter((r) => r.directive && r.best < t).length;
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f = (beta: number) => (p + r === 0 ? 0 : ((1 + beta * beta) * p * r) / (beta * beta * p + r));
    return { tp, fp, fn, p, r, f1: f(1), f05: f(0.5) };
  };
  const grid = Array.from({ length: 11 }, (_, i) => 1 + i * 0.5);
  let tp = 0, fp = 0, fn = 0;
  const ps: number[] = [];
  const rs: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = rows.filter((r) => foldOf(r.id, k) !== fold);
    const test = rows.filter((r) => foldOf(r.id, k) === fold);
    const ok = grid.filter((t) => prf(train, t).r >= 0.75);
    const pick = (ok.length > 0 ? ok : grid).reduce((a, t) => ((ok.length > 0 ? prf(train, t).f05 > prf(train, a).f05 : prf(train, t).f1 > prf(train, a).f1) ? t : a));
    const m = prf(test, pick);
    tp += m.tp; fp += m.fp; fn += m.fn;
    ps.push(m.p); rs.push(m.r);
    process.stdout.write(`fold ${fold + 1}: threshold ${pick.toFixed(1)} chosen on ${train.length} sentences; on its ${test.length}: precision ${pct(m.p)}, recall ${pct(m.r)} (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})\n`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  process.stdout.write(`${k}-fold (gate ${useGate ? 'on' : 'off'}): mean precision ${pct(mean(ps))}, mean recall ${pct(mean(rs))}; summed over folds precision ${pct(tp / Math.max(1, tp + fp))}, recall ${pct(tp / Math.max(1, tp + fn))}\n`);
}

if (sweep) printThresholdTable(chosen);
if (folds) crossValidate(chosen);
if (!sweep && !folds) {
  const modes = compare ? [false, true] : [useGate];
  for (const gate of modes) {
    if (compare) process.stdout.write(`— ${gate ? 'with the structural gate (round 4)' : 'cue weights only (round 3)'} —\n`);
    const results = chosen.map((file) => score(file, gate));
    for (const s of results) {
      if (verbose) for (const c of s.confusions) process.stdout.write(`${c}\n`);
      process.stdout.write(line(s));
    }
    if (results.length > 1) process.stdout.write(line(pooled(results, 'pooled')));
  }
}
