/**
 * @module Finds lines whose words came out of a PDF in visual (left-to-right) order and
 * puts them back in reading order. A line is scored by how many of its adjacent word
 * pairs are known Persian pairs (from the document itself and a list of common
 * function-word patterns) read forwards versus backwards; only a clear win for the
 * backwards reading reverses it. Words are never changed, only their order.
 */
import { normalizePersian } from '../persian/normalize';

/** Pairs that are frequent in Persian news and speech, in reading order. */
const COMMON_PAIRS = [
  'با اشاره',
  'اشاره به',
  'اشاره کرد',
  'به اینکه',
  'با بیان',
  'بیان اینکه',
  'بیان کرد',
  'اظهار کرد',
  'تاکید کرد',
  'عنوان کرد',
  'به گزارش',
  'به نقل',
  'نقل از',
  'در این',
  'این زمینه',
  'در حال',
  'در حالی',
  'حالی که',
  'قرار گرفت',
  'قرار گرفته',
  'قرار داد',
  'قرار دارد',
  'قرار دادیم',
  'خواهد شد',
  'خواهد داد',
  'خواهد بود',
  'شده است',
  'کرده است',
  'بوده است',
  'داده است',
  'به عنوان',
  'یکی از',
  'از این',
  'به این',
  'تا پایان',
  'مورد نیاز',
  'مورد توجه',
  'نسبت به',
  'با توجه',
  'توجه به',
  'به منظور',
  'از جمله',
  'در سال',
  'سال جاری',
  'وی گفت',
  'وی افزود',
  'وی با',
  'و همچنین',
  'و این',
  'این امر',
  'رئیس جمهور',
  'نفر از',
  'از سوی',
  'بر اساس',
  'در اختیار',
  'در سطح',
  'را به',
  'را در',
  'ایفا کند',
  'ایفا کرد',
  'ایفا می',
  'نقش مهمی',
  'شورای عالی',
  'سازمان برنامه',
  'برنامه و',
  'و بودجه',
];

/** Verbs that follow the prefix «می». */
const VERB_AFTER_MI = [
  'تواند',
  'توانند',
  'توانیم',
  'شود',
  'شوند',
  'کند',
  'کنند',
  'کنیم',
  'دهد',
  'دهند',
  'دهیم',
  'گیرد',
  'گیرند',
  'باشد',
  'باشند',
  'رود',
  'روند',
  'گوید',
  'گویند',
  'گویم',
  'دانیم',
  'داند',
  'آید',
  'رسد',
  'یابد',
  'سازد',
  'نماید',
  'نمایند',
  'گردد',
  'بایست',
  'خواهد',
  'خواهند',
  'کرد',
  'شد',
];

/** Counting words that follow a number («۴ نفر»، «۳ ماه»). */
const COUNTERS = new Set(['نفر', 'ماه', 'روز', 'سال', 'هفته', 'ساعت', 'درصد', 'میلیارد', 'میلیون', 'هزار', 'تن', 'مورد', 'بار', 'دقیقه']);

/** Keys of words already seen: a document repeats its words, and normalising each occurrence (with
 * its offset map) again took most of the repair of long texts. Bounded in entries and word length. */
const KEYS = new Map<string, string>();
const KEYS_MAX = 50_000;
const KEY_WORD_MAX = 40;

function key(word: string): string {
  const known = KEYS.get(word);
  if (known !== undefined) return known;
  const found = normalizePersian(word).replace(/[^\p{L}\p{N}]/gu, '');
  if (word.length <= KEY_WORD_MAX) {
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(word, found);
  }
  return found;
}

/** Built-in pairs, as pairs of keys. */
const BUILT_IN_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ...COMMON_PAIRS.map((p): [string, string] => {
    const [a = '', b = ''] = p.split(' ');
    return [key(a), key(b)];
  }),
  ...VERB_AFTER_MI.map((v): [string, string] => ['می', key(v)]),
];

/**
 * Word-pair counts of a document, from which one line's own pairs can be left out. Words are
 * numbered by key (id 0: a word with no letter or digit, left out), and a pair is one number: a
 * long import has a million pairs, and a string per pair was most of the repair's time.
 */
export interface WordOrderModel {
  counts: Map<number, number>;
  /** Key → id; ids count from 1. */
  ids: Map<string, number>;
  /** Word as written → id (0: no letter or digit). */
  byWord: Map<string, number>;
  /** The built-in pairs, by id. */
  builtIn: Set<number>;
  /** By id: the key is a number («۴»), the key is a counting word («نفر»). */
  number: boolean[];
  counter: boolean[];
}

/** Pair ids stay exact: a document has far fewer than 2^26 distinct words. */
const PAIR_BASE = 2 ** 26;

function pairOf(a: number, b: number): number {
  return a * PAIR_BASE + b;
}

function wordId(model: WordOrderModel, word: string): number {
  const seen = model.byWord.get(word);
  if (seen !== undefined) return seen;
  const k = key(word);
  let id = k === '' ? 0 : model.ids.get(k);
  if (id === undefined) {
    id = model.ids.size + 1;
    model.ids.set(k, id);
    model.number[id] = /^\d+$/.test(k);
    model.counter[id] = COUNTERS.has(k);
  }
  model.byWord.set(word, id);
  return id;
}

