/**
 * `npx tsx scripts/eval-associations.ts [-- --sets parsinlu,hamshahri,known] [--variants NAME,…]`:
 * issue 15's seventh round, term associations learned without labels and a translation model, each
 * added for a query word as extra low-weight clauses (as derivational relatives are), measured on the
 * **tuning sets only**: ParsiNLU train (and, for the translation model, its 5-fold cross-validation
 * by question) and dev, Hamshahri's tuning half (keyboard topics, MAP@100) and the Fars News
 * known-item set by kind. It never reads ParsiNLU eval, Hamshahri's held-out topics or reserved
 * articles (the news text is `readSourceDocuments`, which leaves them out). Nothing reaches the
 * service: the associates are added by wrapping `SegmentSet`'s clause expansion in this process.
 * Results: docs/notes/search-issue-15.md, seventh round.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argValue } from './cli';
import { asTypedOnPersianKeyboard, readFarsNews, readHamshahri, readParsinlu, type CorpusDoc, type Topic } from './eval/corpora';
import { corporaDir, requireCorpora } from './eval/corpora-dir';
import { KNOWN_ITEM_KINDS, knownItemSet } from './eval/known-item';
import { averagePrecision, mean, reciprocalRank } from './eval/metrics';
import { HAMSHAHRI_SPLIT_SEED, splitTopics } from './eval/topic-split';
import { CooccurrenceModel, ibmModel1, type Associate, type CooccurrenceOptions, DEFAULT_COOCCURRENCE } from './eval/term-associations';
import { readSourceDocuments } from './directive-corpus/sources';
import { analyzePersian } from '../server/persian/analyze';
import { parseQuery, type ParsedQuery } from '../server/search/query';
import { buildSegmentPayload, loadSegment } from '../server/search/segment';
import { SegmentSet } from '../server/search/segment-set';
import { matchSession } from '../server/search/highlight';
import { DEFAULT_PROXIMITY, rerankByProximity } from '../server/search/proximity';

requireCorpora('eval-associations', ['hamshahri', 'parsinlu-rc', 'farsnews']);
const argv = process.argv.slice(2);
const sets = (argValue(argv, '--sets') ?? 'parsinlu').split(',');
const only = argValue(argv, '--variants')?.split(',');
const CACHE = argValue(argv, '--cache') ?? '/tmp/neshast-assoc';
mkdirSync(CACHE, { recursive: true });

// ── the expansion under test, applied inside SegmentSet's clause expansion ──
interface Expansion {
  label: string;
  /** Associates of a query word's term. */
  lookup: ((term: string) => Associate[]) | null;
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
    const found = e.lookup(word.stem);
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
function fromModel(model: CooccurrenceModel, order: 1 | 2, n: number, theta: number): (t: string) => Associate[] {
  const all = memo((t) => (order === 2 ? model.neighbours(t, 5) : model.partners(t, 5)));
  return (t) => all(t).filter((a) => a.score >= theta).slice(0, n);
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
  cells['train'] = mean(rrOver(engines.train, parsinlu.train.topics));
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

const flat = { maxShare: 0.05, scaled: false, hidden: false };
for (const order of [2, 1] as const) {
  for (const [n, theta] of [[1, 0.3], [2, 0.3], [3, 0.2], [1, 0.4], [3, 0.4]] as const) {
    const lookup = fromModel(newsModel, order, n, theta);
    for (const weight of [0.1, 0.2, 0.3, 0.5]) {
      measure(`news ${order === 2 ? '2nd' : '1st'} order n ${n} θ ${theta} w ${weight}`, () => ({ label: '', lookup, weight, ...flat }));
    }
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
