/**
 * @module Document-level evaluation of directive suggestions, as a manager importing each document
 * would meet them: the whole stored text goes through repair and detection with its date, and each
 * suggestion is matched to the labelled sentence it quotes. Soft directives are neither required
 * nor false alarms.
 */
import { explainDirectives, otherCandidates, type DetectionMethod, type PersonRef, type SentenceVerdict, type UnitRef } from '../../server/detection/extract';
import { parseDate } from '../../server/persian/jalali';
import { normalizePersian } from '../../server/persian/normalize';
import { repairText } from '../../server/repair/repair';
import type { CorpusDocument, GoldDirective } from './corpus';

/** What eval:extract counts over whole documents (and train:directives out of fold, document-oof.ts). */
export interface DocumentCounts {
  documents: number;
  required: number;
  found: number;
  suggestions: number;
  correct: number;
  /** Required directives among the suggestions plus the next ten candidates. */
  foundAt10: number;
  negatives: number;
  negativesWithSuggestion: number;
}

export interface DocumentFigures extends DocumentCounts {
  /** Found directives whose label has a resolvable deadline, and how many got that exact date. */
  dueResolvable: number;
  dueExact: number;
  /** Found required directives, and how many got the assignee right (named as the label says, or none when the label has none). */
  assigneeJudged: number;
  assigneeRight: number;
  sentences: number;
  ms: number;
}

const tokens = (text: string): string[] => normalizePersian(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A suggestion quotes a labelled sentence when most of the shorter one's words are in the other. */
export function quotes(quote: string, gold: string): boolean {
  const a = tokens(quote);
  const b = new Set(tokens(gold));
  if (a.length === 0 || b.size === 0) return false;
  const shared = a.filter((t) => b.has(t)).length;
  return shared / Math.min(a.length, b.size) >= 0.7;
}

/** The actor named matches the label's assignee when they share a content word. */
export function sameAssignee(actor: string | null, gold: string | null): boolean {
  if (!gold) return actor === null;
  if (!actor) return false;
  const g = new Set(tokens(gold).filter((t) => t.length > 2));
  return tokens(actor).some((t) => g.has(t));
}

function matchOf(v: SentenceVerdict, gold: readonly GoldDirective[]): GoldDirective | null {
  return gold.find((g) => quotes(v.directive.quote, g.quote)) ?? null;
}

export function evaluateDocuments(
  docs: readonly CorpusDocument[],
  method: DetectionMethod,
  context: { units: readonly UnitRef[]; people: readonly PersonRef[]; modelThreshold?: number },
): DocumentFigures {
  const f: DocumentFigures = {
    documents: docs.length, required: 0, found: 0, suggestions: 0, correct: 0, foundAt10: 0, negatives: 0,
    negativesWithSuggestion: 0, dueResolvable: 0, dueExact: 0, assigneeJudged: 0, assigneeRight: 0, sentences: 0, ms: 0,
  };
  for (const doc of docs) {
    const t0 = performance.now();
    const repaired = repairText(doc.text).text;
    const verdicts = explainDirectives({ text: repaired, sessionDate: doc.date, units: context.units, people: context.people, method, ...(context.modelThreshold !== undefined ? { modelThreshold: context.modelThreshold } : {}) });
    f.ms += performance.now() - t0;
    f.sentences += verdicts.length;
    const suggested = verdicts.filter((v) => v.suggested);
    const reviewed = [...suggested, ...otherCandidates(verdicts, 10)];
    const required = doc.gold.filter((g) => g.required);
    f.required += required.length;
    f.suggestions += suggested.length;
    f.correct += suggested.filter((v) => matchOf(v, doc.gold) !== null).length;
    if (doc.gold.length === 0) {
      f.negatives++;
      if (suggested.length > 0) f.negativesWithSuggestion++;
    }
    for (const g of required) {
      const hit = suggested.find((v) => quotes(v.directive.quote, g.quote));
      if (reviewed.some((v) => quotes(v.directive.quote, g.quote))) f.foundAt10++;
      if (!hit) continue;
      f.found++;
      const goldDue = g.due ? parseDate(g.due) : null;
      if (goldDue) {
        f.dueResolvable++;
        if (hit.directive.due === goldDue) f.dueExact++;
      }
      f.assigneeJudged++;
      if (sameAssignee(hit.directive.actor, g.assignee)) f.assigneeRight++;
    }
  }
  return f;
}

export interface Rates {
  precision: number;
  recall: number;
  recallAt10: number;
  negativesWithSuggestion: number;
  dueExact: number;
  assignee: number;
  sentencesPerSecond: number;
}

export function rates(f: DocumentFigures): Rates {
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    precision: r(f.correct, f.suggestions),
    recall: r(f.found, f.required),
    recallAt10: r(f.foundAt10, f.required),
    negativesWithSuggestion: r(f.negativesWithSuggestion, f.negatives),
    dueExact: r(f.dueExact, f.dueResolvable),
    assignee: r(f.assigneeRight, f.assigneeJudged),
    sentencesPerSecond: r(f.sentences, f.ms / 1000),
  };
}
