/**
 * @module Suggests the directives of a session text: splits sentences, weighs cue rules
 * against narrative signs, and for each suggestion gives a verbatim quote with offsets,
 * speaker, kind, assignee, recipient, legal references, deadline and the cues that fired.
 * `extractSession` also repairs raw text first. Pure: no files, no database.
 */
import type { DirectiveKind } from '../domain';
import { normalizeWithMap, toOriginalSpan, type NormalizedText } from '../persian/normalize';
import { isoToJalali, parseDate } from '../persian/jalali';
import { splitSentences } from '../persian/sentences';
import { repairText, type RepairedText } from '../repair/repair';
import { findActor, judgeVoices } from './authority';
import { obligationClause } from './clause';
import { contentStart, DERIVED_CUES, findCues, type CueHit } from './cues';
import { resolveDeadline } from './deadline';
import { judgeStructure, type GateVerdict } from './gate';
import { namesPastYear, pastFrame } from './past';
import { findLegalRefs } from './refs';
import { createSpeakerTracker, type PersonRef } from './speaker';
import { buildUnitMatcher, type UnitRef } from './units';

export type { UnitRef } from './units';
export type { PersonRef } from './speaker';
export type { GateVerdict, GateReason } from './gate';

export interface FiredCue {
  id: string;
  label: string;
  weight: number;
}

export interface SuggestedDirective {
  /** Always `text.slice(start, end)` of the text the directives were found in. */
  quote: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerKey: string | null;
  kind: DirectiveKind;
  assignee: string | null;
  /** 'text' when the sentence names the unit; 'context' when taken from the directive before. */
  assigneeFrom: 'text' | 'context' | null;
  recipient: string | null;
  /** ISO date, or null when there is no deadline or no session date to resolve it against. */
  due: string | null;
  /** The deadline phrase, verbatim. */
  dueRule: string | null;
  dueWarning: string | null;
  refs: string[];
  cues: FiredCue[];
  score: number;
  /** The structural gate's verdict: what made the sentence a directive (actor, obligation, task verb). */
  gate: GateVerdict;
}

/** One candidate sentence with its verdict, suggested or not: what a manager reads to see why. */
export interface SentenceVerdict {
  start: number;
  end: number;
  text: string;
  suggested: boolean;
  score: number;
  cues: FiredCue[];
  /** Failures are named (gate:no-actor, gate:past-verb, …); a score under the threshold adds `below-threshold`. */
  gate: GateVerdict;
  /** The suggestion this sentence would make if it passed (also for rejected ones). */
  directive: SuggestedDirective;
}

export interface ExtractOptions {
  text: string;
  /** ISO or Jalali (`1399-11-01`); deadlines stay unresolved (due null) without it. */
  sessionDate?: string | null;
  units?: readonly UnitRef[];
  people?: readonly PersonRef[];
  /** Minimum score to suggest; SUGGESTION_THRESHOLD unless an evaluation sweeps it. */
  threshold?: number;
  /** The structural gate (default on); off only to measure the cue weights alone. */
  gate?: boolean;
}

/** Minimum score for a sentence to be suggested (chosen on the development sets: see docs/benchmarks.md). */
export const SUGGESTION_THRESHOLD = 2;

/** States and officials abroad: their obligations are news, not the organisation's tasks. */
const FOREIGN_ACTOR =
  /(?<![\p{L}])(?:روسیه|آمریکا|امریکا|عراق|عراقی|انگلیس|انگلستان|فرانسه|آلمان|اروپا|اروپایی|ژاپن|چین|اسرائیل|صهیونیستی|عربستان|سعودی|ترکیه|پاکستان|افغانستان|سوریه|لبنان|کانادا|یک کشور|کشورهای عضو|اتحادیه اروپا|سازمان ملل|شورای امنیت|آژانس|سازمان بهداشت جهانی|یونسکو|یونیسف|ناتو|بانک جهانی|صندوق بین المللی پول)(?![\p{L}])/u;
/** Cue groups that can make a directive on their own; deadlines and emphasis only add weight. */
const CORE_GROUPS = new Set(['obligation', 'order', 'decision', 'act', 'policy']);
/** Core cues that say "should" without saying who: they need an actor that must act. */
const WEAK_CORE = new Set(['must', 'necessary', 'passive-action', 'imperative', 'demanded']);
const DELIVERABLE =
  /(?<![\p{L}])(?:تهیه|ارسال|ارائه|تدوین|گزارش|برنامه|تکمیل|اجرا|اجرای|راه اندازی|فروش|واگذاری|پرداخت|ثبت|تحویل|شناسایی|پیگیری|برگزاری|تامین|نصب|احداث|تعیین|معرفی|بازدید|تعمیر|رفع|جذب|پایش|بررسی|اعلام(?! (?:کرد|کردند|کرده|شد|داشت|می کند|نمود))|توزیع)(?![\p{L}])/u;
