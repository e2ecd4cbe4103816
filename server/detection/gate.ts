/**
 * @module The structural gate of directive detection: a sentence is suggested only when it has the
 * shape of a directive — someone who must act (a unit, officials, a body, the entrants addressed in
 * the second person, or the organisation of an official who sets a date), an obligation or command,
 * and a task verb that is not a report (subjunctive «ارسال کنند / شود», not «ارسال کردند / شد /
 * می‌شود / خواهد شد») — and none of the signs that it opines, sets a target, permits, announces an
 * event, reports the past, drafts, or speaks for a voice without authority. Every verdict carries
 * named reasons («gate:no-actor», «gate:past-verb», …) so a manager sees why. Cue weights still rank.
 */
import type { VerbForm } from '../persian/verb-forms';
import { BARE_COMMAND, NOMINAL_OBLIGATION, STRONG_OBLIGATION, WEAK_OBLIGATION, type ObligationClause } from './clause';
import type { CueHit } from './cues';

export interface GateReason {
  id: string;
  label: string;
  /** What in the sentence decided it: the actor named, the obligation cue, the verb. */
  detail?: string;
}

export interface GateVerdict {
  passed: boolean;
  /** When passed: what made the structure (gate:actor, gate:obligation, gate:task-verb); else every failure. */
  reasons: GateReason[];
}

export interface GateInput {
  /** The normalised sentence. */
  text: string;
  /** Where the speaker's own words begin in `text`. */
  contentFrom: number;
  cues: readonly CueHit[];
  /** obligationClause on the same sentence: the main obligation and its task verb, found once. */
  clause: ObligationClause;
  /** A unit of the organisation is named. */
  unitNamed: boolean;
  /** The actor word named («مدیران»، «دستگاه های اجرایی»), if any. */
  actor: string | null;
  official: boolean;
  noAuthority: boolean;
  /** A deadline was found (resolved or a deadline cue). */
  dated: boolean;
  foreignActor: boolean;
  pastYear: boolean;
  /** «سال گذشته … مقرر شد»: a time in the past framing the obligation in its own clause, or null. */
  pastFrame?: string | null;
  /** A dated deliverable for a named unit without a modal verb («تهیه برنامه … در مدت دو هفته و ارسال به …»). */
  datedTask: boolean;
  /** A legal article is cited («بر اساس ماده ۲۷»). */
  legalRef: boolean;
}

export const GATE_REASONS = {
  actor: { id: 'gate:actor', label: 'مسئول انجام کار نام برده شده' },
  ownOrganisation: { id: 'gate:own-organisation', label: 'مقام صاحب‌اختیار با مهلت: خطاب به سازمان خود' },
  obligation: { id: 'gate:obligation', label: 'تکلیف یا دستور' },
  taskVerb: { id: 'gate:task-verb', label: 'فعل کار التزامی یا امری است (نه گزارش)' },
  noActor: { id: 'gate:no-actor', label: 'رد: کسی که باید کار را انجام دهد نام برده نشده' },
  noObligation: { id: 'gate:no-obligation', label: 'رد: تکلیف یا دستوری نیست' },
  weakAuthority: { id: 'gate:weak-authority', label: 'رد: «باید» تنها، بدون مقام صاحب‌اختیار، واحد سازمان یا مهلت' },
  pastVerb: { id: 'gate:past-verb', label: 'رد: فعل کار گذشته است (گزارش)' },
  presentVerb: { id: 'gate:present-verb', label: 'رد: فعل کار مضارع اخباری است (گزارش یا عادت)' },
  futureVerb: { id: 'gate:future-verb', label: 'رد: فعل کار آینده است (برنامه یا پیش‌بینی)' },
  opinion: { id: 'gate:opinion', label: 'رد: نظر یا برداشت' },
  proposal: { id: 'gate:proposal', label: 'رد: پیشنهاد یا مثال، نه تکلیف' },
  target: { id: 'gate:target', label: 'رد: هدف کمّی یا افق چندساله' },
  permission: { id: 'gate:permission', label: 'رد: اجازه یا فرصت، نه تکلیف' },
  event: { id: 'gate:event', label: 'رد: رویداد یا اعلام برنامه' },
  pastReport: { id: 'gate:past-report', label: 'رد: گزارش گذشته' },
  draft: { id: 'gate:draft', label: 'رد: طرح یا لایحه هنوز تصویب نشده' },
  foreign: { id: 'gate:foreign-actor', label: 'رد: مکلف یا گوینده خارجی' },
  noAuthority: { id: 'gate:no-authority', label: 'رد: گوینده بدون اختیار' },
  question: { id: 'gate:question', label: 'رد: پرسش' },
  generic: { id: 'gate:generic-subject', label: 'رد: خطاب به همه، نه به مسئولی مشخص' },
  publicRequest: { id: 'gate:public-request', label: 'رد: درخواست یا توصیه به عموم مردم' },
  arrangement: { id: 'gate:arrangement', label: 'رد: توافق میان دو طرف، نه تکلیف' },
  appeal: { id: 'gate:appeal', label: 'رد: آرزو یا درخواست همکاری، نه کار مشخص' },
  denial: { id: 'gate:denial', label: 'رد: تکذیب یا شایعه' },
} as const;

