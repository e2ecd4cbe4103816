/** @module Ranking metrics at document level: AP@k, nDCG@k, reciprocal rank, success. */

/** Average precision over the first k results (divided by min(|relevant|, k)). */
export function averagePrecision(ranked: string[], relevant: Set<string>, k = 100): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / Math.min(relevant.size, k);
}

/** nDCG@k with binary relevance. */
export function ndcg(ranked: string[], relevant: Set<string>, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** 1/rank of the first relevant result within k, else 0. */
export function reciprocalRank(ranked: string[], relevant: Set<string>, k = 10): number {
  const i = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function success(ranked: string[], relevant: Set<string>, k = 10): number {
  return ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
