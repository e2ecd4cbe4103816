/**
 * @module The annotators' raw labels and how two of them are reconciled: per-sentence decisions,
 * Cohen's kappa, the items an adjudicator must decide, and the adjudicated gold labels.
 */
import type { SentenceSpan } from '../../server/persian/sentences';

export interface RawDirective {
  s: number;
  required: boolean;
  kind: string;
  giver: string | null;
  assignee: string | null;
  deadline: string | null;
  due: string | null;
}

/** An adjudicated directive: the raw label of its sentence, with the sentence quoted and its offsets. */
export interface GoldDirective extends RawDirective {
  quote: string;
  start: number;
  end: number;
}

export interface RawLabels {
  doc: string;
  directives: RawDirective[];
}

export interface Adjudication {
  doc: string;
  s: number;
  /** Is the sentence a directive at all. */
  directive: boolean;
  required: boolean;
  kind?: string;
  giver?: string | null;
  assignee?: string | null;
  deadline?: string | null;
  due?: string | null;
  why?: string;
}

/** What one annotator said of each sentence: 0 none, 1 soft, 2 required. */
export function sentenceCodes(labels: RawLabels | undefined, sentences: number): number[] {
  const codes = new Array<number>(sentences).fill(0);
  for (const d of labels?.directives ?? []) {
    const i = d.s - 1;
    if (i >= 0 && i < sentences) codes[i] = Math.max(codes[i]!, d.required ? 2 : 1);
  }
  return codes;
}

/** Cohen's kappa for two raters over binary decisions. */
export function kappa(a: readonly boolean[], b: readonly boolean[]): { kappa: number; agreement: number; n: number } {
  const n = a.length;
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) both++;
    else if (a[i]) onlyA++;
    else if (b[i]) onlyB++;
  }
  const neither = n - both - onlyA - onlyB;
  const po = (both + neither) / n;
  const pa = (both + onlyA) / n;
  const pb = (both + onlyB) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return { kappa: pe === 1 ? 1 : (po - pe) / (1 - pe), agreement: po, n };
}

export interface Disagreement {
  doc: string;
  s: number;
  a: RawDirective | null;
  b: RawDirective | null;
  /** 'presence': one annotator saw a directive, the other none; 'required' or 'due': both saw one. */
  about: 'presence' | 'required' | 'due';
}

export function disagreements(doc: string, a: RawLabels | undefined, b: RawLabels | undefined): Disagreement[] {
  const byS = (l: RawLabels | undefined) => new Map((l?.directives ?? []).map((d) => [d.s, d] as const));
  const ma = byS(a);
  const mb = byS(b);
  const out: Disagreement[] = [];
  for (const s of [...new Set([...ma.keys(), ...mb.keys()])].sort((x, y) => x - y)) {
    const da = ma.get(s) ?? null;
    const db = mb.get(s) ?? null;
    if (!da || !db) out.push({ doc, s, a: da, b: db, about: 'presence' });
    else if (da.required !== db.required) out.push({ doc, s, a: da, b: db, about: 'required' });
    else if ((da.due ?? null) !== (db.due ?? null)) out.push({ doc, s, a: da, b: db, about: 'due' });
  }
  return out;
}

/**
 * The gold directives of one document: sentences both annotators marked alike, plus what the
 * adjudicator decided for every disagreement. Quotes are the sentences, with their offsets.
 */
export function goldOf(
  doc: string,
  sentences: readonly SentenceSpan[],
  a: RawLabels | undefined,
  b: RawLabels | undefined,
  decided: ReadonlyMap<string, Adjudication>,
): { gold: GoldDirective[]; undecided: Disagreement[] } {
  const open = disagreements(doc, a, b);
  const undecided: Disagreement[] = [];
  const gold: GoldDirective[] = [];
  const contested = new Map(open.map((d) => [d.s, d] as const));
  const ss = [...new Set([...(a?.directives ?? []), ...(b?.directives ?? [])].map((d) => d.s))].sort((x, y) => x - y);
  for (const s of ss) {
    const span = sentences[s - 1];
    if (!span) continue;
    const fromA = a?.directives.find((d) => d.s === s) ?? null;
    const fromB = b?.directives.find((d) => d.s === s) ?? null;
    const base = (fromA ?? fromB)!;
    const conflict = contested.get(s);
    let chosen: RawDirective | null = base;
    if (conflict) {
      const verdict = decided.get(`${doc}#${s}`);
      if (!verdict) {
        undecided.push(conflict);
        continue;
      }
      chosen = verdict.directive
        ? {
            s,
            required: verdict.required,
            kind: verdict.kind ?? base.kind,
            giver: verdict.giver !== undefined ? verdict.giver : base.giver,
            assignee: verdict.assignee !== undefined ? verdict.assignee : base.assignee,
            deadline: verdict.deadline !== undefined ? verdict.deadline : base.deadline,
            due: verdict.due !== undefined ? verdict.due : base.due,
          }
        : null;
    }
    if (chosen) gold.push({ ...chosen, s, quote: span.text, start: span.start, end: span.end });
  }
  return { gold, undecided };
}
