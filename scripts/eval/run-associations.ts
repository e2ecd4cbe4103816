/**
 * `npx tsx scripts/eval/run-associations.ts [-- --round 1|2|3|4|5|6|why] [--sets parsinlu,hamshahri,known] [--variants PREFIX,…] [--cache DIR]`:
 * issue 15's seventh round, term associations learned without labels and a translation model, each
 * added for a query word as extra low-weight clauses (as derivational relatives are), measured on the
 * **tuning sets only**: ParsiNLU train (and, for the translation model, its 5-fold cross-validation
 * by question) and dev, Hamshahri's tuning half (keyboard topics, MAP@100) and the Fars News
 * known-item set by kind. It never reads ParsiNLU eval, Hamshahri's held-out topics or reserved
 * articles (the news text is `readSourceDocuments`, which leaves them out). Nothing reaches the
 * service: the associates are added by wrapping `SegmentSet`'s clause expansion in this process.
 * Rounds: 1 the families (news second / first order, learned from the split's own passages, an IBM-1 translation
 * model with 5-fold CV); 2 the grid around round 1's best; 3 the best on every set and their CPU cost; 4 associates
 * chosen by the whole question; 5 truncated-SVD vectors; 6 a title → body translation model of the news; `why` which train questions move and whether a missing
 * word's associates are in its answer. `--sets` adds Hamshahri's tuning half and the known-item set to ParsiNLU
 * train and dev; the analysed news text is cached in `--cache` (default /tmp/neshast-assoc).
 * Results: docs/notes/search-issue-15.md, seventh round (nothing cleared the bar; nothing kept).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argValue } from '../cli';
import { asTypedOnPersianKeyboard, readFarsNews, readHamshahri, readParsinlu, type CorpusDoc, type Topic } from './corpora';
import { corporaDir, requireCorpora } from './corpora-dir';
import { KNOWN_ITEM_KINDS, knownItemSet } from './known-item';
import { averagePrecision, mean, reciprocalRank } from './metrics';
import { HAMSHAHRI_SPLIT_SEED, splitTopics } from './topic-split';
import { CooccurrenceModel, SvdEmbedding, ibmModel1, type Associate, type CooccurrenceOptions, DEFAULT_COOCCURRENCE } from './term-associations';
import { readSourceDocuments } from '../directive-corpus/sources';
import { analyzePersian } from '../../server/persian/analyze';
import { parseQuery, type ParsedQuery } from '../../server/search/query';
import { buildSegmentPayload, loadSegment } from '../../server/search/segment';
import { SegmentSet } from '../../server/search/segment-set';
import { matchSession } from '../../server/search/highlight';
import { DEFAULT_PROXIMITY, rerankByProximity } from '../../server/search/proximity';

requireCorpora('eval-associations', ['hamshahri', 'parsinlu-rc', 'farsnews']);
const argv = process.argv.slice(2);
const sets = (argValue(argv, '--sets') ?? 'parsinlu').split(',');
const only = argValue(argv, '--variants')?.split(',');
const CACHE = argValue(argv, '--cache') ?? '/tmp/neshast-assoc';
mkdirSync(CACHE, { recursive: true });

// ── the expansion under test, applied inside SegmentSet's clause expansion ──
interface Expansion {
  label: string;
  /** Associates of a query word's term (the query's other terms given, for query-level choice). */
  lookup: ((term: string, query: readonly string[]) => Associate[]) | null;
  weight: number;
  /** Only for a word in at most this share of the searched sessions (derivation's 5 % rule). */
  maxShare: number;
  /** Boost × score / the word's best score, rather than flat. */
  scaled: boolean;
  /** Left out of the result's terms (not highlighted, not in the page's phrase reward). */
  hidden: boolean;
}
let active: Expansion | null = null;
const addedTerms = new Set<string>();
type ClauseLike = { term: string; boost: number; word: number };
interface Internals {
  clauses(query: ParsedQuery, splits?: Map<string, string[]>): ClauseLike[];
  documentFrequency(term: string): number;
  sessionCount(): number;
}
const proto = SegmentSet.prototype as unknown as Internals;
const originalClauses = proto.clauses;
proto.clauses = function (this: Internals, query: ParsedQuery, splits?: Map<string, string[]>): ClauseLike[] {
  const out = originalClauses.call(this, query, splits);
  const e = active;
  if (!e?.lookup || e.weight <= 0) return out;
  const present = new Set(out.map((c) => c.term));
  const sessions = this.sessionCount();
  for (const [w, word] of query.words.entries()) {
    if (this.documentFrequency(word.stem) > e.maxShare * sessions) continue;
    const found = e.lookup(word.stem, query.words.map((x) => x.stem));
    const top = found[0]?.score ?? 0;
    for (const a of found) {
      if (present.has(a.term) || this.documentFrequency(a.term) === 0) continue;
      present.add(a.term);
      addedTerms.add(a.term);
      out.push({ term: a.term, boost: e.weight * (e.scaled && top > 0 ? a.score / top : 1), word: w < 31 ? w : -1 });
    }
  }
  return out;
};

