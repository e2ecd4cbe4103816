/**
 * @module What a hit's text holds of the query, as numbers a learned re-ranking weighs (issue 15,
 * sixth round; `npm run train:ranking`): how much of the query (by idf) it holds exactly, as typed,
 * by a typo or a derived relative; its words side by side and in order; how close together; numbers;
 * the title; what a question asks for (چه سالی، چند، چرا …) crossed with cues of such an answer.
 * Read from the analysed words the page reads for snippets (server/search/paragraph-words.ts). Not
 * used by the service: no learned combination beat the hand-set re-ordering (docs/notes/search-issue-15.md).
 */
import type { MatchedTerm } from '../../server/search/engine';
import { wordPhraseKey, wordSurface, wordTerm, type ParagraphWords } from '../../server/search/paragraph-words';
import type { ParsedQuery } from '../../server/search/query';
import { termOf } from '../../server/persian/analyze';

/** How a term of the query stands for a query word. */
const EXACT = 1;
const DERIVED = 2;
const TYPO = 4;
const OTHER = 8;

/** The query, prepared once per search for every hit of the page. */
export interface QueryFacts {
  /** Keys (index term, or the word itself for a stop word) of every query token in order. */
  keys: string[];
  /** Per query word: its weight (its heaviest term's), surface, whether it is a number. */
  words: Array<{ weight: number; surface: string; number: boolean }>;
  /** Index term → the query words it stands for, with how (EXACT, DERIVED, TYPO, OTHER). */
  termWords: Map<string, Array<{ word: number; how: number }>>;
  /** Sum of the words' weights. */
  total: number;
  /** Adjacent query keys: first key → keys that may follow. */
  follows: Map<string, Set<string>>;
  /** Mean weight of the matched terms (the page re-ordering's unit). */
  unit: number;
  /** What the question asks for, if it reads as one. */
  asks: QuestionKind | null;
}

export type QuestionKind = 'year' | 'count' | 'why' | 'where' | 'who';

/** What a question asks for, from its normalised tokens (چه سالی، چند، چرا، کجا، چه کسی …). */
export function questionKind(tokens: readonly string[]): QuestionKind | null {
  const has = (w: string) => tokens.includes(w);
  const after = (first: readonly string[], next: readonly string[]) => tokens.some((t, i) => first.includes(t) && next.includes(tokens[i + 1] ?? ''));
  if (has('چرا') || after(['چه', 'به'], ['دلیل', 'علت', 'دلیلی', 'علتی'])) return 'why';
  if (after(['چه', 'کدام'], ['سال', 'سالی', 'قرن', 'قرنی', 'تاریخ', 'تاریخی', 'زمان', 'زمانی', 'دوره', 'دوره‌ای']) || has('کی')) return 'year';
  if (has('چند') || has('چقدر') || has('چقد') || after(['چه'], ['تعداد', 'مقدار', 'اندازه'])) return 'count';
  if (has('کجا') || has('کجاست') || has('کجای') || after(['کدام', 'چه'], ['کشور', 'کشوری', 'شهر', 'شهری', 'استان', 'قسمت', 'منطقه', 'مکان', 'مکانی', 'جا', 'جایی'])) return 'where';
  if (has('کیست') || has('کیستند') || after(['چه'], ['کسی', 'کسانی'])) return 'who';
  return null;
}

