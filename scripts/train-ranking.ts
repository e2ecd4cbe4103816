/**
 * `npm run train:ranking [-- --depth 10] [--candidates 30] [--features score,phrases,…] [--train parsinlu-train,hamshahri]`:
 * issue 15's sixth round, a learned combination of ranking features over the first-stage candidates
 * (scripts/eval/rank-features.ts) against the hand-set page re-ordering (score + 0.5 × phrases), on the
 * **tuning sets only**: ParsiNLU train (trained on, also scored by 5-fold cross-validation) and dev,
 * Hamshahri's tuning half (keyboard topics, MAP@100) and the Fars News known-item set by kind. It never
 * reads ParsiNLU eval or Hamshahri's held-out topics. It writes nothing: no learned weights were kept
 * (docs/notes/search-issue-15.md, sixth round).
 */
import { argValue } from './cli';
import { asTypedOnPersianKeyboard, readFarsNews, readHamshahri, readParsinlu, type CorpusDoc, type Topic } from './eval/corpora';
import { requireCorpora } from './eval/corpora-dir';
import { KNOWN_ITEM_KINDS, knownItemSet } from './eval/known-item';
import { crossValidate, meanMetric, trainCoordinateAscent, trainPairwise, trainSoftmax, type RankList } from './eval/learn-ranking';
import { FEATURE_NAMES, hitFeatures, queryFacts } from './eval/rank-features';
import { HAMSHAHRI_SPLIT_SEED, splitTopics } from './eval/topic-split';
import { paragraphWords, type ParagraphWords } from '../server/search/paragraph-words';
import { parseQuery } from '../server/search/query';
import { buildSegmentPayload, loadSegment } from '../server/search/segment';
import { SegmentSet } from '../server/search/segment-set';

requireCorpora('train:ranking', ['hamshahri', 'parsinlu-rc', 'farsnews']);

const argv = process.argv.slice(2);
/** Candidates re-ordered, as the service re-orders its page of 10. */
const depth = Number(argValue(argv, '--depth') ?? 10);
/** Candidates whose features are read. */
const candidates = Math.max(depth, Number(argValue(argv, '--candidates') ?? 30));
const names = (argValue(argv, '--features') ?? FEATURE_NAMES.join(',')).split(',');
const use = names.map((n) => {
  const k = FEATURE_NAMES.indexOf(n as (typeof FEATURE_NAMES)[number]);
  if (k < 0) throw new Error(`unknown feature ${n}; known: ${FEATURE_NAMES.join(', ')}`);
  return k;
});
const trainSets = (argValue(argv, '--train') ?? 'parsinlu-train').split(',');

function buildSet(docs: CorpusDoc[]): SegmentSet {
  const sessions = docs.map((d, i) => ({ id: i + 1, slug: d.id, title: d.title, kind: 'news', heldOn: null, speakers: [], contentHash: '', heading: d.title, body: d.body }));
  const set = new SegmentSet();
  set.addSegment(1, 'base', loadSegment(buildSegmentPayload(sessions, sessions.map((s) => s.id))));
  return set;
}