/** Ours as `oursEngine` builds and searches it (page of 10 re-ordered by phrases). */
function engineOver(docs: CorpusDoc[]): (query: string, k: number) => string[] {
  const sessions = docs.map((d, i) => ({ id: i + 1, slug: d.id, title: d.title, kind: 'news', heldOn: null, speakers: [], contentHash: '', heading: d.title, body: d.body }));
  const set = new SegmentSet();
  set.addSegment(1, 'base', loadSegment(buildSegmentPayload(sessions, sessions.map((s) => s.id))));
  const texts = docs.map((d) => `${d.title}\n\n${d.body}`);
  return (query, k) => {
    addedTerms.clear();
    const parsed = parseQuery(query, { prefixLast: false });
    const result = set.search(parsed, { limit: k, offset: 0 });
    const terms = active?.hidden ? result.terms.filter((t) => !addedTerms.has(t.term)) : result.terms;
    const page = result.hits.slice(0, 10);
    const held = page.map((h) => matchSession([{ ordinal: 0, text: texts[h.session.id - 1] ?? '', speaker: null }], terms, 1, result.tokens));
    const ranked = [...rerankByProximity(page, held, terms, parsed.words.map((w) => w.stem), DEFAULT_PROXIMITY), ...result.hits.slice(10)];
    return ranked.map((h) => docs[h.session.id - 1]?.id ?? '');
  };
}

