/**
 * @module Term associations learned without labels, for issue 15's seventh round (measurement only):
 * from text analysed into index terms (the engine's own analyse / stem), window co-occurrence
 * counts weighted by positive PMI; a word's associates are either its strongest first-order
 * partners (PPMI: words seen beside it) or its nearest second-order neighbours (cosine of PPMI
 * context vectors: words seen in the same company, where synonyms such as جانور / حیوان meet).
 * Plus an IBM-model-1 translation table P(passage term | question term) from question→passage pairs.
 */

export interface Associate {
  term: string;
  /** Cosine (second order), normalised PPMI (first order) or translation probability. */
  score: number;
}

export interface CooccurrenceOptions {
  /** Words each side counted as company. */
  window: number;
  /** A term is a target (gets associates, can be one) when seen at least this often. */
  minCount: number;
  /** The most frequent terms used as context dimensions. */
  contexts: number;
  /** Context distribution smoothing (Levy, Goldberg & Dagan 2015): counts ^ alpha. */
  alpha: number;
}

export const DEFAULT_COOCCURRENCE: CooccurrenceOptions = { window: 5, minCount: 5, contexts: 3000, alpha: 0.75 };

/**
 * Co-occurrence statistics over term sequences (each sequence one paragraph or document:
 * windows never cross sequences), stored dense over (targets × contexts) as PPMI, rows L2-normalised.
 */
export class CooccurrenceModel {
  readonly terms: string[];
  readonly targetOf = new Map<string, number>();
  readonly contextTerms: string[];
  /** PPMI rows (targets × contexts), each L2-normalised. */
  readonly ppmi: Float32Array;
  readonly C: number;

  constructor(sequences: Iterable<readonly string[]>, options: CooccurrenceOptions = DEFAULT_COOCCURRENCE) {
    const all: string[][] = [];
    const count = new Map<string, number>();
    for (const s of sequences) {
      all.push([...s]);
      for (const t of s) count.set(t, (count.get(t) ?? 0) + 1);
    }
    const byCount = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    this.terms = byCount.filter(([, n]) => n >= options.minCount).map(([t]) => t);
    this.terms.forEach((t, i) => this.targetOf.set(t, i));
    this.contextTerms = byCount.slice(0, options.contexts).map(([t]) => t);
    const ctxOf = new Map(this.contextTerms.map((t, i) => [t, i]));
    const T = this.terms.length;
    const C = this.contextTerms.length;
    this.C = C;
    const m = new Float32Array(T * C);
    for (const s of all) {
      const ids = s.map((t) => this.targetOf.get(t) ?? -1);
      const cs = s.map((t) => ctxOf.get(t) ?? -1);
      for (let i = 0; i < s.length; i++) {
        const t = ids[i] ?? -1;
        if (t < 0) continue;
        const from = Math.max(0, i - options.window);
        const to = Math.min(s.length - 1, i + options.window);
        for (let j = from; j <= to; j++) {
          const c = cs[j] ?? -1;
          if (j === i || c < 0) continue;
          m[t * C + c] = (m[t * C + c] ?? 0) + 1;
        }
      }
    }
    const rowSum = new Float64Array(T);
    const colSum = new Float64Array(C);
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < C; c++) {
        const v = m[t * C + c] ?? 0;
        rowSum[t] = (rowSum[t] ?? 0) + v;
        colSum[c] = (colSum[c] ?? 0) + v;
      }
    }
    let colAlpha = 0;
    for (let c = 0; c < C; c++) {
      colAlpha += Math.pow(colSum[c] ?? 0, options.alpha);
    }
    const pc = new Float64Array(C);
    for (let c = 0; c < C; c++) pc[c] = Math.pow(colSum[c] ?? 0, options.alpha) / colAlpha;
    for (let t = 0; t < T; t++) {
      const rs = rowSum[t] ?? 0;
      let norm = 0;
      for (let c = 0; c < C; c++) {
        const v = m[t * C + c] ?? 0;
        if (v <= 0 || rs <= 0) continue;
        const pmi = Math.log(v / rs / (pc[c] ?? 1));
        const p = pmi > 0 ? pmi : 0;
        m[t * C + c] = p;
        norm += p * p;
      }
      norm = Math.sqrt(norm) || 1;
      for (let c = 0; c < C; c++) m[t * C + c] = (m[t * C + c] ?? 0) / norm;
    }
    this.ppmi = m;
  }

  /** The nearest `k` targets by cosine of PPMI context vectors (the term itself left out). */
  neighbours(term: string, k: number, accept: (t: string) => boolean = () => true): Associate[] {
    const q = this.targetOf.get(term);
    if (q === undefined) return [];
    const C = this.C;
    const nz: number[] = [];
    for (let c = 0; c < C; c++) if ((this.ppmi[q * C + c] ?? 0) > 0) nz.push(c);
    const best: Associate[] = [];
    for (let t = 0; t < this.terms.length; t++) {
      if (t === q) continue;
      let dot = 0;
      const base = t * C;
      for (const c of nz) dot += (this.ppmi[q * C + c] ?? 0) * (this.ppmi[base + c] ?? 0);
      if (dot <= 0) continue;
      if (best.length === k && dot <= (best[k - 1]?.score ?? 0)) continue;
      const name = this.terms[t] ?? '';
      if (!accept(name)) continue;
      best.push({ term: name, score: dot });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
    return best;
  }

  /** Cosine of two targets' PPMI rows (0 when either is unknown). */
  similarity(a: string, b: string): number {
    const i = this.targetOf.get(a);
    const j = this.targetOf.get(b);
    if (i === undefined || j === undefined) return 0;
    const C = this.C;
    let dot = 0;
    for (let c = 0; c < C; c++) dot += (this.ppmi[i * C + c] ?? 0) * (this.ppmi[j * C + c] ?? 0);
    return dot;
  }

  /** The strongest first-order partners among the context terms (normalised PPMI). */
  partners(term: string, k: number, accept: (t: string) => boolean = () => true): Associate[] {
    const q = this.targetOf.get(term);
    if (q === undefined) return [];
    const out: Associate[] = [];
    for (let c = 0; c < this.C; c++) {
      const v = this.ppmi[q * this.C + c] ?? 0;
      const name = this.contextTerms[c] ?? '';
      if (v > 0 && name !== term && accept(name)) out.push({ term: name, score: v });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, k);
  }
}

