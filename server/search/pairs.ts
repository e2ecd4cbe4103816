/**
 * @module Adjacent pairs of index terms: a sequential-dependence feature over the whole ranking.
 * A session holding two query words side by side (stop words between them count as phrase glue:
 * «واگذاری به بخش خصوصی» holds واگذار→بخش and بخش→خصوص) is indexed under each ordered pair, with
 * its own BM25 weight; a query adds its own pairs to the words' scores. Pairs are kept as 32-bit
 * hashes (FNV-1a) so a segment's table is typed arrays, not millions of strings.
 */

/** How pairs are read from a text. */
export interface PairIndexing {
  /** Most stop words between two words that still make a pair (0: only words side by side). */
  glue: number;
}

/**
 * The ordered pair of two terms as a 32-bit key.
 *
 * @example
 * pairKey('بخش', 'خصوص') !== pairKey('خصوص', 'بخش') // true
 */
export function pairKey(first: string, second: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < first.length; i++) h = Math.imul(h ^ first.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x1f, 0x01000193);
  for (let i = 0; i < second.length; i++) h = Math.imul(h ^ second.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Pairs of consecutive index terms of a run of words (`termOf` null: a stop word, which glues up to
 * `glue` of them), each as its key; `visit` is called once per occurrence.
 *
 * @example
 * pairsOf(['واگذاری', 'به', 'بخش'], termOf, { glue: 2 }, (k) => keys.push(k)) // one pair
 */
export function pairsOf(words: readonly string[], termOf: (word: string) => string | null, how: PairIndexing, visit: (key: number) => void): void {
  let last: string | null = null;
  let gap = 0;
  for (const word of words) {
    const term = termOf(word);
    if (term === null || term === '') {
      gap++;
      if (gap > how.glue) last = null;
      continue;
    }
    if (last !== null) visit(pairKey(last, term));
    last = term;
    gap = 0;
  }
}

/** A segment's pair postings as stored: keys ascending, per key its document count, documents (delta-encoded) and weights ×100. */
export interface StoredPairs {
  keys: number[];
  df: number[];
  docs: number[];
  weights: number[];
}

/** Pair postings loaded for scoring: for key row r, entries offsets[r]..offsets[r+1]. */
export interface PairPostings {
  keys: Uint32Array;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
}

/** Stored weights are hundredths (a pair's weight is a small feature beside the words'). */
const WEIGHT_SCALE = 100;

/**
 * Pair postings from per-document pair weights (documents in order).
 *
 * @example
 * storePairs([new Map([[key, 1.5]])]) // { keys: [key], df: [1], docs: [0], weights: [150] }
 */
export function storePairs(perDoc: ReadonlyArray<ReadonlyMap<number, number>>): StoredPairs {
  const lists = new Map<number, number[]>();
  perDoc.forEach((pairs, d) => {
    for (const [key, weight] of pairs) {
      const q = Math.round(weight * WEIGHT_SCALE);
      if (q <= 0) continue;
      const list = lists.get(key);
      if (list) list.push(d, q);
      else lists.set(key, [d, q]);
    }
  });
  const keys = [...lists.keys()].sort((a, b) => a - b);
  const out: StoredPairs = { keys, df: [], docs: [], weights: [] };
  for (const key of keys) {
    const list = lists.get(key) ?? [];
    out.df.push(list.length / 2);
    let previous = 0;
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i] ?? 0;
      out.docs.push(d - previous);
      previous = d;
      out.weights.push(list[i + 1] ?? 0);
    }
  }
  return out;
}

/** Typed postings from the stored form. */
export function loadPairs(stored: StoredPairs): PairPostings {
  const keys = Uint32Array.from(stored.keys);
  const offsets = new Int32Array(keys.length + 1);
  for (let r = 0; r < keys.length; r++) offsets[r + 1] = (offsets[r] ?? 0) + (stored.df[r] ?? 0);
  const docs = new Int32Array(stored.docs.length);
  const weights = new Float32Array(stored.weights.length);
  for (let r = 0; r < keys.length; r++) {
    let at = 0;
    for (let p = offsets[r] ?? 0; p < (offsets[r + 1] ?? 0); p++) {
      at += stored.docs[p] ?? 0;
      docs[p] = at;
      weights[p] = (stored.weights[p] ?? 0) / WEIGHT_SCALE;
    }
  }
  return { keys, offsets, docs, weights };
}

/** The row of a pair key, or -1. */
export function pairRow(pairs: PairPostings, key: number): number {
  const { keys } = pairs;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid] ?? 0;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An empty table (a tombstone segment, or pairs turned off). */
export const NO_PAIRS: StoredPairs = { keys: [], df: [], docs: [], weights: [] };