// ── text for learning: news (Hamshahri + Fars News, reserved left out), and a ParsiNLU split's passages ──
const termsOf = (text: string) => analyzePersian(text).terms.map((t) => t.term);
function paragraphs(text: string): string[][] {
  return text.split(/\n\s*\n/).map(termsOf).filter((s) => s.length > 1);
}
function newsSequences(): string[][] {
  const file = join(CACHE, 'news-terms.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[][];
  const started = performance.now();
  const out: string[][] = [];
  for (const d of readSourceDocuments(corporaDir())) out.push(...paragraphs(d.text));
  writeFileSync(file, JSON.stringify(out));
  process.stderr.write(`news analysed: ${out.length} paragraphs in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return out;
}
const passageSequences = (docs: CorpusDoc[]) => docs.flatMap((d) => paragraphs(d.body));

const memo = (f: (t: string) => Associate[]) => {
  const m = new Map<string, Associate[]>();
  return (t: string) => {
    let v = m.get(t);
    if (!v) m.set(t, (v = f(t)));
    return v;
  };
};
/** Associates from a co-occurrence model: `order` 2 nearest neighbours, 1 first-order partners; top n at score ≥ theta. */
function fromModel(model: CooccurrenceModel, order: 1 | 2, n: number, theta: number, mutual = 0): (t: string) => Associate[] {
  const all = memoFor(model, order);
  // mutual k: keep an associate only if the word is among the associate's own k nearest.
  return (t) => all(t).filter((a) => a.score >= theta && (mutual === 0 || all(a.term).slice(0, mutual).some((b) => b.term === t))).slice(0, n);
}
const memos = new Map<CooccurrenceModel, Map<number, (t: string) => Associate[]>>();
/** A model's 10 best associates of a term, computed once. */
function memoFor(model: CooccurrenceModel, order: 1 | 2): (t: string) => Associate[] {
  let byOrder = memos.get(model);
  if (!byOrder) memos.set(model, (byOrder = new Map()));
  let f = byOrder.get(order);
  if (!f) byOrder.set(order, (f = memo((t) => (order === 2 ? model.neighbours(t, 10) : model.partners(t, 10)))));
  return f;
}

// ── measuring ──
const parsinlu = { train: readParsinlu('train'), dev: readParsinlu('dev') };
const rrOver = (search: (q: string, k: number) => string[], topics: Topic[]) => topics.map((t) => reciprocalRank(search(t.query, 10), t.relevant, 10));

interface Row { label: string; cells: Record<string, number> }
const rows: Row[] = [];
function print(row: Row): void {
  rows.push(row);
  console.log(`| ${row.label} | ${Object.entries(row.cells).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(' / ')} |`);
}

const engines = {
  train: engineOver(parsinlu.train.docs),
  dev: engineOver(parsinlu.dev.docs),
};
let hamshahriEngine: ((q: string, k: number) => string[]) | null = null;
let hamshahriTopics: Topic[] = [];
let knownEngine: ((q: string, k: number) => string[]) | null = null;
let knownTopics = new Map<string, Topic[]>();
if (sets.includes('hamshahri')) {
  const h = readHamshahri();
  hamshahriEngine = engineOver(h.docs);
  hamshahriTopics = splitTopics(h.topics, HAMSHAHRI_SPLIT_SEED).tuning.map((t) => ({ ...t, query: asTypedOnPersianKeyboard(t.query) }));
}
if (sets.includes('known')) {
  const k = knownItemSet(readFarsNews(), 200);
  knownEngine = engineOver(k.docs);
  knownTopics = k.topics;
}

/** One variant on every set asked for; per split, the lookup may depend on the split (learned from its own passages). */
function measure(label: string, make: (split: 'train' | 'dev' | 'hamshahri' | 'known') => Expansion | null): void {
  if (only && !only.some((o) => label.startsWith(o))) return;
  const started = performance.now();
  const cells: Record<string, number> = {};
  active = make('train');
  const trainRr = rrOver(engines.train, parsinlu.train.topics);
  cells['train'] = mean(trainRr);
  cells['train even'] = mean(trainRr.filter((_, i) => i % 2 === 0));
  cells['train odd'] = mean(trainRr.filter((_, i) => i % 2 === 1));
  active = make('dev');
  cells['dev'] = mean(rrOver(engines.dev, parsinlu.dev.topics));
  if (hamshahriEngine) {
    active = make('hamshahri');
    const search = hamshahriEngine;
    cells['hamshahri'] = mean(hamshahriTopics.map((t) => averagePrecision(search(t.query, 100), t.relevant, 100)));
  }
  if (knownEngine) {
    active = make('known');
    const search = knownEngine;
    for (const kind of KNOWN_ITEM_KINDS) cells[kind] = mean(rrOver(search, knownTopics.get(kind) ?? []));
  }
  active = null;
  print({ label: `${label} (${((performance.now() - started) / 1000).toFixed(0)} s)`, cells });
}

const started = performance.now();
measure('baseline', () => null);

const news = newsSequences();
const opts = (o: Partial<CooccurrenceOptions>): CooccurrenceOptions => ({ ...DEFAULT_COOCCURRENCE, ...o });
const t0 = performance.now();
const newsModel = new CooccurrenceModel(news, opts({}));
process.stderr.write(`news model: ${newsModel.terms.length} targets × ${newsModel.contextTerms.length} contexts, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

// Sample associates, to read (never from eval).
const samples = ['حیوان', 'حیوانات', 'جانور', 'پاسپورت', 'گذرنامه', 'چاقی', 'وزن', 'کودک', 'بچه', 'دارو', 'انقراض', 'منقرض', 'آلودگی'];
for (const w of samples.map((x) => analyzePersian(x).terms[0]?.term ?? x)) {
  process.stderr.write(`${w}: 2nd ${newsModel.neighbours(w, 5).map((a) => `${a.term} ${a.score.toFixed(2)}`).join('، ')} | 1st ${newsModel.partners(w, 5).map((a) => `${a.term} ${a.score.toFixed(2)}`).join('، ')}\n`);
}

const base = { maxShare: 0.05, scaled: false, hidden: false };
const grid = (prefix: string, lookupFor: (split: 'train' | 'dev' | 'hamshahri' | 'known') => Expansion['lookup'], weights: number[], extra: Partial<Expansion> = {}) => {
  for (const weight of weights) measure(`${prefix} w ${weight}`, (split) => ({ label: '', lookup: lookupFor(split), weight, ...base, ...extra }));
};

const round = argValue(argv, '--round') ?? '1';
if (round === '1') {
  // A. Learned from the news text (Hamshahri + Fars News), second order (distributional neighbours).
  for (const [n, theta] of [[2, 0.3], [3, 0.2], [3, 0.3], [5, 0.2]] as const) {
    const lookup = fromModel(newsModel, 2, n, theta);
    grid(`A news 2nd n ${n} θ ${theta}`, () => lookup, [0.05, 0.1, 0.15, 0.2]);
    grid(`A news 2nd n ${n} θ ${theta} scaled`, () => lookup, [0.1, 0.2], { scaled: true });
    grid(`A news 2nd n ${n} θ ${theta} hidden`, () => lookup, [0.1, 0.2], { hidden: true });
    grid(`A news 2nd n ${n} θ ${theta} share 2%`, () => lookup, [0.1, 0.2], { maxShare: 0.02 });
  }
  // B. First order (words seen beside it), scores are normalised PPMI (≈ 0.1–0.2 at best).
  for (const [n, theta] of [[2, 0.1], [3, 0.1], [3, 0.15], [5, 0.08]] as const) {
    const lookup = fromModel(newsModel, 1, n, theta);
    grid(`B news 1st n ${n} θ ${theta}`, () => lookup, [0.1, 0.2, 0.3]);
  }
  // C. Learned from the indexed collection (product-honest): a ParsiNLU split's own passages, alone or with the news.
  const models = new Map<string, { own: CooccurrenceModel; pooled: CooccurrenceModel }>();
  for (const split of ['train', 'dev'] as const) {
    const own = passageSequences(parsinlu[split].docs);
    models.set(split, { own: new CooccurrenceModel(own, opts({ minCount: 3, contexts: 2000 })), pooled: new CooccurrenceModel([...news, ...own], opts({})) });
  }
  for (const [n, theta] of [[2, 0.3], [3, 0.2]] as const) {
    for (const which of ['own', 'pooled'] as const) {
      const lookups = new Map([...models].map(([k, m]) => [k, fromModel(m[which], 2, n, theta)]));
      const newsLookup = fromModel(newsModel, 2, n, theta);
      grid(`C ${which} 2nd n ${n} θ ${theta}`, (split) => lookups.get(split) ?? newsLookup, [0.05, 0.1, 0.2]);
    }
  }
  // D. A translation model from ParsiNLU train's question → passage pairs; train scored by 5-fold CV by question.
  const pairsOf = (topics: Topic[], docs: CorpusDoc[]) => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    return topics.map((t) => ({
      source: [...new Set(parseQuery(t.query, { prefixLast: false }).words.map((w) => w.stem))],
      target: termsOf(byId.get([...t.relevant][0] ?? '')?.body ?? ''),
    }));
  };
  const pairs = pairsOf(parsinlu.train.topics, parsinlu.train.docs);
  const tableLookup = (train: typeof pairs, n: number, theta: number, minQuestions: number) => {
    const table = ibmModel1(train, 5);
    const seen = new Map<string, number>();
    for (const p of train) for (const s of p.source) seen.set(s, (seen.get(s) ?? 0) + 1);
    return memo((s) => {
      if ((seen.get(s) ?? 0) < minQuestions) return [];
      return [...(table.get(s) ?? new Map<string, number>())].filter(([w, pr]) => w !== s && pr >= theta).sort((a, b) => b[1] - a[1]).slice(0, n).map(([term, score]) => ({ term, score }));
    });
  };
  const folds = 5;
  for (const [n, theta, minQ] of [[2, 0.02, 2], [3, 0.01, 2], [3, 0.05, 2], [3, 0.02, 3], [5, 0.01, 2]] as const) {
    const foldLookups = Array.from({ length: folds }, (_, f) => tableLookup(pairs.filter((_, i) => i % folds !== f), n, theta, minQ));
    const full = tableLookup(pairs, n, theta, minQ);
    for (const weight of [0.05, 0.1, 0.2, 0.3]) {
      const label = `D translation n ${n} θ ${theta} seen ≥ ${minQ} w ${weight}`;
      if (only && !only.some((o) => label.startsWith(o))) continue;
      const cells: Record<string, number> = {};
      const rr: number[] = [];
      parsinlu.train.topics.forEach((t, i) => {
        active = { label, lookup: foldLookups[i % folds] ?? null, weight, ...base };
        rr.push(reciprocalRank(engines.train(t.query, 10), t.relevant, 10));
      });
      active = { label, lookup: full, weight, ...base };
      cells['train in-sample'] = mean(rrOver(engines.train, parsinlu.train.topics));
      cells['train CV'] = mean(rr);
      cells['dev'] = mean(rrOver(engines.dev, parsinlu.dev.topics));
      if (hamshahriEngine) {
        const search = hamshahriEngine;
        cells['hamshahri'] = mean(hamshahriTopics.map((t) => averagePrecision(search(t.query, 100), t.relevant, 100)));
      }
      if (knownEngine) {
        const search = knownEngine;
        for (const kind of KNOWN_ITEM_KINDS) cells[kind] = mean(rrOver(search, knownTopics.get(kind) ?? []));
      }
      active = null;
      print({ label, cells });
    }
  }
}
if (round === '2') {
  // Around the best of round 1 (news, second order, n 3, θ 0.2, words in ≤ 2 % of sessions, w 0.2).
  for (const share of [0.01, 0.015, 0.02, 0.03]) {
    for (const [n, theta] of [[2, 0.2], [3, 0.2], [3, 0.25], [4, 0.2]] as const) {
      const lookup = fromModel(newsModel, 2, n, theta);
      grid(`E news 2nd share ${share} n ${n} θ ${theta}`, () => lookup, [0.15, 0.2, 0.3], { maxShare: share });
    }
  }
  for (const mutual of [5, 10]) {
    const lookup = fromModel(newsModel, 2, 3, 0.2, mutual);
    grid(`F news 2nd mutual ${mutual} share 0.02 n 3 θ 0.2`, () => lookup, [0.2, 0.3], { maxShare: 0.02 });
    grid(`F news 2nd mutual ${mutual} share 0.05 n 3 θ 0.2`, () => lookup, [0.2, 0.3], { maxShare: 0.05 });
  }
  for (const [window, contexts] of [[2, 3000], [5, 6000], [10, 3000]] as const) {
    const model = new CooccurrenceModel(news, opts({ window, contexts }));
    const lookup = fromModel(model, 2, 3, 0.2);
    grid(`G news window ${window} contexts ${contexts} share 0.02 n 3 θ 0.2`, () => lookup, [0.2], { maxShare: 0.02 });
  }
}
if (round === '3') {
  // The best-looking of rounds 1–2 on every tuning set, and their cost in CPU (warm: associates memoised, as a shipped table would be).
  const configs: Array<[string, number, number, number, number]> = [
    ['H news 2nd share 0.02 n 3 θ 0.2 w 0.2', 0.02, 3, 0.2, 0.2],
    ['H news 2nd share 0.015 n 2 θ 0.2 w 0.2', 0.015, 2, 0.2, 0.2],
    ['H news 2nd share 0.05 n 3 θ 0.2 w 0.2', 0.05, 3, 0.2, 0.2],
  ];
  for (const [label, share, n, theta, weight] of configs) {
    const lookup = fromModel(newsModel, 2, n, theta);
    measure(label, () => ({ label, lookup, weight, ...base, maxShare: share }));
  }
  const cpu = (search: (q: string, k: number) => string[], queries: string[], k: number) => {
    for (const q of queries) search(q, k);
    let best = Infinity;
    for (let pass = 0; pass < 5; pass++) {
      const before = process.cpuUsage();
      for (const q of queries) search(q, k);
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 1000 / queries.length);
    }
    return best;
  };
  const [, share, n, theta, weight] = configs[0] ?? ['', 0, 0, 0, 0];
  const lookup = fromModel(newsModel, 2, n, theta);
  for (const [name, search, queries, k] of [
    ['ParsiNLU train', engines.train, parsinlu.train.topics.map((t) => t.query), 10],
    ...(hamshahriEngine ? [['Hamshahri tuning', hamshahriEngine, hamshahriTopics.map((t) => t.query), 100] as const] : []),
    ...(knownEngine ? [['known-item as typed', knownEngine, (knownTopics.get('as typed') ?? []).map((t) => t.query), 10] as const] : []),
  ] as const) {
    for (let rep = 0; rep < 2; rep++) {
      active = null;
      const off = cpu(search, [...queries], k);
      active = { label: 'cpu', lookup, weight, ...base, maxShare: share };
      const on = cpu(search, [...queries], k);
      active = null;
      console.log(`| CPU per search (page re-ordering included), ${name}, best of 5 passes | off ${off.toFixed(3)} ms / on ${on.toFixed(3)} ms (${(((on - off) / off) * 100).toFixed(1)} %) |`);
    }
  }
}
if (round === 'why') {
  // Why it moves little, read from ParsiNLU train only: which questions the best variant moves, and whether a missing
  // query word's associates are in the answer passage or in the passage ranked above it.
  const lookup = fromModel(newsModel, 2, 3, 0.2);
  const expansion: Expansion = { label: 'why', lookup, weight: 0.2, ...base, maxShare: 0.02 };
  const { docs, topics } = parsinlu.train;
  const held = new Map(docs.map((d) => [d.id, new Set(termsOf(d.body))]));
  let up = 0, down = 0, missing = 0, withAssociate = 0, inAnswer = 0, inFirst = 0, words = 0, expanded = 0;
  const examples: string[] = [];
  topics.forEach((t) => {
    active = null;
    const before = engines.train(t.query, 10);
    active = expansion;
    const after = engines.train(t.query, 10);
    active = null;
    const answer = [...t.relevant][0] ?? '';
    const a = reciprocalRank(before, t.relevant, 10);
    const b = reciprocalRank(after, t.relevant, 10);
    if (b > a) up++;
    if (b < a) down++;
    const first = before[0] === answer ? null : held.get(before[0] ?? '');
    for (const w of parseQuery(t.query, { prefixLast: false }).words) {
      words++;
      const assoc = lookup(w.stem);
      if (assoc.length > 0) expanded++;
      if (held.get(answer)?.has(w.stem)) continue;
      missing++;
      if (assoc.length === 0) continue;
      withAssociate++;
      if (assoc.some((x) => held.get(answer)?.has(x.term))) inAnswer++;
      if (first && assoc.some((x) => first.has(x.term))) inFirst++;
    }
    if (b !== a && examples.length < 24) {
      const ws = parseQuery(t.query, { prefixLast: false }).words.map((w) => `${w.stem}→${lookup(w.stem).map((x) => x.term).join('/') || '∅'}`);
      examples.push(`${b > a ? 'up' : 'down'} ${a.toFixed(2)}→${b.toFixed(2)}: ${ws.join(' ')}`);
    }
  });
  console.log(`| questions up / down (share 0.02, n 3, θ 0.2, w 0.2) | ${up} / ${down} of ${topics.length} |`);
  console.log(`| query words with associates (any rarity) | ${expanded} of ${words} |`);
  console.log(`| query words missing from the answer passage / with associates / an associate in the answer / in the passage wrongly first | ${missing} / ${withAssociate} / ${inAnswer} / ${inFirst} |`);
  for (const e of examples) console.log(`  ${e}`);
}
if (round === '4') {
  // Query-level choice (Qiu & Frei's concept-based expansion): among a word's 10 nearest, those nearest the whole
  // query (mean cosine to every query term the model knows), so a topical sibling of one word (فروردین → اسفند)
  // is left out unless the rest of the question points to it.
  const near = memoFor(newsModel, 2);
  const pair = new Map<string, number>();
  const sim = (a: string, b: string) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let v = pair.get(key);
    if (v === undefined) pair.set(key, (v = newsModel.similarity(a, b)));
    return v;
  };
  const queryLevel = (n: number, theta: number, minQuery: number) => (term: string, query: readonly string[]): Associate[] => {
    const known = [...new Set(query)].filter((q) => newsModel.targetOf.has(q));
    if (known.length < 2) return near(term).filter((a) => a.score >= theta).slice(0, n);
    return near(term)
      .filter((a) => a.score >= theta)
      .map((a) => ({ term: a.term, score: known.reduce((s, q) => s + (q === term ? a.score : sim(a.term, q)), 0) / known.length }))
      .filter((a) => a.score >= minQuery)
      .sort((x, y) => y.score - x.score)
      .slice(0, n);
  };
  for (const share of [0.015, 0.02, 0.05]) {
    for (const [n, theta, minQuery] of [[2, 0.2, 0], [3, 0.2, 0], [2, 0.2, 0.15], [3, 0.2, 0.15], [2, 0.2, 0.2]] as const) {
      const lookup = queryLevel(n, theta, minQuery);
      grid(`I query-level share ${share} n ${n} θ ${theta} query ≥ ${minQuery}`, () => lookup, [0.15, 0.2, 0.3], { maxShare: share });
    }
  }
}
if (round === '5') {
  // Dense vectors: truncated SVD of the news PPMI rows (rank 100 / 300, σ^0.5), a word's nearest by cosine.
  for (const rank of [100, 300]) {
    const t1 = performance.now();
    const svd = new SvdEmbedding(newsModel, rank, 0.5);
    process.stderr.write(`svd rank ${rank}: ${((performance.now() - t1) / 1000).toFixed(0)} s\n`);
    for (const w of ['حیوان', 'جانور', 'گذرنامه', 'چاقی', 'کودک', 'انقراض', 'فروردین'].map((x) => analyzePersian(x).terms[0]?.term ?? x)) {
      process.stderr.write(`${w}: svd ${svd.neighbours(w, 5).map((a) => `${a.term} ${a.score.toFixed(2)}`).join('، ')}\n`);
    }
    const near = memo((t) => svd.neighbours(t, 10));
    for (const [n, theta] of [[2, 0.5], [3, 0.5], [2, 0.6], [3, 0.4]] as const) {
      const lookup = (t: string) => near(t).filter((a) => a.score >= theta).slice(0, n);
      for (const share of [0.015, 0.02, 0.05]) grid(`J svd ${rank} share ${share} n ${n} θ ${theta}`, () => lookup, [0.1, 0.2, 0.3], { maxShare: share });
    }
  }
}
if (round === '6') {
  // A translation model without labels: each news article's title → its body (Berger & Lafferty's synthetic
  // queries), IBM model 1; no ParsiNLU text, so no cross-validation is needed.
  const t1 = performance.now();
  const pairs: Array<{ source: string[]; target: string[] }> = [];
  for (const d of readSourceDocuments(corporaDir())) {
    const [title = '', ...rest] = d.text.split(/\n\s*\n/);
    const source = [...new Set(termsOf(title))];
    const target = termsOf(rest.join('\n\n')).slice(0, 300);
    if (source.length > 0 && target.length > 0) pairs.push({ source, target });
  }
  const table = ibmModel1(pairs, 5);
  const seen = new Map<string, number>();
  for (const p of pairs) for (const w of p.source) seen.set(w, (seen.get(w) ?? 0) + 1);
  process.stderr.write(`title → body model: ${pairs.length} pairs, ${((performance.now() - t1) / 1000).toFixed(0)} s\n`);
  const lookupOf = (n: number, theta: number, minTitles: number) =>
    memo((w) => ((seen.get(w) ?? 0) < minTitles ? [] : [...(table.get(w) ?? new Map<string, number>())].filter(([x, pr]) => x !== w && pr >= theta).sort((a, b) => b[1] - a[1]).slice(0, n).map(([term, score]) => ({ term, score }))));
  for (const w of ['حیوان', 'جانور', 'گذرنامه', 'چاقی', 'کودک', 'انقراض', 'فروردین'].map((x) => analyzePersian(x).terms[0]?.term ?? x)) {
    process.stderr.write(`${w}: title→body ${lookupOf(5, 0, 1)(w).map((a) => `${a.term} ${a.score.toFixed(3)}`).join('، ')}\n`);
  }
  for (const [n, theta, minTitles] of [[2, 0.02, 3], [3, 0.02, 3], [3, 0.05, 3], [3, 0.01, 5]] as const) {
    const lookup = lookupOf(n, theta, minTitles);
    for (const share of [0.015, 0.05]) grid(`K title→body n ${n} θ ${theta} titles ≥ ${minTitles} share ${share}`, () => lookup, [0.1, 0.2, 0.3], { maxShare: share });
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
