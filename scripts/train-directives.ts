/**
 * `npm run train:directives [-- --dry-run] [--no-constructed] [--verdicts-only]`: trains the directive
 * model and writes server/detection/model/directive-model.json (weights, threshold, the hash of the
 * training data, the figures it was chosen on), then the dev split's verdict file. Never reads the
 * test split.
 * - Data: the train and dev splits of the labelled corpus (whatever labels.jsonl holds for them), plus
 *   the constructed development sentences for the genre of official announcements, at a loss weight
 *   of 0.3 (round 7).
 * - Out of fold (five folds by document, each document scored by a model that never saw it), two
 *   reports: sentence level, and whole documents as eval:extract measures them (repaired and read as an
 *   import does: recall of required directives, precision of suggestions, documents without directives
 *   with a suggestion, recall@(suggested + 10)) for the model, the old rules and a plain keyword filter.
 * - Threshold: the best document-level F1 out of fold (round 7; round 6 used the sentence-level F1, and
 *   first the dev split alone, which did not hold on the test split: see docs/directive-detection.md).
 * - Final weights: all of train + dev.
 * `--no-constructed` leaves the constructed sentences out (to compare). `--verdicts-only` rewrites the
 * verdict file with the committed model (after an intended change). Variants: `npm run train:directives:variants`.
 */
import { writeFileSync } from 'node:fs';
import { packWeights, type ModelArtefact } from '../server/detection/model/artefact';
import { HASH_BITS } from '../server/detection/model/features';
import { train } from '../server/detection/model/logistic';
import { corpusHash, loadCorpus } from './directive-corpus/corpus';
import { CONSTRUCTED_DEV, CONSTRUCTED_WEIGHT, PRUNE_BELOW, TRAIN_OPTIONS, bestDocumentThreshold, bestSentenceThreshold, documentPoint, examplesOf, FOLDS, formatPoint, keywordPoint, outOfFold, POINT_HEADER, prepareCorpus, rulesPoint, type Variant } from './directive-corpus/training';
import { VERDICTS_FILE, verdictRows } from './directive-corpus/verdicts';
import { loadPeople, loadUnits } from './extract-context';


function prune(weights: Float32Array, below: number): Float32Array {
  return weights.map((w) => (Math.abs(w) < below ? 0 : w));
}
const MODEL_FILE = 'server/detection/model/directive-model.json';

const units = loadUnits();
const people = loadPeople();

async function writeVerdicts(): Promise<void> {
  // Run in a fresh process after training (below): this process loaded the artefact it replaced.
  const dev = loadCorpus(['dev']);
  const rows = verdictRows(dev, units, people);
  writeFileSync(VERDICTS_FILE, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`wrote ${VERDICTS_FILE}: ${rows.length} dev sentences pinned`);
}

if (process.argv.includes('--verdicts-only')) {
  await writeVerdicts();
  process.exit(0);
}

const docs = loadCorpus(['train', 'dev']);
const useConstructed = !process.argv.includes('--no-constructed');
const corpus = prepareCorpus(docs, useConstructed ? CONSTRUCTED_DEV : [], units, people);
const variant: Variant = { options: TRAIN_OPTIONS, constructed: useConstructed, constructedWeight: CONSTRUCTED_WEIGHT, drop: new Set() };
const examples = examplesOf(corpus, variant, () => true);
const positives = examples.filter((e) => e.y === 1).length;
console.log(`train + dev: ${docs.length} documents; ${examples.length} sentences with the constructed ones, ${positives} required directives`);

// Out of fold: each document scored by a model that never saw it (folds by document).
const oof = outOfFold(corpus, variant, (w) => prune(w, PRUNE_BELOW));
const sentenceBest = bestSentenceThreshold(oof.sentences);
console.log(
  `out of fold (sentences of train + dev): threshold ${sentenceBest.threshold}, precision ${sentenceBest.precision.toFixed(3)}, recall ${sentenceBest.recall.toFixed(3)}, F1 ${sentenceBest.f1.toFixed(3)}, average precision ${sentenceBest.averagePrecision.toFixed(3)} (${sentenceBest.required} required)`,
);
// What eval:extract measures, out of fold: whole documents repaired and read as an import does.
const best = bestDocumentThreshold(corpus, oof.documents);
const rules = rulesPoint(corpus, oof.documents);
console.log(`\nout of fold, whole documents of train + dev (as eval:extract measures; candidates ranked by the fold's model):\n${POINT_HEADER}`);
console.log(formatPoint('model, threshold of best sentence F1', documentPoint(corpus, oof.documents, sentenceBest.threshold)));
console.log(formatPoint('model, threshold of best document F1 (chosen)', best));
console.log(formatPoint('old rules', rules));
const keyword = keywordPoint(corpus, oof.documents);
console.log(formatPoint('plain keyword filter (for reference)', keyword));
// What the model's ranking gives at the keyword filter's recall (the review's ranked candidates serve this end).
for (let t = best.threshold; t >= 0.01; t = Math.round((t - 0.01) * 100) / 100) {
  const point = documentPoint(corpus, oof.documents, t);
  if (point.rates.recall >= keyword.rates.recall || t <= 0.01) {
    console.log(formatPoint('model at the keyword filter\'s recall', point));
    break;
  }
}
if (process.argv.includes('--dry-run')) process.exit(0);
const weights = prune(train(examples, TRAIN_OPTIONS), PRUNE_BELOW);

const packed = packWeights(weights, PRUNE_BELOW);
const round = (x: number) => Math.round(x * 1000) / 1000;
const artefact: ModelArtefact = {
  version: 4,
  trainedOn: `directive corpus, train + dev splits (${docs.length} documents)${useConstructed ? ` and the constructed development sentences (loss weight ${CONSTRUCTED_WEIGHT})` : ''}; threshold: best document-level F1 out of ${FOLDS} folds by document`,
  dataHash: corpusHash(docs),
  hashBits: HASH_BITS,
  threshold: best.threshold,
  options: { ...TRAIN_OPTIONS, constructedWeight: CONSTRUCTED_WEIGHT },
  counts: { documents: docs.length, sentences: examples.length, positives },
  figures: {
    outOfFoldPrecision: round(sentenceBest.precision), outOfFoldRecall: round(sentenceBest.recall), outOfFoldF1: round(sentenceBest.f1), outOfFoldAveragePrecision: round(sentenceBest.averagePrecision), outOfFoldRequired: sentenceBest.required,
    documentPrecision: round(best.rates.precision), documentRecall: round(best.rates.recall), documentF1: round(best.rates.f1), documentRecallAt10: round(best.rates.recallAt10), documentNegativesWithSuggestion: round(best.rates.negativesWithSuggestion),
    rulesDocumentPrecision: round(rules.rates.precision), rulesDocumentRecall: round(rules.rates.recall), rulesDocumentNegativesWithSuggestion: round(rules.rates.negativesWithSuggestion),
    folds: FOLDS,
  },
  indices: packed.indices,
  values: packed.values,
};
writeFileSync(MODEL_FILE, JSON.stringify(artefact) + '\n');
console.log(`wrote ${MODEL_FILE} (${packed.kept} weights)`);
// A fresh process reads the new artefact for the verdict file.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--verdicts-only'], { stdio: 'inherit' });
