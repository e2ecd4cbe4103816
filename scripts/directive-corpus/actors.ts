/**
 * @module Assignee and due date measured on the labelled directives themselves, independent of the
 * detector's decision: each document goes through repair and the rules' sentence analysis with its
 * date (as an import does), the sentence that holds each labelled required directive is found, and
 * the actor and due date the import would store for it are compared with the label.
 */
import { findAddresseeSpan, type AddresseeForm } from '../../server/detection/actor';
import { analyseSentences, type PersonRef, type SentenceVerdict, type UnitRef } from '../../server/detection/extract';
import { isoToJalali, parseDate } from '../../server/persian/jalali';
import { normalizePersian } from '../../server/persian/normalize';
import { repairText } from '../../server/repair/repair';
import type { CorpusDocument, GoldDirective } from './corpus';
import { sameAssignee } from './evaluate';

/** Why an assignee was judged wrong. */
export type AssigneeError = 'missed' | 'wrong' | 'named-when-none';
/** Why a due date was judged wrong; `added` is a date where the label has none (reported, not in the accuracy). */
export type DueError = 'missed' | 'wrong-year' | 'wrong-month' | 'wrong-day' | 'unresolvable-label' | 'added';

export interface DirectiveOutcome {
  doc: string;
  split: string;
  quote: string;
  /** How much of the label's sentence the analysed sentence covers (0–1); low means the splitter cut it elsewhere. */
  overlap: number;
  goldAssignee: string | null;
  actor: string | null;
  /** What named the actor: a form of the sentence (actor.ts), else a unit or actor word the sentence names, else nothing. */
  source: AddresseeForm | 'fallback' | 'none';
  assigneeRight: boolean;
  assigneeError: AssigneeError | null;
  goldDeadline: string | null;
  /** ISO. */
  goldDue: string | null;
  due: string | null;
  dueRule: string | null;
  dueError: DueError | null;
}

export interface ActorFigures {
  directives: number;
  assigneeRight: number;
  /** Labels with no assignee, and how many got none. */
  assigneeNull: number;
  assigneeNullRight: number;
  /** Labels with a resolvable due date, and how many got exactly it. */
  dueResolvable: number;
  dueExact: number;
  /** Labels without a due date that got one anyway. */
  dueAdded: number;
  assigneeErrors: Record<AssigneeError, number>;
  /** Directives and right assignees by what named the actor. */
  bySource: Record<string, { directives: number; right: number }>;
  dueErrors: Record<DueError, number>;
}

const tokens = (text: string): string[] => normalizePersian(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Share of the label's words that the sentence holds. */
function coverage(sentence: string, gold: string): number {
  const s = new Set(tokens(sentence));
  const g = tokens(gold);
  return g.length === 0 ? 0 : g.filter((t) => s.has(t)).length / g.length;
}

/** The analysed sentence that holds a labelled directive: the one covering most of it, the earliest on a tie. */
export function sentenceOf(verdicts: readonly SentenceVerdict[], gold: GoldDirective): { verdict: SentenceVerdict; overlap: number } | null {
  let best: { verdict: SentenceVerdict; overlap: number } | null = null;
  for (const verdict of verdicts) {
    const overlap = coverage(verdict.text, gold.quote);
    if (!best || overlap > best.overlap) best = { verdict, overlap };
  }
  return best;
}

export function dueError(due: string | null, goldDue: string | null, goldDueText: string | null): DueError | null {
  if (goldDueText && !goldDue) return due ? 'unresolvable-label' : null;
  if (!goldDue) return due ? 'added' : null;
  if (due === goldDue) return null;
  if (!due) return 'missed';
  // Compared on the Jalali calendar the labels use.
  const a = isoToJalali(due);
  const b = isoToJalali(goldDue);
  if (a.jy !== b.jy && a.jm === b.jm && a.jd === b.jd) return 'wrong-year';
  if (a.jy !== b.jy || a.jm !== b.jm) return 'wrong-month';
  return 'wrong-day';
}

/** Jalali `YYYY-MM-DD` of an ISO date, for reading errors. */
export function toJalali(iso: string): string {
  const j = isoToJalali(iso);
  return `${j.jy}-${String(j.jm).padStart(2, '0')}-${String(j.jd).padStart(2, '0')}`;
}

export function assigneeError(actor: string | null, gold: string | null): AssigneeError | null {
  if (sameAssignee(actor, gold)) return null;
  if (!gold) return 'named-when-none';
  return actor ? 'wrong' : 'missed';
}

/** Each labelled required directive of the documents, with what the import path gives it. */
export function judgeDirectives(docs: readonly CorpusDocument[], context: { units: readonly UnitRef[]; people: readonly PersonRef[] }): DirectiveOutcome[] {
  const out: DirectiveOutcome[] = [];
  for (const doc of docs) {
    const required = doc.gold.filter((g) => g.required);
    if (required.length === 0) continue;
    const repaired = repairText(doc.text).text;
    const { verdicts } = analyseSentences({ text: repaired, sessionDate: doc.date, units: context.units, people: context.people });
    for (const g of required) {
      const found = sentenceOf(verdicts, g);
      const actor = found?.verdict.directive.actor ?? null;
      const due = found?.verdict.directive.due ?? null;
      const goldDue = g.due ? parseDate(g.due) : null;
      const aErr = assigneeError(actor, g.assignee);
      out.push({
        doc: doc.doc,
        split: doc.split,
        quote: g.quote,
        overlap: found?.overlap ?? 0,
        goldAssignee: g.assignee,
        actor,
        source: actor === null ? 'none' : (findAddresseeSpan(normalizePersian(found?.verdict.directive.quote ?? ''))?.form ?? 'fallback'),
        assigneeRight: aErr === null,
        assigneeError: aErr,
        goldDeadline: g.deadline,
        goldDue,
        due,
        dueRule: found?.verdict.directive.dueRule ?? null,
        dueError: dueError(due, goldDue, g.deadline),
      });
    }
  }
  return out;
}

export function actorFigures(outcomes: readonly DirectiveOutcome[]): ActorFigures {
  const f: ActorFigures = {
    directives: outcomes.length,
    assigneeRight: 0,
    assigneeNull: 0,
    assigneeNullRight: 0,
    dueResolvable: 0,
    dueExact: 0,
    dueAdded: 0,
    bySource: {},
    assigneeErrors: { missed: 0, wrong: 0, 'named-when-none': 0 },
    dueErrors: { missed: 0, 'wrong-year': 0, 'wrong-month': 0, 'wrong-day': 0, 'unresolvable-label': 0, added: 0 },
  };
  for (const o of outcomes) {
    if (o.assigneeRight) f.assigneeRight++;
    if (o.goldAssignee === null) {
      f.assigneeNull++;
      if (o.assigneeRight) f.assigneeNullRight++;
    }
    const by = (f.bySource[o.source] ??= { directives: 0, right: 0 });
    by.directives++;
    if (o.assigneeRight) by.right++;
    if (o.assigneeError) f.assigneeErrors[o.assigneeError]++;
    if (o.goldDue) {
      f.dueResolvable++;
      if (o.due === o.goldDue) f.dueExact++;
    }
    if (o.dueError) f.dueErrors[o.dueError]++;
    if (o.dueError === 'added') f.dueAdded++;
  }
  return f;
}