/** Against-cues that veto the structure, by the reason they give. */
const VETO: ReadonlyArray<readonly [string, GateReason]> = [
  ['opinion', GATE_REASONS.opinion],
  ['hedge', GATE_REASONS.opinion],
  ['proposal', GATE_REASONS.proposal],
  ['target', GATE_REASONS.target],
  ['quantity-target', GATE_REASONS.target],
  ['long-horizon', GATE_REASONS.target],
  ['permission', GATE_REASONS.permission],
  ['opportunity', GATE_REASONS.permission],
  ['event', GATE_REASONS.event],
  ['past-perfect', GATE_REASONS.pastReport],
  ['draft', GATE_REASONS.draft],
  ['question', GATE_REASONS.question],
  ['generic-subject', GATE_REASONS.generic],
  ['public-request', GATE_REASONS.publicRequest],
  ['advice', GATE_REASONS.publicRequest],
  ['denial', GATE_REASONS.denial],
  ['arrangement', GATE_REASONS.arrangement],
  ['appeal', GATE_REASONS.appeal],
];

/** The two words before a duty cue in the speaker's words («واحدهای صنفی موظفند»), or null if none. */
function subjectBefore(text: string, from: number, cueStart: number): string | null {
  const words = text.slice(from, cueStart).trim().split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const tail = words.slice(-2).filter((w) => !/^(?:که|و|تا|را|نیز|هم|همچنین|باید|شده|است)$/u.test(w));
  return tail.length > 0 ? tail.join(' ') : null;
}

/** A plural noun phrase («داوطلبان»، «ماشین های حمل زباله») ending right before «باید», or null. */
function pluralSubjectBefore(text: string, from: number, cueStart: number): string | null {
  const before = text.slice(Math.max(from, cueStart - 40), cueStart);
  const m = /((?:\p{L}+ ?(?:ها|های)(?: \p{L}+){0,2})|\p{L}+(?:ان|ین))\s*$/u.exec(before);
  return m?.[1] ?? null;
}

const describe = (reason: GateReason, detail?: string): GateReason => (detail ? { ...reason, detail } : { ...reason });

/**
 * Judge whether a sentence has the structure of a directive.
 *
 * @example
 * const text = 'استان ها موظفند تا 30 آبان گزارش را ارسال کنند';
 * const cues = findCues(text);
 * judgeStructure({ text, contentFrom: 0, cues, clause: obligationClause(text, cues), unitNamed: true, actor: 'استان ها',
 *   official: false, noAuthority: false, dated: true, foreignActor: false, pastYear: false }).passed // true
 */
