/**
 * `npm run train:directives:variants [-- --only 'NAME;…'] [--backstops] [--partitions]`: measures
 * variants of the directive model out of fold on train + dev (five folds by document, as
 * train:directives), at the document level eval:extract uses: learner settings, feature groups left
 * out, the constructed sentences, a second model (boosted trees), and decisions (threshold of best
 * document F1, the rules' decision or a document's top sentence as a backstop). `--partitions` repeats
 * each variant over four assignments of documents to folds and prints one line each, to tell a gain
 * from the luck of one partition. Prints markdown for docs/notes/directive-detection-rounds.md. Never
 * reads the test split; writes nothing.
 */
import { HASH_BITS } from '../server/detection/model/features';
import { loadCorpus } from './directive-corpus/corpus';
import { groupId, type Decide, type JudgedSentence } from './directive-corpus/document-oof';
import { CONSTRUCTED_DEV, PRUNE_BELOW, TRAIN_OPTIONS, bestDocumentThreshold, bestSentenceThreshold, formatPoint, outOfFold, POINT_HEADER, prepareCorpus, rulesPoint, type Variant } from './directive-corpus/training';
import { loadPeople, loadUnits } from './extract-context';

const prune = (w: Float32Array) => w.map((x) => (Math.abs(x) < PRUNE_BELOW ? 0 : x));
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set(process.argv[i + 1]!.split(';')) : null;
})();

const units = loadUnits();
const people = loadPeople();
const docs = loadCorpus(['train', 'dev']);
const corpus = prepareCorpus(docs, CONSTRUCTED_DEV, units, people);
const base: Variant = { options: TRAIN_OPTIONS, constructed: true, drop: new Set() };
const drop = (...groups: string[]) => new Set(groups.map(groupId));

const STRUCTURED_NAMES = ['cue', 'rule', 'kind', 'pos', 'len', 'has', 'last', 'ob', 'prev', 'next'];
const STRUCTURED = drop(...STRUCTURED_NAMES);
const BOOST = { trees: 200, learningRate: 0.1, lambda: 1, minHessian: 1 };
const variants: Array<[string, Variant]> = [
  ['baseline (round 6)', base],
  ['soft directives as positives', { ...base, softAsPositive: true }],
  ['average of 3 seeds', { ...base, seeds: [7, 8, 9] }],
  ['L2 1e-3', { ...base, options: { ...TRAIN_OPTIONS, l2: 1e-3 } }],
  ['trained on the repaired text', { ...base, repaired: true }],
  ['boosted trees alone (structured groups)', { ...base, boosted: { groups: STRUCTURED, options: BOOST, mix: 'alone' } }],
  ['LR averaged with boosted trees (structured groups)', { ...base, boosted: { groups: STRUCTURED, options: BOOST, mix: 'average' } }],
  ['LR averaged with boosted trees (structured + words)', { ...base, boosted: { groups: drop(...STRUCTURED_NAMES, 'w', 'w2'), options: BOOST, mix: 'average' } }],
  ['no constructed sentences', { ...base, constructed: false }],
  ['constructed sentences at weight 0.3', { ...base, constructedWeight: 0.3 }],
  ['constructed sentences at weight 0.5', { ...base, constructedWeight: 0.5 }],
  ['constructed at weight 0.3, L2 1e-3', { ...base, constructedWeight: 0.3, options: { ...TRAIN_OPTIONS, l2: 1e-3 } }],
  ['constructed at weight 0.3, positive weight 2', { ...base, constructedWeight: 0.3, options: { ...TRAIN_OPTIONS, positiveWeight: 2 } }],
  ['positive weight 2', { ...base, options: { ...TRAIN_OPTIONS, positiveWeight: 2 } }],
  ['positive weight 4', { ...base, options: { ...TRAIN_OPTIONS, positiveWeight: 4 } }],
  ['L2 1e-2', { ...base, options: { ...TRAIN_OPTIONS, l2: 1e-2 } }],
  ['20 epochs', { ...base, options: { ...TRAIN_OPTIONS, epochs: 20 } }],
  ...['cue', 'rule', 'kind', 'w', 'w2', 'last', 'ob', 'c', 'prev', 'next', 'len', 'pos', 'has'].map((g): [string, Variant] => [`without ${g}:`, { ...base, drop: drop(g) }]),
];

console.log(`train + dev: ${docs.length} documents, ${HASH_BITS}-bit hashing; out of ${5} folds by document\n`);
console.log(POINT_HEADER);
let rulesShown = false;
const partitions = process.argv.includes('--partitions') ? [0, 1, 2, 3] : [0];
for (const [name, one] of variants) {
  if (only && !only.has(name)) continue;
  for (const partition of partitions) {
    const variant = { ...one, partition };
    const oof = outOfFold(corpus, variant, prune);
    if (!rulesShown) {
      console.log(formatPoint('old rules', rulesPoint(corpus, oof.documents)));
      rulesShown = true;
    }
    const s = bestSentenceThreshold(oof.sentences);
    if (partitions.length > 1) {
      const b = bestDocumentThreshold(corpus, oof.documents);
      console.log(`${name}, partition ${partition}: document F1 ${b.rates.f1.toFixed(3)} (R ${b.rates.recall.toFixed(3)}, P ${b.rates.precision.toFixed(3)}, t ${b.threshold}); rules F1 ${rulesPoint(corpus, oof.documents).rates.f1.toFixed(3)}; sentence AP ${s.averagePrecision.toFixed(3)}`);
      continue;
    }
    console.log(formatPoint(`${name}; sentence F1 ${s.f1.toFixed(3)}, AP ${s.averagePrecision.toFixed(3)}`, bestDocumentThreshold(corpus, oof.documents)));
    if (name.startsWith('baseline') || process.argv.includes('--backstops')) {
      const backstops: Array<[string, Decide]> = [
        ['OR rules', (_, x) => x.ruleSuggested],
        ['OR rules with score ≥ 3', (_, x) => x.ruleSuggested && x.ruleScore >= 3],
        ['OR rules with score ≥ 4', (_, x) => x.ruleSuggested && x.ruleScore >= 4],
        ['OR rules with p ≥ 0.1', (p, x) => x.ruleSuggested && p >= 0.1],
      ];
      for (const [label, b] of backstops) console.log(formatPoint(`${name} ${label}`, bestDocumentThreshold(corpus, oof.documents, b)));
      // Per document: its most likely sentence at a lower threshold (most documents hold one directive or none).
      const top = new Set<JudgedSentence>();
      corpus.judged.forEach((d, k) => {
        const ps = oof.documents[k]!;
        const i = ps.indexOf(Math.max(...ps));
        if (i >= 0) top.add(d.sentences[i]!);
      });
      for (const low of [0.08, 0.1, 0.12, 0.15]) {
        console.log(formatPoint(`${name} OR the document's top sentence with p ≥ ${low}`, bestDocumentThreshold(corpus, oof.documents, (p, x) => top.has(x) && p >= low)));
      }
    }
  }
}