/** Words an answer to a «چرا» question tends to hold (stop words: not in the index, but in the text). */
const CAUSE_CUES = new Set(['زیرا', 'چون', 'چونکه', 'دلیل', 'علت', 'باعث', 'سبب', 'موجب', 'بنابراین', 'درنتیجه', 'عامل', 'عوامل', 'دلایل', 'علل']);
/** …to a «کجا» question. */
const PLACE_CUES = new Set(['شهر', 'استان', 'کشور', 'منطقه', 'واقع', 'شمال', 'جنوب', 'شرق', 'غرب', 'مرکز', 'جزیره', 'قاره']);
/** …to a «چند» question, besides digits. */
const COUNT_CUES = new Set(['هزار', 'میلیون', 'میلیارد', 'درصد', 'صد', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه', 'ده', 'نیم']);
/** …to a «چه کسی» question. */
const PERSON_CUES = new Set(['آقای', 'خانم', 'دکتر', 'نویسنده', 'کارگردان', 'بنیانگذار', 'متولد', 'رئیس', 'شاعر']);

export function queryFacts(query: ParsedQuery, terms: readonly MatchedTerm[], tokens: readonly string[]): QueryFacts {
  const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
  const termWords = new Map<string, Array<{ word: number; how: number }>>();
  const link = (term: string, word: number, how: number) => {
    if (!weightOf.has(term)) return;
    const list = termWords.get(term) ?? [];
    list.push({ word, how });
    termWords.set(term, list);
  };
  const words = query.words.map((w, i) => {
    link(w.stem, i, EXACT);
    for (const d of w.derived) link(d, i, DERIVED);
    for (const v of w.variants) link(v, i, TYPO);
    let weight = weightOf.get(w.stem) ?? 0;
    for (const d of w.derived) weight = Math.max(weight, weightOf.get(d) ?? 0);
    for (const v of w.variants) weight = Math.max(weight, weightOf.get(v) ?? 0);
    return { weight, surface: w.surface, number: /^\d+$/.test(w.surface) };
  });
  // Terms standing for no word as such (compound parts or joined forms, prefixes): the words whose surface starts with them.
  for (const t of terms) {
    if (termWords.has(t.term)) continue;
    query.words.forEach((w, i) => {
      if (w.surface.startsWith(t.term) || t.term.startsWith(w.stem)) link(t.term, i, OTHER);
    });
  }
  let total = 0;
  for (const w of words) total += w.weight;
  let unit = 0;
  for (const t of terms) unit += t.weight;
  unit = terms.length > 0 ? unit / terms.length : 0;
  const keys = tokens.map((t) => termOf(t) ?? t);
  const follows = new Map<string, Set<string>>();
  for (let i = 0; i + 1 < keys.length; i++) {
    const set = follows.get(keys[i] ?? '') ?? new Set<string>();
    set.add(keys[i + 1] ?? '');
    follows.set(keys[i] ?? '', set);
  }
  return { keys, words, termWords, total, follows, unit, asks: questionKind(tokens) };
}

/** The features of one hit, in FEATURE_NAMES order. */
export const FEATURE_NAMES = [
  'score', // its first-stage score / the page's best
  'phrases', // adjacent query words side by side (≤ 5) × unit / best score (the hand-set re-ordering's term)
  'exact', // share of the query's weight held by the word's own stem
  'typed', // … held as typed
  'derived', // … held only by a derived relative
  'typo', // … held only by a typo variant
  'other', // … held only by a compound part, joined form or prefix
  'missing', // … not held at all
  'pairs', // share of the query's adjacent pairs found side by side
  'run', // longest run of query tokens in order / query tokens (0 under 2)
  'cover', // share of the query's weight held in one paragraph
  'density', // words of the best paragraph / its smallest window holding them
  'tf', // Σ weight × log(1 + tf) / total
  'length', // log(1 + words in the matching paragraphs) / 10
  'numbers', // share of the query's numbers held
  'title', // share of the query's weight in the title
  'early', // 1 / (1 + position of the first query word held, in words / 10)
  'answerYear', // a year-like number, when the question asks when
  'answerCount', // a number, when it asks how many
  'answerCause', // a word of cause, when it asks why
  'answerPlace', // a word of place, when it asks where
  'answerPerson', // a word of person, when it asks who
  'heaviest', // the query's heaviest word held in any form
  'ql', // Dirichlet query likelihood (μ 200, a word's collection share from its idf) / words / 10
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Dirichlet smoothing of the query-likelihood feature, in words. */
const QL_MU = 200;

/** Most side-by-side matches counted per session (as the hand-set re-ordering). */
const MAX_PHRASES = 5;

/**
 * The features of a hit from its analysed paragraphs and title.
 *
 * @example
 * hitFeatures(facts, [paragraphWords(text)], paragraphWords(title), hit.score, best)
 */
export function hitFeatures(facts: QueryFacts, paragraphs: readonly ParagraphWords[], title: ParagraphWords | null, score: number, best: number): number[] {
  const n = facts.words.length;
  const how = new Uint8Array(n);
  const typed = new Uint8Array(n);
  const tf = new Float64Array(n);
  const q = facts.keys.length;
  let phrases = 0;
  const pairsSeen = new Set<string>();
  let run = 0;
  let cover = 0;
  let density = 0;
  let length = 0;
  const prevRun = new Int32Array(q);
  const curRun = new Int32Array(q);
  const lastAt = new Int32Array(n);
  let first = -1;
  let year = 0;
  let count = 0;
  let cause = 0;
  let place = 0;
  let person = 0;
  for (const p of paragraphs) {
    const { ids } = p;
    length += ids.length;
    lastAt.fill(-1);
    prevRun.fill(0);
    let heldHere = 0;
    let heldWeight = 0;
    let bestWindow = Infinity;
    let previous = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? -1;
      const key = wordPhraseKey(id);
      if (previous && facts.follows.get(previous)?.has(key)) {
        phrases++;
        pairsSeen.add(`${previous}|${key}`);
      }
      previous = key;
      if (facts.asks) {
        const surface = wordSurface(id);
        if (/^\d+$/.test(surface)) {
          count = 1;
          const v = Number(surface);
          if ((v >= 1000 && v <= 2100) || (v >= 1200 && v <= 1500)) year = 1;
        }
        if (COUNT_CUES.has(surface)) count = 1;
        if (CAUSE_CUES.has(surface)) cause = 1;
        if (PLACE_CUES.has(surface)) place = 1;
        if (PERSON_CUES.has(surface)) person = 1;
      }
      for (let j = 0; j < q; j++) curRun[j] = facts.keys[j] === key ? (j > 0 ? (prevRun[j - 1] ?? 0) : 0) + 1 : 0;
      for (let j = 0; j < q; j++) {
        const r = curRun[j] ?? 0;
        if (r > run) run = r;
        prevRun[j] = r;
      }
      const term = wordTerm(id);
      if (term === null) continue;
      const links = facts.termWords.get(term);
      if (!links) continue;
      const surface = wordSurface(id);
      if (first < 0) first = length - ids.length + i;
      for (const { word, how: h } of links) {
        how[word] = (how[word] ?? 0) | h;
        tf[word] = (tf[word] ?? 0) + 1;
        if (surface === facts.words[word]?.surface) typed[word] = 1;
        if ((lastAt[word] ?? -1) < 0) {
          heldHere++;
          heldWeight += facts.words[word]?.weight ?? 0;
        }
        lastAt[word] = i;
      }
      // The smallest window ending here that holds every word seen so far in this paragraph.
      if (heldHere >= 2) {
        let start = i;
        for (let w = 0; w < n; w++) if ((lastAt[w] ?? -1) >= 0 && (lastAt[w] ?? 0) < start) start = lastAt[w] ?? start;
        const window = i - start + 1;
        if (window < bestWindow) bestWindow = window;
      }
    }
    if (facts.total > 0 && heldWeight / facts.total > cover) {
      cover = heldWeight / facts.total;
      density = heldHere >= 2 && Number.isFinite(bestWindow) ? heldHere / bestWindow : 0;
    }
  }
  let exact = 0;
  let asTyped = 0;
  let derived = 0;
  let typo = 0;
  let other = 0;
  let missing = 0;
  let tfSum = 0;
  let numbers = 0;
  let numberCount = 0;
  for (let w = 0; w < n; w++) {
    const word = facts.words[w];
    if (!word) continue;
    const h = how[w] ?? 0;
    if (h & EXACT) exact += word.weight;
    else if (h & DERIVED) derived += word.weight;
    else if (h & TYPO) typo += word.weight;
    else if (h & OTHER) other += word.weight;
    else missing += word.weight;
    if (typed[w]) asTyped += word.weight;
    tfSum += word.weight * Math.log(1 + (tf[w] ?? 0));
    if (word.number) {
      numberCount++;
      if (h) numbers++;
    }
  }
  let titleWeight = 0;
  if (title) {
    const inTitle = new Uint8Array(n);
    for (const id of title.ids) {
      const term = wordTerm(id);
      const links = term === null ? undefined : facts.termWords.get(term);
      if (links) for (const { word } of links) inTitle[word] = 1;
    }
    for (let w = 0; w < n; w++) if (inTitle[w]) titleWeight += facts.words[w]?.weight ?? 0;
  }
  const total = facts.total || 1;
  const pairCount = [...facts.follows.values()].reduce((s, set) => s + set.size, 0);
  let heaviestWeight = 0;
  let heaviestHeld = 0;
  let ql = 0;
  for (let w = 0; w < n; w++) {
    const word = facts.words[w];
    if (!word) continue;
    if (word.weight > heaviestWeight) {
      heaviestWeight = word.weight;
      heaviestHeld = (how[w] ?? 0) ? 1 : 0;
    }
    const share = Math.exp(-Math.max(word.weight, 0.1));
    ql += Math.log(1 + (tf[w] ?? 0) / (QL_MU * share)) - Math.log(length + QL_MU) + Math.log(QL_MU);
  }
  return [
    best > 0 ? score / best : 0,
    best > 0 ? (facts.unit * Math.min(phrases, MAX_PHRASES)) / best : 0,
    exact / total,
    asTyped / total,
    derived / total,
    typo / total,
    other / total,
    missing / total,
    pairCount > 0 ? pairsSeen.size / pairCount : 0,
    q >= 2 && run >= 2 ? run / q : 0,
    cover,
    density,
    tfSum / total,
    Math.log(1 + length) / 10,
    numberCount > 0 ? numbers / numberCount : 0,
    titleWeight / total,
    first < 0 ? 0 : 1 / (1 + first / 10),
    facts.asks === 'year' ? year : 0,
    facts.asks === 'count' ? count : 0,
    facts.asks === 'why' ? cause : 0,
    facts.asks === 'where' ? place : 0,
    facts.asks === 'who' ? person : 0,
    heaviestHeld,
    n > 0 ? ql / n / 10 : 0,
  ];
}