export function judgeStructure(input: GateInput): GateVerdict {
  const { text, cues } = input;
  const failures: GateReason[] = [];
  const ids = new Set(cues.map((c) => c.id));
  const obligationStart = input.clause.obligation?.start ?? null;
  for (const [id, reason] of VETO) {
    // A policy's «می‌تواند» is part of its promise, not a permission instead of a duty.
    if (id === 'permission' && ids.has('policy-conditional')) continue;
    // «استان ها می توانند … بر اساس ماده ۲۷ اقدام کنند»: the organisation's units authorised under an
    // article to act are being told to use it.
    if (id === 'permission' && input.unitNamed && input.legalRef) continue;
    // «شهرداری را مکلف کرد لایحه … را تا سوم خرداد به شورا تقدیم کند»: a bill that is the task's object is no draft.
    const hit = cues.find((c) => c.id === id);
    const framing = hit !== undefined && /^(?:براساس|بر اساس|طبق|مطابق|در ماده)/u.test(text.slice(hit.start, hit.end));
    if (id === 'draft' && hit && !framing && obligationStart !== null && hit.start > obligationStart) continue;
    if (hit && !failures.some((f) => f.id === reason.id)) failures.push(describe(reason, hit.label));
  }
  if (input.pastYear) failures.push(describe(GATE_REASONS.pastReport, 'سالی پیش از جلسه'));
  else if (input.pastFrame) failures.push(describe(GATE_REASONS.pastReport, `«${input.pastFrame}» پیش از تکلیف`));
  if (input.foreignActor) failures.push(describe(GATE_REASONS.foreign));
  if (input.noAuthority) failures.push(describe(GATE_REASONS.noAuthority));

  const strong = cues.filter((c) => STRONG_OBLIGATION.has(c.id));
  const weak = cues.filter((c) => WEAK_OBLIGATION.has(c.id));
  const bare = cues.filter((c) => BARE_COMMAND.has(c.id));
  // A bare «… اقدام کنند / مراجعه کنند» commands when an office says it, a unit is told, or a named
  // actor is given a date («تاکسی‌هایی که … حداکثر تا 28 مهر … مراجعه کنند»).
  const commandedByOffice = input.official || input.unitNamed || (input.dated && input.actor !== null);
  const obligation = strong[0] ?? weak[0] ?? (commandedByOffice ? bare[0] : undefined);
  if (!obligation && !input.datedTask) failures.push(describe(GATE_REASONS.noObligation, bare[0] ? 'فعل التزامی بدون فعل امر، مقام یا واحد' : undefined));

  // Who must act: a named actor; the entrants of a call («… بنویسید»); or, for an official who sets a
  // date, the official's own organisation.
  // Only with a date: «شما باید … سرلوحه کار خود قرار دهید» is a sermon, «باید تا 30 آذر … ارسال کنید» a call.
  const secondPerson = ids.has('you-must') && input.dated;
  // «واحدهای صنفی موظفند …»: a binding duty's subject, whatever its words, is the actor.
  const duty = strong.find((c) => c.id === 'obliged' || c.id === 'forbidden' || c.id === 'grace-held');
  const dutySubject = duty ? subjectBefore(text, input.contentFrom, duty.start) : null;
  // «داوطلبان باید …»، «ماشین های حمل زباله باید …»: a plural subject right before «باید» is who must act.
  const must = cues.find((c) => c.id === 'must');
  const mustSubject = must ? pluralSubjectBefore(text, input.contentFrom, must.start) : null;
  // «از نمایشنامه نویسان خواست تا …»: the demand names its addressee.
  const askedOf = ids.has('demanded') ? (/(?<![\p{L}])از ((?:\p{L}+ ){0,2}\p{L}+) (?:خواست|درخواست کرد)/u.exec(text.slice(input.contentFrom))?.[1] ?? null) : null;
  const actorWord = input.actor ?? dutySubject ?? mustSubject ?? askedOf;
  const ownOrganisation = !actorWord && !input.unitNamed && input.official && input.dated;
  const hasActor = actorWord !== null || input.unitNamed || secondPerson || ownOrganisation;
  // A decision or order names its body in the attribution as often as in the clause: «مقرر شد» binds on its own.
  const impersonal = strong.some((c) => c.id === 'decided' || c.id === 'grace-headline' || c.id === 'policy-conditional');
  if (!hasActor && !impersonal) failures.push(describe(GATE_REASONS.noActor));
  // «باید» as the only obligation: it binds when an office says it, or a unit is told, or a date is set.
  if (obligation && strong.length === 0 && weak.length > 0 && !(input.official || input.unitNamed || input.dated || input.legalRef || secondPerson)) {
    failures.push(describe(GATE_REASONS.weakAuthority, obligation.label));
  }

  // A statute binds through its dates: an article without one describes, it does not set a task.
  // A condition («مشروط به …») in an article grants or limits; it does not set a task either.
  if (obligation?.id === 'statute' && (!input.dated || ids.has('conditional'))) failures.push(describe(GATE_REASONS.noObligation, 'متن قانون بدون مهلت یا با شرط'));

  // «ادارات موظف هستند …»، «مسئولان موظفند …» with no date, from no office, to no unit: a standing duty
  // stated in general, like a bare «باید».
  const standingDuty = strong.length > 0 && strong.every((c) => c.id === 'obliged' && /(?:ند|اند| هستند| است| می باشند| می باشد)$/u.test(text.slice(c.start, c.end)));
  if (standingDuty && !(input.official || input.unitNamed || input.dated || input.legalRef)) {
    failures.push(describe(GATE_REASONS.weakAuthority, strong[0]?.label));
  }

  // The task verb: subjunctive or imperative; a past, present indicative or future verb reports or plans.
  // The gate's obligation is the clause's own (both prefer binding, then «should», then a bare command).
  let verb: VerbForm | null = null;
  if (obligation && !NOMINAL_OBLIGATION.has(obligation.id)) {
    verb = input.clause.verb;
    const detail = verb ? `«${verb.text}»` : undefined;
    if ((verb?.tense === 'past' && !verb.alsoSubjunctive) || verb?.tense === 'perfect') failures.push(describe(GATE_REASONS.pastVerb, detail));
    else if (verb?.tense === 'present') failures.push(describe(GATE_REASONS.presentVerb, detail));
    else if (verb?.tense === 'future') failures.push(describe(GATE_REASONS.futureVerb, detail));
  }

  if (failures.length > 0) return { passed: false, reasons: failures };
  const reasons: GateReason[] = [];
  if (ownOrganisation) reasons.push(describe(GATE_REASONS.ownOrganisation));
  else if (hasActor) reasons.push(describe(GATE_REASONS.actor, actorWord ?? (secondPerson ? 'دوم شخص (فراخوان)' : undefined)));
  if (obligation) reasons.push(describe(GATE_REASONS.obligation, obligation.label));
  else reasons.push(describe(GATE_REASONS.obligation, 'کار مشخص با مهلت برای واحد نام‌برده'));
  if (verb) reasons.push(describe(GATE_REASONS.taskVerb, `«${verb.text}» (${verb.tense}${verb.passive ? '، مجهول' : ''})`));
  return { passed: true, reasons };
}
