/**
 * @module Logistic regression over hashed sparse features, trained with AdaGrad and L2: the few
 * lines a well-understood linear model needs (no npm package for it is kept up and sparse). Pure.
 */
import type { SparseVector } from './features';

export interface TrainOptions {
  dimensions: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight of a positive example's loss (directives are rare). */
  positiveWeight: number;
  seed: number;
}

export interface Example {
  x: SparseVector;
  y: 0 | 1;
  /** Weight of this example's loss (1 when absent). */
  weight?: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function dot(weights: Float32Array, x: SparseVector): number {
  let z = 0;
  for (let i = 0; i < x.index.length; i++) z += (weights[x.index[i]!] ?? 0) * x.value[i]!;
  return z;
}

function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let a = seed;
  for (let i = n - 1; i > 0; i--) {
    a = (Math.imul(a ^ (a >>> 15), 1 | a) + 0x6d2b79f5) | 0;
    const j = (a >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Fit the weights; deterministic for the same examples and options. */
export function train(examples: readonly Example[], options: TrainOptions): Float32Array {
  const w = new Float32Array(options.dimensions);
  const g2 = new Float32Array(options.dimensions);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const k of shuffled(examples.length, options.seed + epoch)) {
      const { x, y, weight = 1 } = examples[k]!;
      const p = sigmoid(dot(w, x));
      const g = (p - y) * (y === 1 ? options.positiveWeight : 1) * weight;
      for (let i = 0; i < x.index.length; i++) {
        const j = x.index[i]!;
        const grad = g * x.value[i]! + options.l2 * w[j]!;
        g2[j]! += grad * grad;
        w[j]! -= (options.learningRate * grad) / Math.sqrt(g2[j]! + 1e-8);
      }
    }
  }
  return w;
}
