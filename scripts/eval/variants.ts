/**
 * @module Misspelt and variant forms of queries, made deterministically, to check that
 * search survives how people really type (dropped or swapped letters, Arabic letters,
 * ZWNJ joined or spaced).
 */

/** A small seeded PRNG (mulberry32) so every run perturbs the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LONG_WORD = /[\u0600-\u06FF\u200C]{5,}/gu;

/** Apply `edit` to one word of 5+ letters chosen by the seed. */
function editOneLongWord(query: string, seed: number, edit: (word: string, rnd: () => number) => string): string {
  const rnd = seeded(seed);
  const matches = [...query.matchAll(LONG_WORD)];
  if (matches.length === 0) return query;
  const m = matches[Math.floor(rnd() * matches.length)];
  if (!m || m.index === undefined) return query;
  return query.slice(0, m.index) + edit(m[0], rnd) + query.slice(m.index + m[0].length);
}

export type VariantName = 'drop a letter' | 'swap two letters' | 'Arabic ي/ك' | 'ZWNJ joined' | 'ZWNJ as space';

/**
 * The variant of a query.
 *
 * @example
 * makeVariant('آموزش مهارت', 'drop a letter', 1) // e.g. 'آموش مهارت'
 */
export function makeVariant(query: string, name: VariantName, seed: number): string {
  switch (name) {
    case 'drop a letter':
      return editOneLongWord(query, seed, (w, rnd) => {
        const i = 1 + Math.floor(rnd() * (w.length - 2));
        return w.slice(0, i) + w.slice(i + 1);
      });
    case 'swap two letters':
      return editOneLongWord(query, seed, (w, rnd) => {
        const i = 1 + Math.floor(rnd() * (w.length - 3));
        return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
      });
    case 'Arabic ي/ك':
      return query.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643');
    case 'ZWNJ joined':
      // What people type without a ZWNJ key: parts run together (می شود → میشود, کتاب‌ها → کتابها).
      return query.replace(/\u200C/g, '').replace(/(^|\s)(ن?می) /gu, '$1$2').replace(/ (ها|های|هایی|تر|ترین)(?=\s|$)/gu, '$1');
    case 'ZWNJ as space':
      return query.replace(/\u200C/g, ' ');
  }
}

export const VARIANTS: VariantName[] = ['drop a letter', 'swap two letters', 'Arabic ي/ك', 'ZWNJ joined', 'ZWNJ as space'];