/** First person plural verbs at a clause end: «فعال کنیم»، «افزایش دهیم». */
const WE_VERB = /(?<![\p{L}])\p{L}+(?:یم)(?=\s*(?:[.،؛!]|\s+و\s|\s+به\s|$))/u;

function kindOf(cues: CueHit[], hasDeadline: boolean, hasAssignee: boolean, hasRefs: boolean, text: string, official: boolean): DirectiveKind {
  const ids = new Set(cues.map((c) => c.id));
  if (ids.has('policy-conditional')) return 'policy';
  const strong = cues.some((c) => c.group === 'order' || c.group === 'decision' || c.id === 'obliged' || c.group === 'act');
  const deliverable = DELIVERABLE.test(text);
  if (deliverable && (hasDeadline || (ids.has('act') && hasAssignee))) return 'action';
  if (strong) return 'instruction';
  // An official's «باید … شود» or «بر لزوم … تاکید کرد» instructs the official's own organisation.
  const stated = ids.has('passive-action') || ids.has('emphasised-on') || ids.has('imperative') || ids.has('forbidden');
  if (official && stated && !WE_VERB.test(text)) return 'instruction';
  if (ids.has('emphasised-on') && deliverable) return 'instruction';
  if (!hasAssignee && !hasRefs && !hasDeadline) return 'exhortation';
  if (WE_VERB.test(text) && !hasRefs && !hasDeadline) return 'exhortation';
  return 'instruction';
}

function fired(cue: { id: string; label: string; weight: number }): FiredCue {
  return { id: cue.id, label: cue.label, weight: cue.weight };
}

/**
 * Suggest directives in already repaired text. Offsets point into `text`.
 *
 * @example
 * extractDirectives({ text: 'استان‌ها موظفند ظرف دو هفته گزارش را ارسال کنند.', sessionDate: '1399-11-01', units })
 * // [{ quote: 'استان‌ها موظفند …', kind: 'action', assignee: 'all-provinces', due: '2021-02-03', … }]
 */
export function extractDirectives(options: ExtractOptions): SuggestedDirective[] {
  return explainDirectives(options)
    .filter((v) => v.suggested)
    .map((v) => v.directive);
}

/**
 * Every sentence with a cue for a directive, suggested or not, with the gate's named reasons and
 * the score: why a sentence was or was not suggested.
 *
 * @example
 * explainDirectives({ text: 'استان‌ها گزارش را ارسال کردند.', units }).map((v) => v.gate.reasons.map((r) => r.id))
 * // [['gate:no-obligation', 'gate:past-verb']] or similar
 */
