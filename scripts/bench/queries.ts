/** @module Benchmark queries and percentiles, shared by `npm run bench:search` and `npm run bench`. */
import { asTypedOnPersianKeyboard, type CorpusDoc } from '../eval/corpora';
import { seeded } from '../eval/variants';

/**
 * Queries of 2–3 words from seeded random titles (after any `extra` ones), as typed on a Persian keyboard.
 *
 * @example
 * const queries = queriesFrom(docs, [], 200, 30_000);
 */
export function queriesFrom(docs: CorpusDoc[], extra: string[], count: number, seed: number): string[] {
  const rnd = seeded(seed);
  const out = [...extra];
  while (out.length < count) {
    const doc = docs[Math.floor(rnd() * docs.length)];
    const words = (doc?.title ?? '').split(/\s+/).filter((w) => w.length > 2);
    if (words.length < 2) continue;
    const n = 2 + Math.floor(rnd() * 2);
    const start = Math.floor(rnd() * Math.max(1, words.length - n));
    out.push(asTypedOnPersianKeyboard(words.slice(start, start + n).join(' ')));
  }
  return out;
}

/**
 * The p-th percentile (0–1) of ascending-sorted values (nearest rank).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 3
 */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