/**
 * IBM model 1, P(target term | source term), by EM from aligned pairs (question terms → passage
 * terms), a NULL source included; `iterations` rounds from uniform.
 */
export function ibmModel1(pairs: ReadonlyArray<{ source: readonly string[]; target: readonly string[] }>, iterations = 5): Map<string, Map<string, number>> {
  const NULL = '\u0000';
  let t = new Map<string, Map<string, number>>();
  const targets = new Set<string>();
  for (const p of pairs) for (const w of p.target) targets.add(w);
  const uniform = 1 / Math.max(1, targets.size);
  const prob = (s: string, w: string) => t.get(s)?.get(w) ?? uniform;
  for (let it = 0; it < iterations; it++) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const p of pairs) {
      const sources = [NULL, ...p.source];
      for (const w of p.target) {
        let z = 0;
        for (const s of sources) z += prob(s, w);
        if (z <= 0) continue;
        for (const s of sources) {
          const c = prob(s, w) / z;
          let row = counts.get(s);
          if (!row) counts.set(s, (row = new Map()));
          row.set(w, (row.get(w) ?? 0) + c);
          totals.set(s, (totals.get(s) ?? 0) + c);
        }
      }
    }
    const next = new Map<string, Map<string, number>>();
    for (const [s, row] of counts) {
      const z = totals.get(s) ?? 1;
      const out = new Map<string, number>();
      for (const [w, c] of row) out.set(w, c / z);
      next.set(s, out);
    }
    t = next;
  }
  t.delete(NULL);
  return t;
}

/** A seeded normal deviate stream (Box–Muller over a 32-bit LCG), so a run is repeatable. */
function normals(seed: number): () => number {
  let x = seed >>> 0;
  const uniform = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Eigen-decomposition of a small symmetric matrix (n × n, row-major) by cyclic Jacobi: values and column vectors. */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (m[p * n + q] ?? 0) ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q] ?? 0;
        if (Math.abs(apq) < 1e-15) continue;
        const app = m[p * n + p] ?? 0;
        const aqq = m[q * n + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p] ?? 0;
          const mkq = m[k * n + q] ?? 0;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k] ?? 0;
          const mqk = m[q * n + k] ?? 0;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i] ?? 0;
  return { values, vectors: v };
}

/**
 * Dense word vectors from a co-occurrence model's PPMI rows by truncated SVD (randomized, one power
 * iteration): a target's vector is its row of U × σ^power over the `rank` largest singular values,
 * L2-normalised; neighbours by cosine.
 */