export function explainDirectives(options: ExtractOptions): SentenceVerdict[] {
  const { text } = options;
  const sessionDate = options.sessionDate ? parseDate(options.sessionDate) : null;
  const matcher = buildUnitMatcher(options.units ?? []);
  const fullNorm = normalizeWithMap(text, { zwnj: 'space' }).text;
  const speakers = createSpeakerTracker(options.people ?? [], fullNorm);
  const out: SentenceVerdict[] = [];
  let lastAssignee: { code: string; at: number } | null = null;

  for (const sentence of splitSentences(text)) {
    const norm: NormalizedText = normalizeWithMap(sentence.text, { zwnj: 'space' });
    const n = norm.text;
    const speaker = speakers.next(n);
    const from = contentStart(n);
    const sentenceCues = findCues(n, from);
    if (!sentenceCues.some((c) => c.weight > 0)) continue;
    // Dates and tense signs count only in the obligation's own clause (see clause.ts).
    const clause = obligationClause(n, sentenceCues);
    const cues = clause.obligation ? findCues(n, from, clause) : sentenceCues;

    const toText = (s: number, e: number): [number, number] => {
      const [os, oe] = toOriginalSpan(norm, s, e);
      return [sentence.start + os, sentence.start + oe];
    };
    // The quote: the speaker's own words when an attribution precedes them, else the sentence.
    const quoteFrom = from > 0 && n.slice(from).split(/\s+/).length >= 4 ? from : 0;
    const [start, end] = quoteFrom > 0 ? [toText(quoteFrom, n.length)[0], sentence.end] : [sentence.start, sentence.end];
    const quoteNorm = n.slice(quoteFrom);

    const mentions = matcher.find(quoteNorm);
    const assigneeMention = mentions.find((m) => m.role === 'assignee');
    const recipientMention = mentions.find((m) => m.role === 'recipient' && m.code !== assigneeMention?.code);
    const refs = findLegalRefs(n);
    // The date shown is the clause's, else the sentence's first; only the clause's is evidence of a task.
    const clauseDeadline = sessionDate ? resolveDeadline(n, sessionDate, clause.obligation ? clause : undefined) : null;
    const deadline = clauseDeadline ?? (sessionDate && clause.obligation ? resolveDeadline(n, sessionDate) : null);
    // A date before the session (only ever with an explicit year) reports the past: shown with its
    // warning if the sentence is suggested at all, but no evidence of a task still to do.
    const pastDeadline = clauseDeadline !== null && sessionDate !== null && clauseDeadline.due < sessionDate;
    const openDeadline = pastDeadline ? null : clauseDeadline;
    // A dated deliverable for a named unit is a directive even without a modal verb
    // («تهیه برنامه … در مدت دو هفته و ارسال به سازمان برنامه و بودجه»).
    // An extended deadline («مهلت … تمدید شد») is a relief, not a task.
    const datedTask =
      openDeadline !== null && DELIVERABLE.test(quoteNorm) && mentions.length > 0 && !cues.some((c) => c.weight < 0 || c.id === 'grace-extended');
    if (!datedTask && !cues.some((c) => CORE_GROUPS.has(c.group) || c.id === 'emphasised-on')) continue;

    // «براساس مصوبه دولت وزارت رفاه باید تا نیمه فروردین …»: a dated duty from a resolution is a task, not a general rule.
    // A standing law («طبق ماده ۳۶ قانون … مکلف است … تا آخر ماه بعد») stays a general rule.
    const standingLaw = (c: CueHit) => /قانون/u.test(n.slice(c.start, c.end));
    const all: FiredCue[] = cues.filter((c) => !(openDeadline && c.id === 'general-duty' && !standingLaw(c))).map(fired);
    // Who speaks: an office that can instruct, or a voice whose «باید / خواستار» is only a demand.
    const { official, noAuthority } = judgeVoices(n, from, cues);
    if (official) all.push(fired(DERIVED_CUES.officialSpeaker));
    if (noAuthority) all.push(fired(DERIVED_CUES.noAuthority));
    // A «باید … شود» from an official addresses the official's own organisation; from anyone
    // else, without a named actor, it addresses nobody.
    const core = cues.filter((c) => CORE_GROUPS.has(c.group) || c.id === 'emphasised-on');
    const weakOnly = core.length > 0 && core.every((c) => WEAK_CORE.has(c.id));
    const actorWord = findActor(quoteNorm);
    const actor = mentions.length > 0 || actorWord !== null;
    const dated = !pastDeadline && (openDeadline !== null || cues.some((c) => c.group === 'deadline'));
    // An official's passive «باید … شود» counts as addressed to the official's own organisation only
    // when it sets a date; a general «باید … شود» («سرمایه‌گذاری باید فعال شود») addresses nobody.
    if (weakOnly && !actor && !(official && dated)) all.push(fired(DERIVED_CUES.noAddressee));
    // A deadline, a duty or order, and someone named to carry it out: the shape of a directive.
    // A bare «باید» only counts here when it names one of the organisation's units: «واحد» or
    // «مسئولان» alone are too common in reports.
    const strongCore = core.some((c) => c.group !== 'policy' && !WEAK_CORE.has(c.id));
    if (dated && actor && (strongCore || (core.length > 0 && mentions.length > 0)) && !noAuthority && !cues.some((c) => c.weight <= -2)) {
      all.push(fired(DERIVED_CUES.datedObligation));
    }
    if (openDeadline) all.push(fired(DERIVED_CUES.deadlineResolved));
    // «دولت گفته در سال 82 باید …»، «… می‌بایستی تا پایان سال 82 واگذار کنند» told in 1383: the past, not a task.
    const pastYear = pastDeadline || (sessionDate !== null && namesPastYear(quoteNorm, isoToJalali(sessionDate).jy));
    if (pastYear) all.push(fired(DERIVED_CUES.pastYear));
    // «سال گذشته در همین جلسه مقرر شد … راه اندازی کند که … اجرا نشده»: the obligation itself is told as past.
    const framedPast = pastFrame(n, cues, clause);
    // «رئیس جمهوری روسیه … باید دولت جدید را معرفی کند»: the actor before the duty is abroad.
    const firstCore = Math.min(...core.map((c) => c.start));
    const foreignActor = core.length > 0 && FOREIGN_ACTOR.test(n.slice(quoteFrom, Math.max(quoteFrom, firstCore))) && !noAuthority;
    if (foreignActor) all.push(fired(DERIVED_CUES.foreignActor));
    if (assigneeMention) all.push(fired(DERIVED_CUES.assignee));
    if (refs.length > 0) all.push(fired(DERIVED_CUES.legalRef));
    const policy = cues.some((c) => c.group === 'policy');
    // A policy states what will follow; «می‌تواند» inside it is part of the promise, not a permission instead of a duty.
    const score = all.filter((c) => !(policy && c.id === 'permission')).reduce((sum, c) => sum + c.weight, 0);
    const gate: GateVerdict =
      options.gate === false
        ? { passed: true, reasons: [] }
        : judgeStructure({
            text: n,
            contentFrom: quoteFrom,
            cues,
            clause,
            unitNamed: mentions.length > 0,
            actor: actorWord ?? (mentions.length > 0 ? n.slice(mentions[0]?.start ?? 0, mentions[0]?.end ?? 0) : null),
            official,
            noAuthority,
            dated,
            foreignActor,
            pastYear,
            pastFrame: framedPast,
            datedTask,
            legalRef: refs.length > 0,
          });
    // The gate's verdict travels with the cues, so a stored suggestion shows what made it a directive.
    for (const r of gate.passed ? gate.reasons : []) all.push({ id: r.id, label: r.detail ? `${r.label}: ${r.detail}` : r.label, weight: 0 });
    const hasDeadline = openDeadline !== null || cues.some((c) => c.group === 'deadline');
    const kind = kindOf(cues, hasDeadline, assigneeMention !== undefined, refs.length > 0, quoteNorm, official);
    const strongEnough = score >= (options.threshold ?? SUGGESTION_THRESHOLD);
    // An exhortation sets nobody a task to follow up: on every labelled set, each one suggested was a look-alike.
    const suggested = gate.passed && strongEnough && kind !== 'exhortation';
    if (gate.passed && !strongEnough) gate.reasons.push({ id: 'below-threshold', label: 'امتیاز نشانه‌ها کمتر از آستانه' });
    else if (gate.passed && !suggested) gate.reasons.push({ id: 'exhortation', label: 'اندرز کلی، بی کاری مشخص برای پیگیری' });
    let assignee = assigneeMention?.code ?? null;
    let assigneeFrom: SuggestedDirective['assigneeFrom'] = assignee ? 'text' : null;
    if (!assignee && lastAssignee && sentence.start - lastAssignee.at < 1500) {
      assignee = lastAssignee.code;
      assigneeFrom = 'context';
    }
    if (assignee && suggested) lastAssignee = { code: assignee, at: sentence.end };

    let dueRule: string | null = null;
    if (deadline) {
      const [ds, de] = toText(deadline.start, deadline.end);
      dueRule = text.slice(ds, de);
    }
    const directive: SuggestedDirective = {
      quote: text.slice(start, end),
      start,
      end,
      speaker: speaker?.name ?? null,
      speakerKey: speaker?.key ?? null,
      kind,
      assignee,
      assigneeFrom,
      recipient: recipientMention?.code ?? null,
      due: deadline?.due ?? null,
      dueRule,
      dueWarning: deadline?.warning ?? null,
      refs,
      cues: all,
      score: Math.round(score * 10) / 10,
      gate,
    };
    out.push({ start, end, text: sentence.text, suggested, score: directive.score, cues: all, gate, directive });
  }
  return out;
}

export interface ExtractedSession {
  repaired: RepairedText;
  directives: SuggestedDirective[];
}

/**
 * Repair raw text, then suggest its directives. Offsets point into `repaired.text`.
 *
 * @example
 * const { repaired, directives } = extractSession({ text: raw, sessionDate: '1399-11-01', units, people });
 * directives[0].quote === repaired.text.slice(directives[0].start, directives[0].end) // true
 */
export function extractSession(options: ExtractOptions): ExtractedSession {
  const repaired = repairText(options.text);
  return { repaired, directives: extractDirectives({ ...options, text: repaired.text }) };
}
