/**
 * @module Gradient-boosted trees of depth 2 over binary (present / absent) hashed features, with
 * Newton leaf values for the logistic loss: the second model tried in round 7 beside the logistic
 * regression, for interactions a linear model cannot weigh (an obligation word and an official
 * speaker and no past frame). Experimental: measured out of fold by train:directives:variants.
 */
import type { Example } from '../../server/detection/model/logistic';

export interface BoostOptions {
  trees: number;
  learningRate: number;
  lambda: number;
  minHessian: number;
}

interface Node {
  feature: number;
  /** Leaf values when the feature is present / absent (for a depth-1 child), or child nodes. */
  present: Node | number;
  absent: Node | number;
}

export type Forest = { base: number; trees: Node[] };

const sig = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function presentSet(x: Example['x']): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < x.index.length; i++) if (x.value[i] !== 0) out.add(x.index[i]!);
  return out;
}

export function trainForest(examples: readonly Example[], dimensions: number, o: BoostOptions): Forest {
  const xs = examples.map((e) => presentSet(e.x));
  const ys = examples.map((e) => e.y);
  const pos = ys.filter((y) => y === 1).length;
  const base = Math.log((pos + 1) / (ys.length - pos + 1));
  const margin = new Float64Array(xs.length).fill(base);
  const g = new Float64Array(xs.length);
  const h = new Float64Array(xs.length);
  const gSum = new Float64Array(dimensions);
  const hSum = new Float64Array(dimensions);
  const trees: Node[] = [];

  const bestSplit = (rows: readonly number[]): { feature: number; gain: number } | null => {
    let G = 0;
    let H = 0;
    const touched: number[] = [];
    for (const r of rows) {
      G += g[r]!;
      H += h[r]!;
      for (const f of xs[r]!) {
        if (hSum[f] === 0 && gSum[f] === 0) touched.push(f);
        gSum[f]! += g[r]!;
        hSum[f]! += h[r]!;
      }
    }
    let best: { feature: number; gain: number } | null = null;
    const score = (gg: number, hh: number) => (gg * gg) / (hh + o.lambda);
    for (const f of touched) {
      const gl = gSum[f]!;
      const hl = hSum[f]!;
      const hr = H - hl;
      if (hl >= o.minHessian && hr >= o.minHessian) {
        const gain = score(gl, hl) + score(G - gl, hr) - score(G, H);
        if (gain > 0 && (!best || gain > best.gain)) best = { feature: f, gain };
      }
      gSum[f] = 0;
      hSum[f] = 0;
    }
    return best;
  };
  const leaf = (rows: readonly number[]): number => {
    let G = 0;
    let H = 0;
    for (const r of rows) {
      G += g[r]!;
      H += h[r]!;
    }
    return (-G / (H + o.lambda)) * o.learningRate;
  };
  const has = (r: number, f: number) => xs[r]!.has(f);
  const grow = (rows: number[], depth: number): Node | number => {
    const split = depth > 0 ? bestSplit(rows) : null;
    if (!split) return leaf(rows);
    const yes = rows.filter((r) => has(r, split.feature));
    const no = rows.filter((r) => !has(r, split.feature));
    return { feature: split.feature, present: grow(yes, depth - 1), absent: grow(no, depth - 1) };
  };

  const all = xs.map((_, i) => i);
  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < xs.length; i++) {
      const p = sig(margin[i]!);
      g[i] = p - ys[i]!;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree = grow(all, 2);
    if (typeof tree === 'number') break;
    trees.push(tree);
    for (let i = 0; i < xs.length; i++) margin[i]! += evalNode(tree, xs[i]!);
  }
  return { base, trees };
}

function evalNode(node: Node | number, present: ReadonlySet<number>): number {
  let n = node;
  while (typeof n !== 'number') n = present.has(n.feature) ? n.present : n.absent;
  return n;
}

export function forestMargin(forest: Forest, x: Example['x']): number {
  const present = presentSet(x);
  let z = forest.base;
  for (const t of forest.trees) z += evalNode(t, present);
  return z;
}
