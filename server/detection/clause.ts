/**
 * @module The obligation's clause: the span of a sentence that holds its obligation cue («باید»،
 * «موظفند»، «مقرر شد»), the actor before it and the task verb after it. News sentences chain clauses
 * («دوره از ۲۶ دی آغاز می‌شود و متقاضیان باید تا ۱۰ آبان مدارک را ارسال کنند»; «… باید احداث شوند
 * که این اقدام تا پایان امسال انجام می‌شود»): the tense of another clause and a date in another
 * clause say nothing about this obligation. Pure: works on normalizePersian text.
 */
import { findVerbs, type VerbForm } from '../persian/verb-forms';
import { cuesWith, type CueHit } from './cues';

// Which cues oblige, and how, is a trait of each cue's row in the cue table (cues.ts).
export const STRONG_OBLIGATION = cuesWith('strong-obligation');
export const WEAK_OBLIGATION = cuesWith('weak-obligation');
export const BARE_COMMAND = cuesWith('bare-command');
export const NOMINAL_OBLIGATION = cuesWith('nominal-obligation');

export interface ObligationClause {
  /** The obligation cue the clause is built around, or null when the sentence has none. */
  obligation: CueHit | null;
  /** The obligation's task verb (see taskVerb); null for a nominal obligation or none found. */
  verb: VerbForm | null;
  /** [start, end) in the normalised sentence. */
  start: number;
  end: number;
}

/**
 * The verb of the task an obligation cue governs: the first finite verb after it (skipping an
 * auxiliary glued to the cue), or, for a subjunctive command cue, the verb inside it.
 *
 * @example
 * const text = 'استان ها موظفند تا 30 آبان گزارش را ارسال کنند';
 * taskVerb(text, findCues(text).find((c) => c.id === 'obliged'), findVerbs(text))?.text // 'کنند'
 */
export function taskVerb(text: string, cue: CueHit, verbs: readonly VerbForm[]): VerbForm | null {
  if (BARE_COMMAND.has(cue.id) || cue.id === 'you-must' || cue.id === 'passive-action') {
    const inside = verbs.filter((v) => v.start >= cue.start && v.end <= cue.end);
    return inside[inside.length - 1] ?? null;
  }
  let openRelatives = 0;
  let from = cue.end;
  for (const v of verbs) {
    if (v.start < cue.end) continue;
    // The obligation's own verb («موظف شده است»، «مقرر شده است»، «موظف هستند») is not the task's.
    if (v.start - cue.end <= 1 && from === cue.end) {
      from = v.end;
      continue;
    }
    // «… که داوطلب هستند …»: a relative clause closes with its own verb before the task's; a «که / تا»
    // right after the obligation introduces the task itself.
    const between = text.slice(from, v.start);
    const lead = /^\s*(?:که|تا)(?![\p{L}])/u.exec(between);
    openRelatives += [...between.slice(lead ? lead[0].length : 0).matchAll(/(?<![\p{L}])که(?![\p{L}])/gu)].length;
    from = v.end;
    if (openRelatives > 0) {
      openRelatives--;
      continue;
    }
    return v;
  }
  return null;
}

/** The obligation a sentence is judged by: a binding one first, then a «should», then a bare command. */
export function mainObligation(cues: readonly CueHit[], bareAllowed = true): CueHit | null {
  return cues.find((c) => STRONG_OBLIGATION.has(c.id)) ?? cues.find((c) => WEAK_OBLIGATION.has(c.id)) ?? (bareAllowed ? cues.find((c) => BARE_COMMAND.has(c.id)) : undefined) ?? null;
}

const HARD_BOUNDARY = /[.:؛;!؟?]/gu;
/** «… آغاز می شود و متقاضیان باید …»: a finite verb followed by «و» closes a coordinated clause. */
const COORDINATION = /^\s*،?\s*و(?![\p{L}])/u;
/** «… اقدام کند که تا پایان بهمن … فعال شود»: a «که / تا» clause right after the task verb states its purpose. */
const PURPOSE = /^\s*،?\s*(?:که|تا)(?![\p{L}])/u;

function nextStop(text: string, from: number): number {
  const stop = text.slice(from).search(/[.:؛;!؟?]/u);
  return stop < 0 ? text.length : from + stop;
}

/**
 * The clause of the sentence's main obligation. It starts after the last sentence-internal stop
 * («:»، «؛») or coordinated clause («… می‌شود و») before the obligation, and ends with the task
 * verb and the purpose clauses that follow it («… اقدام کند که تا پایان بهمن … فعال شود»); a nominal
 * obligation («خواستار … شد») runs to the next stop. Without an obligation: the whole sentence.
 *
 * @example
 * const text = 'دوره از 26 دی آغاز می شود و متقاضیان باید مدارک را تا 10 آبان ارسال کنند. این دوره ادامه دارد';
 * const c = obligationClause(text, findCues(text));
 * text.slice(c.start, c.end) // ' و متقاضیان باید مدارک را تا 10 آبان ارسال کنند'
 */
export function obligationClause(text: string, cues: readonly CueHit[]): ObligationClause {
  const obligation = mainObligation(cues);
  if (!obligation) return { obligation: null, verb: null, start: 0, end: text.length };
  const verbs = findVerbs(text);
  let start = 0;
  for (const m of text.slice(0, obligation.start).matchAll(HARD_BOUNDARY)) start = (m.index ?? 0) + m[0].length;
  for (const v of verbs) {
    if (v.end <= obligation.start && v.end > start && COORDINATION.test(text.slice(v.end, obligation.start))) start = v.end;
  }
  const verb = NOMINAL_OBLIGATION.has(obligation.id) ? null : taskVerb(text, obligation, verbs);
  if (!verb) return { obligation, verb, start, end: nextStop(text, obligation.end) };
  let end = Math.max(verb.end, obligation.end);
  for (;;) {
    const purpose = PURPOSE.exec(text.slice(end));
    const next = purpose ? verbs.find((v) => v.start >= end) : undefined;
    // A purpose clause is short and single: «… که مقدمات فراهم شده و امیدواریم … برسد» is a new statement.
    const between = next ? text.slice(end, next.start) : '';
    if (!next || next.tense !== 'subjunctive' || nextStop(text, end) < next.start || between.length > 120 || /،|(?<![\p{L}])و(?![\p{L}])/u.test(between)) break;
    end = next.end;
  }
  return { obligation, verb, start, end };
}