/** Each topic's candidates with their features, ranked as `oursEngine` ranks (the text as it reads it: title and body). */
function listsOf(name: string, docs: CorpusDoc[], topics: Topic[], metric: RankList['metric'], set = buildSet(docs)): RankList[] {
  const kept = metric === 'ap' ? 100 : 10;
  const words = new Map<number, ParagraphWords>();
  const titles = new Map<number, ParagraphWords | null>();
  return topics.map((topic) => {
    const parsed = parseQuery(topic.query, { prefixLast: false });
    const result = set.search(parsed, { limit: Math.max(kept, candidates), offset: 0 });
    const facts = queryFacts(parsed, result.terms, result.tokens);
    const best = result.hits[0]?.score ?? 0;
    const relevant = (id: number) => (topic.relevant.has(docs[id - 1]?.id ?? '') ? 1 : 0);
    const head = result.hits.slice(0, candidates);
    const feats = head.map((h) => {
      const d = docs[h.session.id - 1];
      if (!words.has(h.session.id)) words.set(h.session.id, paragraphWords(`${d?.title ?? ''}\n\n${d?.body ?? ''}`));
      if (!titles.has(h.session.id)) titles.set(h.session.id, d?.title ? paragraphWords(d.title) : null);
      const all = hitFeatures(facts, [words.get(h.session.id) ?? paragraphWords('')], titles.get(h.session.id) ?? null, h.score, best);
      return use.map((k) => all[k] ?? 0);
    });
    return { set: name, rel: head.map((h) => relevant(h.session.id)), feats, relevant: topic.relevant.size, rest: result.hits.slice(candidates, kept).map((h) => relevant(h.session.id)), metric };
  });
}

const started = performance.now();
const lists: RankList[] = [];
for (const split of ['train', 'dev'] as const) {
  const { docs, topics } = readParsinlu(split);
  lists.push(...listsOf(`parsinlu-${split}`, docs, topics, 'rr'));
}
const hamshahri = readHamshahri();
const { tuning } = splitTopics(hamshahri.topics, HAMSHAHRI_SPLIT_SEED);
lists.push(...listsOf('hamshahri-tuning', hamshahri.docs, tuning.map((t) => ({ ...t, query: asTypedOnPersianKeyboard(t.query) })), 'ap'));
const known = knownItemSet(readFarsNews(), 200);
const knownSet = buildSet(known.docs);
for (const kind of KNOWN_ITEM_KINDS) lists.push(...listsOf(`known: ${kind}`, known.docs, known.topics.get(kind) ?? [], 'rr', knownSet));
process.stderr.write(`candidates read in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

const sets = [...new Set(lists.map((l) => l.set))];
const bySet = (name: string) => lists.filter((l) => l.set === name);
const trainLists = lists.filter((l) => trainSets.includes(l.set));
const extra = trainLists.filter((l) => l.set !== 'parsinlu-train');
const handSet = names.map((n) => (n === 'score' ? 1 : n === 'phrases' ? 0.5 : 0));
const options = { prior: handSet, depth };
const algorithms: Array<[string, (l: RankList[]) => number[]]> = [
  ['listwise softmax', (l) => trainSoftmax(l, options)],
  ['pairwise logistic', (l) => trainPairwise(l, options)],
  ['coordinate ascent', (l) => trainCoordinateAscent(l, { ...options, fixed: new Set(names.flatMap((n, k) => (n === 'score' ? [k] : []))) })],
];

console.log(`| ranking (depth ${depth}) | ParsiNLU train | train, 5-fold CV | ${sets.filter((s) => s !== 'parsinlu-train').join(' | ')} |`);
console.log(`|---|---|---|${sets.filter((s) => s !== 'parsinlu-train').map(() => '---').join('|')}|`);
const row = (label: string, w: number[] | null, cv: string) =>
  console.log(`| ${label} | ${meanMetric(bySet('parsinlu-train'), w, depth).toFixed(4)} | ${cv} | ${sets.filter((s) => s !== 'parsinlu-train').map((s) => meanMetric(bySet(s), w, depth).toFixed(4)).join(' | ')} |`);
row('first stage, not re-ordered', null, '—');
row('hand-set (score + 0.5 × phrases)', handSet, '—');
for (const [label, train] of algorithms) {
  const w = train(trainLists);
  const cv = crossValidate(bySet('parsinlu-train'), 5, train, depth, extra);
  row(`${label}, trained on ${trainSets.join(' + ')}`, w, cv.toFixed(4));
  console.log(`|  weights: ${names.map((n, k) => `${n} ${(w[k] ?? 0).toFixed(2)}`).join(', ')} |`);
}
console.log(`\n(tuning sets only; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
