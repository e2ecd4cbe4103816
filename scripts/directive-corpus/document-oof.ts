/**
 * @module Document-level figures from precomputed sentence judgements: what `eval:extract` measures
 * (recall of required directives, precision of suggestions, documents without directives that got
 * a suggestion, recall@(suggested + 10)), but with each document read once and its suggestions
 * decided by any probabilities and rule — so a training run can measure a model out of fold, and
 * sweep thresholds and decision variants, on whole documents imported as a manager would (repaired
 * text, every sentence). The matching of suggestions to labels is evaluate.ts's `quotes`.
 */
import { analyseSentences, type PersonRef, type SentenceVerdict, type UnitRef } from '../../server/detection/extract';
import { featureHash, sentenceFeatures, windowAt, type NamedFeatures, type SparseVector } from '../../server/detection/model/features';
import { normalizePersian } from '../../server/persian/normalize';
import { repairText } from '../../server/repair/repair';
import type { CorpusDocument } from './corpus';
import { quotes, type DocumentCounts } from './evaluate';

export interface JudgedSentence {
  /** The sentence's start in the repaired text (otherCandidates' tie-break). */
  start: number;
  ruleSuggested: boolean;
  ruleScore: number;
  /** A plain keyword filter would pick the sentence (KEYWORDS): the reference the brief compares the detector with. */
  keyword: boolean;
  /** The suggestion would quote some labelled directive (soft ones included): a correct suggestion. */
  correct: boolean;
  /** Indices (into the document's required directives) this sentence quotes. */
  required: number[];
  features: PackedFeatures;
}

export interface JudgedDocument {
  doc: string;
  required: number;
  negative: boolean;
  sentences: JudgedSentence[];
}

/** A plain keyword filter: any word of obligation, order, decision or deadline. */
export const KEYWORDS = /(?<![\p{L}])(?:موظف|مکلف|ملزم|مقرر|دستور|باید|بایست|ابلاغ|الزام|مهلت)/u;

/** Reads a document as an import does (repair, then the rules' analysis) and matches every sentence to the labels once. */
export function judgeDocument(doc: CorpusDocument, units: readonly UnitRef[], people: readonly PersonRef[]): JudgedDocument {
  const repaired = repairText(doc.text).text;
  const { verdicts, evidence } = analyseSentences({ text: repaired, sessionDate: doc.date, units, people });
  const required = doc.gold.filter((g) => g.required);
  const sentences = verdicts.map((v: SentenceVerdict, i) => ({
    start: v.start,
    ruleSuggested: v.suggestedByRules,
    ruleScore: v.score,
    keyword: KEYWORDS.test(normalizePersian(v.text)),
    correct: doc.gold.some((g) => quotes(v.directive.quote, g.quote)),
    required: required.flatMap((g, k) => (quotes(v.directive.quote, g.quote) ? [k] : [])),
    features: packFeatures(sentenceFeatures(windowAt(evidence, i))),
  }));
  return { doc: doc.doc, required: required.length, negative: doc.gold.length === 0, sentences };
}

/** A decision on one sentence from its probability and what the rules said. */
export type Decide = (probability: number, s: JudgedSentence) => boolean;

/**
 * The four document-level counts of eval:extract for the given probabilities (one array per
 * document, one per sentence) and decision. Candidates are ranked as otherCandidates ranks them
 * (probability rounded to a thousandth, then position).
 */
export function countDocuments(docs: readonly JudgedDocument[], probabilities: readonly (readonly number[])[], decide: Decide, candidates = 10): DocumentCounts {
  const c: DocumentCounts = { documents: docs.length, required: 0, found: 0, suggestions: 0, correct: 0, foundAt10: 0, negatives: 0, negativesWithSuggestion: 0 };
  docs.forEach((d, k) => {
    const ps = probabilities[k]!;
    const picked = d.sentences.map((s, i) => decide(ps[i]!, s));
    const suggested = d.sentences.filter((_, i) => picked[i]);
    const rest = d.sentences
      .map((s, i) => ({ s, p: Math.round(ps[i]! * 1000) / 1000, i }))
      .filter(({ i }) => !picked[i])
      .sort((a, b) => b.p - a.p || a.s.start - b.s.start)
      .slice(0, candidates)
      .map(({ s }) => s);
    c.required += d.required;
    c.suggestions += suggested.length;
    c.correct += suggested.filter((s) => s.correct).length;
    if (d.negative) {
      c.negatives++;
      if (suggested.length > 0) c.negativesWithSuggestion++;
    }
    const found = new Set(suggested.flatMap((s) => s.required));
    const reviewed = new Set([...found, ...rest.flatMap((s) => s.required)]);
    c.found += found.size;
    c.foundAt10 += reviewed.size;
  });
  return c;
}

export interface DocumentRates {
  precision: number;
  recall: number;
  f1: number;
  recallAt10: number;
  negativesWithSuggestion: number;
}

export function documentRates(c: DocumentCounts): DocumentRates {
  const r = (a: number, b: number) => (b ? a / b : 0);
  const precision = c.suggestions ? c.correct / c.suggestions : 1;
  const recall = r(c.found, c.required);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    recallAt10: r(c.foundAt10, c.required),
    negativesWithSuggestion: r(c.negativesWithSuggestion, c.negatives),
  };
}

/** A sentence's features hashed but not merged, each with its group, so variants can leave groups out without recomputing them. */
export interface PackedFeatures {
  hash: Int32Array;
  value: Float32Array;
  group: Uint8Array;
}

const GROUPS = new Map<string, number>();

/** The group of a feature name: the part before its first «:» («cue», «c», «prev», …). */
export function featureGroup(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(0, colon);
}

export function groupId(group: string): number {
  let id = GROUPS.get(group);
  if (id === undefined) GROUPS.set(group, (id = GROUPS.size));
  return id;
}

export function packFeatures(features: NamedFeatures): PackedFeatures {
  const hash = new Int32Array(features.size);
  const value = new Float32Array(features.size);
  const group = new Uint8Array(features.size);
  let i = 0;
  for (const [name, v] of features) {
    hash[i] = featureHash(name);
    value[i] = v;
    group[i] = groupId(featureGroup(name));
    i++;
  }
  return { hash, value, group };
}

/** The sparse vector the learner reads (colliding names add up, as hashFeatures does), without the dropped groups. */
export function vectorOf(p: PackedFeatures, drop: ReadonlySet<number> = new Set()): SparseVector {
  const merged = new Map<number, number>();
  for (let i = 0; i < p.hash.length; i++) {
    if (drop.has(p.group[i]!)) continue;
    merged.set(p.hash[i]!, (merged.get(p.hash[i]!) ?? 0) + p.value[i]!);
  }
  const index = new Int32Array(merged.size);
  const value = new Float32Array(merged.size);
  let i = 0;
  for (const [h, v] of merged) {
    index[i] = h;
    value[i] = v;
    i++;
  }
  return { index, value };
}
