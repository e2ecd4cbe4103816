/**
 * @module Re-orders a page of hits by how they hold the query as written: its words side by side
 * (stop words glue a phrase: «واگذاری به بخش خصوصی») and how many of its words at all. The index
 * keeps no positions, so this is read from the hits' text, which the page reads for snippets anyway.
 */
import type { MatchedTerm } from './engine';

/** Most side-by-side matches counted per session. */
export const MAX_PHRASES_COUNTED = 5;

export interface ProximityRewards {
  /** One side-by-side match is worth this share of an average query term's weight… */
  phrase: number;
  /** …and holding every query word (by weight) this share. */
  coverage: number;
}

export const DEFAULT_PROXIMITY: ProximityRewards = { phrase: 0.5, coverage: 0 };

/** What a hit's text holds of the query. */
export interface HitText {
  /** Adjacent query words found side by side. */
  phrases: number;
  /** Index terms of the query found in it. */
  found: ReadonlySet<string>;
}

/**
 * Hits re-scored and re-sorted (best first, ties in the old order).
 *
 * @example
 * rerankByProximity(hits, texts, result.terms, parsed.words.map((w) => w.stem))
 */
export function rerankByProximity<T extends { score: number }>(
  hits: T[],
  texts: readonly HitText[],
  terms: readonly MatchedTerm[],
  wordTerms: readonly string[],
  rewards: ProximityRewards = DEFAULT_PROXIMITY,
): T[] {
  if (hits.length < 2 || terms.length === 0) return hits;
  let unit = 0;
  for (const t of terms) unit += t.weight;
  unit /= terms.length;
  const own = new Set(wordTerms);
  let ownWeight = 0;
  for (const t of terms) if (own.has(t.term)) ownWeight += t.weight;
  return hits
    .map((hit, i) => {
      const text = texts[i];
      let covered = 0;
      if (text && ownWeight > 0) for (const t of terms) if (own.has(t.term) && text.found.has(t.term)) covered += t.weight;
      const bonus = rewards.phrase * Math.min(text?.phrases ?? 0, MAX_PHRASES_COUNTED) + (ownWeight > 0 ? (rewards.coverage * covered) / ownWeight : 0);
      return { hit: { ...hit, score: hit.score + unit * bonus }, i };
    })
    .sort((a, b) => b.hit.score - a.hit.score || a.i - b.i)
    .map(({ hit }) => hit);
}