/** The ids of a line's words with a letter or digit, in order. */
function wordIds(words: string[], model: WordOrderModel): number[] {
  const out: number[] = [];
  for (const w of words) {
    const id = wordId(model, w);
    if (id !== 0) out.push(id);
  }
  return out;
}

/** Adjacent word pairs of a line, by normalised word. */
function linePairs(words: string[], model: WordOrderModel): number[] {
  const ids = wordIds(words, model);
  const out: number[] = [];
  for (let i = 0; i + 1 < ids.length; i++) out.push(pairOf(ids[i]!, ids[i + 1]!));
  return out;
}

/**
 * Count the word pairs of every line of a document.
 *
 * @example
 * buildWordOrderModel(['با اشاره به']).counts.size // 2
 */
export function buildWordOrderModel(lines: string[]): WordOrderModel {
  const model: WordOrderModel = { counts: new Map(), ids: new Map(), byWord: new Map(), builtIn: new Set(), number: [], counter: [] };
  for (const [a, b] of BUILT_IN_PAIRS) model.builtIn.add(pairOf(wordId(model, a), wordId(model, b)));
  const { counts } = model;
  for (const line of lines) {
    for (const p of linePairs(line.split(/\s+/), model)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return model;
}

/** Score of a word order: known pairs count, with the line's own pairs left out of the document model. */
function orderScore(words: string[], model: WordOrderModel, own: Map<number, number>): number {
  return idsScore(wordIds(words, model), model, own);
}

function idsScore(ids: readonly number[], model: WordOrderModel, own: Map<number, number>): number {
  let score = 0;
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = ids[i]!;
    const b = ids[i + 1]!;
    const p = pairOf(a, b);
    if ((model.counts.get(p) ?? 0) - (own.get(p) ?? 0) > 0) score += 1;
    if (model.builtIn.has(p)) score += 1;
    if (model.number[a] && model.counter[b]) score += 1;
  }
  return score;
}

/** Only a clear win for the backwards reading reverses a line. */
function isReversed(forwardScore: number, reversedScore: number): boolean {
  return reversedScore - forwardScore >= 2 && reversedScore >= 3 && reversedScore >= 2 * Math.max(forwardScore, 1);
}

export interface LineOrderVerdict {
  /** True when the line reads better backwards. */
  reversed: boolean;
  /** Score of the line as given and of the best backwards reading. */
  forwardScore: number;
  reversedScore: number;
  /** The line in reading order (words verbatim, single spaces) when reversed, else the line. */
  text: string;
}

/**
 * Decide whether a line is in visual order and, if so, restore reading order.
 * Runs of two or more spaces separate the chunks a PDF extractor emitted; chunk order is
 * reversed and each multi-word chunk keeps whichever inner order scores better.
 *
 * @example
 * const model = buildWordOrderModel(lines);
 * judgeLineOrder('تواند  می  مهارت  اشاره  با', model).text // 'با اشاره مهارت می تواند'
 */
export function judgeLineOrder(line: string, model: WordOrderModel): LineOrderVerdict {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/).filter((w) => w !== '');
  const ids = wordIds(words, model);
  const own = new Map<number, number>();
  for (let i = 0; i + 1 < ids.length; i++) {
    const p = pairOf(ids[i]!, ids[i + 1]!);
    own.set(p, (own.get(p) ?? 0) + 1);
  }
  const forwardScore = idsScore(ids, model, own);
  const unchanged = { reversed: false, forwardScore, reversedScore: 0, text: line };
  if (words.length < 4) return unchanged;

  const chunked = /\S\s{2,}\S/.test(trimmed);
  if (!chunked) {
    // One word a chunk: the backwards reading is the words reversed (the ids already read, reversed).
    const reversedScore = idsScore([...ids].reverse(), model, own);
    const reversed = isReversed(forwardScore, reversedScore);
    return reversed ? { reversed, forwardScore, reversedScore, text: [...words].reverse().join(' ') } : { ...unchanged, reversedScore };
  }
  const chunks = trimmed.split(/\s{2,}/).map((c) => c.split(/\s+/).filter((w) => w !== ''));
  chunks.reverse();
  // Orient each multi-word chunk by its fit with its neighbours in the new order.
  const oriented: string[][] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] ?? [];
    if (chunk.length < 2) {
      oriented.push(chunk);
      continue;
    }
    const before = oriented[i - 1]?.slice(-1) ?? [];
    const after = chunks[i + 1]?.slice(0, 1) ?? [];
    const flipped = [...chunk].reverse();
    const keep = orderScore([...before, ...chunk, ...after], model, own);
    const flip = orderScore([...before, ...flipped, ...after], model, own);
    oriented.push(flip > keep ? flipped : chunk);
  }
  const backwards = oriented.flat();
  const reversedScore = orderScore(backwards, model, own);
  const reversed = isReversed(forwardScore, reversedScore);
  return reversed ? { reversed, forwardScore, reversedScore, text: backwards.join(' ') } : { ...unchanged, reversedScore };
}
