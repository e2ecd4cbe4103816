/**
 * `npm run train:directives:variants [-- --only 'NAME;…'] [--backstops]`: measures variants of the directive model
 * out of fold on train + dev (five folds by document, as train:directives), at the document level
 * eval:extract uses: learner settings, feature groups left out, the constructed sentences, and
 * decisions (threshold of best document F1, the rules' decision as a backstop). Prints a markdown
 * table for docs/notes/directive-detection-rounds.md. Never reads the test split; writes nothing.
 */
import { HASH_BITS } from '../server/detection/model/features';
import { loadCorpus } from './directive-corpus/corpus';
import { groupId, type Decide } from './directive-corpus/document-oof';
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

const round6 = drop('duty', 'open', 'title');
const STRUCTURED_NAMES = ['cue', 'rule', 'kind', 'pos', 'len', 'has', 'last', 'ob', 'prev', 'next'];
const STRUCTURED = drop(...STRUCTURED_NAMES);
const BOOST = { trees: 200, learningRate: 0.1, lambda: 1, minHessian: 1 };
const variants: Array<[string, Variant]> = [
  ['baseline (round 6 features)', { ...base, drop: round6 }],
  ['round 6 + duty words', { ...base, drop: drop('open', 'title') }],
  ['round 6 + openings and previous sentence', { ...base, drop: drop('duty', 'title') }],
  ['round 7 features (duty, openings, title)', base],
  ['round 6 + title', { ...base, drop: drop('duty', 'open') }],
  ['round 6 + title, no constructed', { ...base, drop: drop('duty', 'open'), constructed: false }],
  ['round 7, soft directives as positives', { ...base, softAsPositive: true }],
  ['round 7, average of 3 seeds', { ...base, seeds: [7, 8, 9] }],
  ['round 7, L2 1e-3', { ...base, options: { ...TRAIN_OPTIONS, l2: 1e-3 } }],
  ['round 7, no constructed', { ...base, constructed: false }],
  ['round 6 features, trained on the repaired text', { ...base, drop: round6, repaired: true }],
  ['round 7 features, trained on the repaired text', { ...base, repaired: true }],
  ['boosted trees alone (structured groups)', { ...base, drop: round6, boosted: { groups: STRUCTURED, options: BOOST, mix: 'alone' } }],
  ['round 6 LR averaged with boosted trees (structured groups)', { ...base, drop: round6, boosted: { groups: STRUCTURED, options: BOOST, mix: 'average' } }],
  ['round 6 LR averaged with boosted trees (structured + words)', { ...base, drop: round6, boosted: { groups: drop(...STRUCTURED_NAMES, 'w', 'w2'), options: BOOST, mix: 'average' } }],
  ['no constructed sentences', { ...base, drop: round6, constructed: false }],
  ['round 7, positive weight 2', { ...base, options: { ...TRAIN_OPTIONS, positiveWeight: 2 } }],
  ['round 7, positive weight 4', { ...base, options: { ...TRAIN_OPTIONS, positiveWeight: 4 } }],
  ['round 7, L2 1e-2', { ...base, options: { ...TRAIN_OPTIONS, l2: 1e-2 } }],
  ['round 7, 20 epochs', { ...base, options: { ...TRAIN_OPTIONS, epochs: 20 } }],
  ...['cue', 'rule', 'kind', 'w', 'w2', 'last', 'ob', 'c', 'prev', 'next', 'len', 'pos', 'has'].map((g): [string, Variant] => [`round 7 without ${g}:`, { ...base, drop: drop(g) }]),
];

console.log(`train + dev: ${docs.length} documents, ${HASH_BITS}-bit hashing; out of ${5} folds by document\n`);
console.log(POINT_HEADER);
let rulesShown = false;
for (const [name, variant] of variants) {
  if (only && !only.has(name)) continue;
  const oof = outOfFold(corpus, variant, prune);
  if (!rulesShown) {
    console.log(formatPoint('old rules', rulesPoint(corpus, oof.documents)));
    rulesShown = true;
  }
  const s = bestSentenceThreshold(oof.sentences);
  console.log(formatPoint(`${name}; sentence F1 ${s.f1.toFixed(3)}, AP ${s.averagePrecision.toFixed(3)}`, bestDocumentThreshold(corpus, oof.documents)));
  if (name.startsWith('round 6 + title') || process.argv.includes('--backstops')) {
    const backstops: Array<[string, Decide]> = [
      ['OR rules', (_, x) => x.ruleSuggested],
      ['OR rules with score ≥ 3', (_, x) => x.ruleSuggested && x.ruleScore >= 3],
      ['OR rules with score ≥ 4', (_, x) => x.ruleSuggested && x.ruleScore >= 4],
      ['OR rules with p ≥ 0.1', (p, x) => x.ruleSuggested && p >= 0.1],
    ];
    for (const [label, b] of backstops) console.log(formatPoint(`${name} ${label}`, bestDocumentThreshold(corpus, oof.documents, b)));
  }
}
