/**
 * `npm run train:directives [-- --verdicts-only]`: trains the directive model on the train split of
 * the labelled corpus, chooses its threshold on the dev split (the best F1 on required directives:
 * at this data size precision ≥ 0.75 leaves recall near 0.1, see docs/benchmarks.md), and writes
 * server/directives/model/directive-model.json with the hash of the training data and the dev
 * figures, then the dev split's verdict file. Never reads the test split.
 * `--no-constructed` leaves the constructed sentences out (to compare). `--verdicts-only` rewrites the verdict file with the committed model (after an intended change).
 */
import { writeFileSync } from 'node:fs';
import { packWeights, type ModelArtefact } from '../server/directives/model/artefact';
import { HASH_BITS } from '../server/directives/model/features';
import { dot, sigmoid, train, type TrainOptions } from '../server/directives/model/logistic';
import { corpusHash, loadCorpus } from './directive-corpus/corpus';
import { constructedExamples, documentExamples, trainingExamples } from './directive-corpus/examples';
import { VERDICTS_FILE, verdictRows } from './directive-corpus/verdicts';
import { loadPeople, loadUnits } from './extract-context';

export const TRAIN_OPTIONS: TrainOptions = { dimensions: 1 << HASH_BITS, epochs: 10, learningRate: 0.1, l2: 3e-3, positiveWeight: 1, seed: 7 };
/** Weights smaller than this are dropped: a tenth of the artefact's size for no measured loss on dev. */
const PRUNE_BELOW = 0.01;

function prune(weights: Float32Array, below: number): Float32Array {
  return weights.map((w) => (Math.abs(w) < below ? 0 : w));
}
/** Constructed development sets, trained on for the genre of official announcements; the held-out constructed sets stay unseen. */
const CONSTRUCTED_DEV = ['tests/fixtures/constructed-contrast-dev.jsonl', 'tests/fixtures/constructed-contrast3-dev.jsonl', 'tests/fixtures/constructed-contrast4-dev.jsonl'];
const MODEL_FILE = 'server/directives/model/directive-model.json';

const units = loadUnits();
const people = loadPeople();

async function writeVerdicts(): Promise<void> {
  // Imported late: the model module reads the artefact when it loads.
  const dev = loadCorpus(['dev']);
  const rows = verdictRows(dev, units, people);
  writeFileSync(VERDICTS_FILE, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`wrote ${VERDICTS_FILE}: ${rows.length} dev sentences pinned`);
}

if (process.argv.includes('--verdicts-only')) {
  await writeVerdicts();
  process.exit(0);
}

const trainDocs = loadCorpus(['train']);
const devDocs = loadCorpus(['dev']);
const trainSets = trainDocs.map((d) => documentExamples(d, units, people));
const devSets = devDocs.map((d) => documentExamples(d, units, people));
const constructed = process.argv.includes('--no-constructed') ? [] : constructedExamples(CONSTRUCTED_DEV, units);
const examples = [...trainingExamples(trainSets), ...constructed];
const positives = examples.filter((e) => e.y === 1).length;
console.log(`train: ${trainDocs.length} documents, ${examples.length} sentences, ${positives} required directives; dev: ${devDocs.length} documents`);

const weights = prune(train(examples, TRAIN_OPTIONS), PRUNE_BELOW);
const dev = trainingExamples(devSets).map((e) => ({ p: sigmoid(dot(weights, e.x)), y: e.y }));
const devPositives = dev.filter((s) => s.y === 1).length;
let best = { threshold: 0.5, precision: 0, recall: 0, f1: 0 };
for (let t = 0.05; t <= 0.951; t += 0.01) {
  const picked = dev.filter((s) => s.p >= t);
  const tp = picked.filter((s) => s.y === 1).length;
  const precision = picked.length ? tp / picked.length : 1;
  const recall = tp / devPositives;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, precision, recall, f1 };
}
let tp = 0;
let ap = 0;
[...dev].sort((a, b) => b.p - a.p).forEach((s, i) => {
  if (s.y === 1) ap += ++tp / (i + 1);
});
ap /= devPositives;
console.log(
  `dev (sentences): threshold ${best.threshold}, precision ${best.precision.toFixed(3)}, recall ${best.recall.toFixed(3)}, F1 ${best.f1.toFixed(3)}, average precision ${ap.toFixed(3)} (${devPositives} required)`,
);

const packed = packWeights(weights, PRUNE_BELOW);
const round = (x: number) => Math.round(x * 1000) / 1000;
const artefact: ModelArtefact = {
  version: 2,
  trainedOn: `directive corpus, train split (${trainDocs.length} documents); threshold chosen on the dev split (${devDocs.length})`,
  dataHash: corpusHash(trainDocs),
  hashBits: HASH_BITS,
  threshold: best.threshold,
  options: { ...TRAIN_OPTIONS },
  counts: { documents: trainDocs.length, sentences: examples.length, positives },
  figures: { devPrecision: round(best.precision), devRecall: round(best.recall), devF1: round(best.f1), devAveragePrecision: round(ap), devRequired: devPositives },
  indices: packed.indices,
  values: packed.values,
};
writeFileSync(MODEL_FILE, JSON.stringify(artefact) + '\n');
console.log(`wrote ${MODEL_FILE} (${packed.kept} weights)`);
// A fresh process reads the new artefact for the verdict file.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--verdicts-only'], { stdio: 'inherit' });