export class SvdEmbedding {
  readonly vectors: Float32Array;
  constructor(readonly model: CooccurrenceModel, readonly rank = 150, power = 0.5, seed = 15) {
    const T = model.terms.length;
    const C = model.C;
    const M = model.ppmi;
    const l = rank + 10;
    const gauss = normals(seed);
    const omega = new Float64Array(C * l);
    for (let i = 0; i < omega.length; i++) omega[i] = gauss();
    // Y = M Ω, then one power iteration Y = M (Mᵀ Y).
    const times = (right: Float64Array): Float64Array => {
      const out = new Float64Array(T * l);
      for (let t = 0; t < T; t++) {
        for (let c = 0; c < C; c++) {
          const x = M[t * C + c] ?? 0;
          if (x === 0) continue;
          for (let j = 0; j < l; j++) out[t * l + j] = (out[t * l + j] ?? 0) + x * (right[c * l + j] ?? 0);
        }
      }
      return out;
    };
    const transposeTimes = (left: Float64Array): Float64Array => {
      const out = new Float64Array(C * l);
      for (let t = 0; t < T; t++) {
        for (let c = 0; c < C; c++) {
          const x = M[t * C + c] ?? 0;
          if (x === 0) continue;
          for (let j = 0; j < l; j++) out[c * l + j] = (out[c * l + j] ?? 0) + x * (left[t * l + j] ?? 0);
        }
      }
      return out;
    };
    const orthonormalise = (y: Float64Array, rows: number) => {
      for (let j = 0; j < l; j++) {
        for (let i = 0; i < j; i++) {
          let dot = 0;
          for (let r = 0; r < rows; r++) dot += (y[r * l + i] ?? 0) * (y[r * l + j] ?? 0);
          for (let r = 0; r < rows; r++) y[r * l + j] = (y[r * l + j] ?? 0) - dot * (y[r * l + i] ?? 0);
        }
        let norm = 0;
        for (let r = 0; r < rows; r++) norm += (y[r * l + j] ?? 0) ** 2;
        norm = Math.sqrt(norm) || 1;
        for (let r = 0; r < rows; r++) y[r * l + j] = (y[r * l + j] ?? 0) / norm;
      }
    };
    let y = times(omega);
    orthonormalise(y, T);
    const z = transposeTimes(y);
    orthonormalise(z, C);
    y = times(z);
    orthonormalise(y, T);
    // B = Qᵀ M is l × C; B Bᵀ = W Σ² Wᵀ; U = Q W.
    const bt = transposeTimes(y); // C × l, = Bᵀ
    const bbt = new Float64Array(l * l);
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < l; i++) {
        const x = bt[c * l + i] ?? 0;
        if (x === 0) continue;
        for (let j = 0; j < l; j++) bbt[i * l + j] = (bbt[i * l + j] ?? 0) + x * (bt[c * l + j] ?? 0);
      }
    }
    const { values, vectors } = symmetricEigen(bbt, l);
    const order = [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0)).slice(0, rank);
    const out = new Float32Array(T * rank);
    for (let t = 0; t < T; t++) {
      let norm = 0;
      for (let k = 0; k < rank; k++) {
        const col = order[k] ?? 0;
        let u = 0;
        for (let j = 0; j < l; j++) u += (y[t * l + j] ?? 0) * (vectors[j * l + col] ?? 0);
        const value = u * Math.pow(Math.max(0, values[col] ?? 0), power / 2);
        out[t * rank + k] = value;
        norm += value * value;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < rank; k++) out[t * rank + k] = (out[t * rank + k] ?? 0) / norm;
    }
    this.vectors = out;
  }

  /** The nearest `k` targets by cosine (the term itself left out). */
  neighbours(term: string, k: number): Associate[] {
    const q = this.model.targetOf.get(term);
    if (q === undefined) return [];
    const r = this.rank;
    const best: Associate[] = [];
    for (let t = 0; t < this.model.terms.length; t++) {
      if (t === q) continue;
      let dot = 0;
      for (let j = 0; j < r; j++) dot += (this.vectors[q * r + j] ?? 0) * (this.vectors[t * r + j] ?? 0);
      if (best.length === k && dot <= (best[k - 1]?.score ?? 0)) continue;
      best.push({ term: this.model.terms[t] ?? '', score: dot });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
    return best;
  }
}
