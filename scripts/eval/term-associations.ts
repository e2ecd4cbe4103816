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
  private readonly ppmi: Float32Array;
  private readonly C: number;

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
