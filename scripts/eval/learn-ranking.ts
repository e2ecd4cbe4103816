/**
 * @module Learning a linear combination of ranking features over a page's candidates (issue 15,
 * sixth round): listwise softmax (ListNet, one relevant hit per list as often as not), pairwise
 * logistic (RankNet) and coordinate ascent on the metric itself (as RankLib's), each starting from
 * the hand-set weights; the metric of a re-ordered page; k-fold cross-validation. Plain arrays, no
 * library: a few hundred queries of ≤ 30 candidates and ≈ 25 features train in well under a second.
 */

/** One query's first-stage candidates, best first, with their features and relevance. */
export interface RankList {
  set: string;
  /** 1 for a relevant candidate. */
  rel: number[];
  /** Features of each candidate (the same order of names throughout). */
  feats: number[][];
  /** Relevant documents in all (for average precision). */
  relevant: number;
  /** Relevance of the ranking's hits past the candidates (they keep their places). */
  rest: number[];
  /** 'ap': average precision at 100; 'rr': reciprocal rank at 10. */
  metric: 'ap' | 'rr';
}

/** The candidates' order under weights `w` among the first `depth` (ties keep the first-stage order). */
export function reorder(list: RankList, w: readonly number[], depth: number): number[] {
  const n = Math.min(depth, list.feats.length);
  const scores = list.feats.slice(0, n).map((f) => dot(f, w));
  return [...Array(n).keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

function dot(f: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += (f[k] ?? 0) * (w[k] ?? 0);
  return s;
}

/** The list's metric with its first candidates in `order` (the rest where they were). */
export function listMetric(list: RankList, order: readonly number[]): number {
  const rel = [...order.map((i) => list.rel[i] ?? 0), ...list.rel.slice(order.length), ...list.rest];
  if (list.metric === 'ap') {
    if (list.relevant === 0) return 0;
    let hits = 0;
    let sum = 0;
    rel.slice(0, 100).forEach((r, i) => {
      if (r > 0) sum += ++hits / (i + 1);
    });
    return sum / Math.min(list.relevant, 100);
  }
  const first = rel.slice(0, 10).findIndex((r) => r > 0);
  return first < 0 ? 0 : 1 / (first + 1);
}

/** Mean metric of lists re-ordered by `w` (null: as ranked). */
export function meanMetric(lists: readonly RankList[], w: readonly number[] | null, depth: number): number {
  if (lists.length === 0) return 0;
  let sum = 0;
  for (const list of lists) sum += listMetric(list, w ? reorder(list, w, depth) : [...Array(Math.min(depth, list.feats.length)).keys()]);
  return sum / lists.length;
}

export interface TrainOptions {
  /** Weights to start from and to shrink towards (the hand-set combination). */
  prior: readonly number[];
  /** Candidates per list the loss sees. */
  depth: number;
  epochs?: number;
  /** L2 pull towards the prior. */
  l2?: number;
  /** Softmax temperature (scores × this). */
  temperature?: number;
  /** Coordinate ascent: features it may not move (the first-stage score sets the scale). */
  fixed?: ReadonlySet<number>;
}

/** RMSprop steps of a gradient `grad(w)` from the prior. */
function descend(m: number, options: TrainOptions, grad: (w: number[]) => Float64Array): number[] {
  const w = [...options.prior];
  const g2 = new Float64Array(m).fill(1e-8);
  const l2 = options.l2 ?? 0.001;
  for (let e = 0; e < (options.epochs ?? 400); e++) {
    const g = grad(w);
    for (let k = 0; k < m; k++) {
      const step = (g[k] ?? 0) + l2 * ((w[k] ?? 0) - (options.prior[k] ?? 0));
      g2[k] = 0.9 * (g2[k] ?? 0) + 0.1 * step * step;
      w[k] = (w[k] ?? 0) - (0.025 * step) / Math.sqrt(g2[k] ?? 1);
    }
  }
  return w;
}

/** Lists the loss can learn from: a relevant and an irrelevant candidate among the first `depth`. */
function usable(lists: readonly RankList[], depth: number): Array<{ xs: number[][]; rel: number[] }> {
  return lists
    .map((l) => ({ xs: l.feats.slice(0, depth), rel: l.rel.slice(0, depth) }))
    .filter((l) => l.rel.some((r) => r > 0) && l.rel.some((r) => r === 0));
}

/**
 * ListNet: cross-entropy between the relevant candidates and the softmax of the scores.
 *
 * @example
 * const w = trainSoftmax(lists, { prior: [1, 0.5, 0], depth: 10 });
 */
export function trainSoftmax(lists: readonly RankList[], options: TrainOptions): number[] {
  const m = options.prior.length;
  const data = usable(lists, options.depth);
  const t = options.temperature ?? 5;
  return descend(m, options, (w) => {
    const g = new Float64Array(m);
    for (const { xs, rel } of data) {
      const s = xs.map((f) => t * dot(f, w));
      const top = Math.max(...s);
      const ex = s.map((v) => Math.exp(v - top));
      const z = ex.reduce((a, b) => a + b, 0);
      const nr = rel.reduce((a, b) => a + b, 0);
      xs.forEach((f, i) => {
        const d = t * ((ex[i] ?? 0) / z - (rel[i] ?? 0) / nr);
        for (let k = 0; k < m; k++) g[k] = (g[k] ?? 0) + d * (f[k] ?? 0);
      });
    }
    for (let k = 0; k < m; k++) g[k] = (g[k] ?? 0) / Math.max(1, data.length);
    return g;
  });
}

/**
 * RankNet: logistic loss on every (relevant, irrelevant) pair of a list, each list weighing the same.
 *
 * @example
 * const w = trainPairwise(lists, { prior: [1, 0.5, 0], depth: 10 });
 */
export function trainPairwise(lists: readonly RankList[], options: TrainOptions): number[] {
  const m = options.prior.length;
  const pairs: Array<{ d: number[]; weight: number }> = [];
  for (const { xs, rel } of usable(lists, options.depth)) {
    const list: number[][] = [];
    xs.forEach((a, i) => xs.forEach((b, j) => {
      if ((rel[i] ?? 0) > (rel[j] ?? 0)) list.push(a.map((v, k) => v - (b[k] ?? 0)));
    }));
    for (const d of list) pairs.push({ d, weight: 1 / list.length });
  }
  const total = pairs.reduce((a, p) => a + p.weight, 0) || 1;
  return descend(m, options, (w) => {
    const g = new Float64Array(m);
    for (const { d, weight } of pairs) {
      const p = 1 / (1 + Math.exp(dot(d, w)));
      for (let k = 0; k < m; k++) g[k] = (g[k] ?? 0) - (weight * p * (d[k] ?? 0)) / total;
    }
    return g;
  });
}

/**
 * Coordinate ascent on the mean metric itself: each free weight tried at a few steps, kept when the
 * metric rises; a small penalty on the distance from the prior.
 *
 * @example
 * const w = trainCoordinateAscent(lists, { prior: [1, 0.5, 0], depth: 10, fixed: new Set([0]) });
 */
export function trainCoordinateAscent(lists: readonly RankList[], options: TrainOptions & { penalty?: number; rounds?: number }): number[] {
  const w = [...options.prior];
  const steps = [-1, -0.5, -0.25, -0.1, -0.05, 0.05, 0.1, 0.25, 0.5, 1];
  const penalty = options.penalty ?? 0.0005;
  const objective = (v: readonly number[]) => meanMetric(lists, v, options.depth) - penalty * v.reduce((a, x, k) => a + Math.abs(x - (options.prior[k] ?? 0)), 0);
  let best = objective(w);
  for (let round = 0; round < (options.rounds ?? 4); round++) {
    let moved = false;
    for (let k = 0; k < w.length; k++) {
      if (options.fixed?.has(k)) continue;
      for (const step of steps) {
        const v = [...w];
        v[k] = (v[k] ?? 0) + step;
        const o = objective(v);
        if (o > best + 1e-9) {
          best = o;
          w[k] = v[k] ?? 0;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return w;
}

/**
 * k-fold cross-validation: each fold scored by weights trained on the others (and on `extra`, lists
 * of other sets trained on throughout); the mean over every list.
 */
export function crossValidate(lists: readonly RankList[], folds: number, train: (lists: RankList[]) => number[], depth: number, extra: readonly RankList[] = []): number {
  let sum = 0;
  for (let f = 0; f < folds; f++) {
    const test = lists.filter((_, i) => i % folds === f);
    const w = train([...lists.filter((_, i) => i % folds !== f), ...extra]);
    sum += meanMetric(test, w, depth) * test.length;
  }
  return lists.length === 0 ? 0 : sum / lists.length;
}
