/**
 * @module Suggests the directives of a session text: splits sentences, weighs cue rules
 * against narrative signs, and for each suggestion gives a verbatim quote with offsets,
 * speaker, kind, assignee, recipient, legal references, deadline and the cues that fired.
 * `extractSession` also repairs raw text first. Pure: no files, no database.
 */
import type { DirectiveKind } from '../domain';
import { normalizePersian, normalizeWithMap, toOriginalSpan, type NormalizedText } from '../persian/normalize';
import { isoToJalali, parseDate } from '../persian/jalali';
import { boundSentences, splitSentences } from '../persian/sentences';
import { repairText, type RepairedText } from '../repair/repair';
import { findAddresseeSpan, namesIssuer } from './actor';
import { findActor, judgeVoices } from './authority';
import { obligationClause } from './clause';
import { contentStart, cuesWith, DERIVED_CUES, findCues, type CueGroup, type CueHit } from './cues';
import { resolveDeadline, resolveGraceStatement, resolveYearDuty } from './deadline';
import { judgeStructure, type GateVerdict } from './gate';
import { namesPastYear, pastFrame } from './past';
import { findLegalRefs } from './refs';
import { createSpeakerTracker, speakerLabelEnd, type PersonRef } from './speaker';
import { buildUnitMatcher, type UnitRef } from './units';
import { MODEL_THRESHOLD, scoreWindow, topContributions } from './model/model';
import { windowAt, type NamedFeatures, type RuleEvidence } from './model/features';

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
  /** 'text' when the sentence names the unit; null when it names none (never guessed from context). */
  assigneeFrom: 'text' | null;
  /** Who must act, as the sentence says it («دفتر برنامه و بودجه»، «شهرداری ها»), when it says. */
  actor: string | null;
  recipient: string | null;
  /** ISO date, or null when there is no deadline or no session date to resolve it against. */
  due: string | null;
  /** The deadline phrase, verbatim. */
  dueRule: string | null;
  dueWarning: string | null;
  refs: string[];
  cues: FiredCue[];
  /** The cue rules' score (what the hand-written rules weighed). */
  score: number;
  /** The model's probability that the sentence is a directive, 0–1. */
  probability: number;
  /** The structural gate's verdict: what made the sentence a directive (actor, obligation, task verb). */
  gate: GateVerdict;
}

/** One candidate sentence with its verdict, suggested or not: what a manager reads to see why. */
export interface SentenceVerdict {
  start: number;
  end: number;
  text: string;
  suggested: boolean;
  /** What the hand-written rules alone would have decided (for comparison and as a model feature). */
  suggestedByRules: boolean;
  score: number;
  probability: number;
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
  /** Minimum cue score for the rules to suggest; SUGGESTION_THRESHOLD unless an evaluation sweeps it. */
  threshold?: number;
  /** Minimum model probability to suggest; MODEL_THRESHOLD unless an evaluation sweeps it. */
  modelThreshold?: number;
  /** 'model' (default): the learned decision; 'rules': the hand-written rules alone, kept for comparison. */
  method?: DetectionMethod;
  /** The structural gate (default on); off only to measure the cue weights alone. */
  gate?: boolean;
}

/** Minimum cue score for the rules to suggest a sentence (chosen in earlier rounds; now a model feature). */
export const SUGGESTION_THRESHOLD = 2;
/**
 * The longest sentence judged as one (characters): a longer run without punctuation is judged in
 * pieces, so a quote stays reviewable (under the 3,000 a reviewer may mark) and the work per
 * sentence bounded. The longest sentence of the seed write-up is 409 characters.
 */
export const MAX_SENTENCE = 2_000;
export type DetectionMethod = 'model' | 'rules';
/** Model features that explain a suggestion, shown as its reasons beside the cue labels. */
const EXPLAINED_FEATURES = 4;

/** States and officials abroad: their obligations are news, not the organisation's tasks. */
const FOREIGN_ACTOR =
  /(?<![\p{L}])(?:روسیه|آمریکا|امریکا|عراق|عراقی|انگلیس|انگلستان|فرانسه|آلمان|اروپا|اروپایی|ژاپن|چین|اسرائیل|صهیونیستی|عربستان|سعودی|ترکیه|پاکستان|افغانستان|سوریه|لبنان|کانادا|یک کشور|کشورهای عضو|اتحادیه اروپا|سازمان ملل|شورای امنیت|آژانس|سازمان بهداشت جهانی|یونسکو|یونیسف|ناتو|بانک جهانی|صندوق بین المللی پول)(?![\p{L}])/u;
/** Cue groups that can make a directive on their own; deadlines and emphasis only add weight. */
const CORE_GROUPS: ReadonlySet<CueGroup> = new Set<CueGroup>(['obligation', 'order', 'decision', 'act', 'policy']);
/** Core cues that say "should" without saying who: they need an actor that must act. */
const WEAK_CORE = cuesWith('weak-core');
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

/**
 * Where the addressee stands: the phrase an obligation gives it in the quote, else in the attribution
 * before it («… با بیان اینکه این سازمان موظف است … گفت:»), else the unit named, else an actor word.
 */
function addresseeSpan(
  quote: string,
  attribution: string,
  unit: { start: number; end: number } | undefined,
  actorWord: string | null,
  toText: (start: number, end: number) => [number, number],
): [number, number] | null {
  const said = findAddresseeSpan(quote);
  if (said) return toText(said.start, said.end);
  const before = attribution ? findAddresseeSpan(attribution) : null;
  if (before) return toText(before.start - attribution.length, before.end - attribution.length);
  // An actor or unit the sentence names as its rule's maker («هیأت وزیران تصویب کرد …») is told nothing.
  const wordAt = actorWord ? quote.indexOf(actorWord) : -1;
  if (actorWord && wordAt >= 0 && !namesIssuer(quote, wordAt, wordAt + actorWord.length)) return toText(wordAt, wordAt + actorWord.length);
  return unit && !namesIssuer(quote, unit.start, unit.end) ? toText(unit.start, unit.end) : null;
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
  return decide(analyseSentences(options), options);
}

/** Every sentence read by the rules, with the evidence the model scores; nothing decided by the model yet. */
export interface AnalysedSentences {
  verdicts: SentenceVerdict[];
  evidence: RuleEvidence[];
}

export function analyseSentences(options: ExtractOptions): AnalysedSentences {
  const { text } = options;
  const sessionDate = options.sessionDate ? parseDate(options.sessionDate) : null;
  const matcher = buildUnitMatcher(options.units ?? []);
  const fullNorm = normalizeWithMap(text, { zwnj: 'space' }).text;
  const speakers = createSpeakerTracker(options.people ?? [], fullNorm);
  const out: SentenceVerdict[] = [];
  const evidence: RuleEvidence[] = [];
  /** Whether each sentence so far holds an obligation, for a deadline stated in a later one. */
  const duties: boolean[] = [];

  for (const sentence of boundSentences(splitSentences(text), text, MAX_SENTENCE)) {
    const norm: NormalizedText = normalizeWithMap(sentence.text, { zwnj: 'space' });
    const n = norm.text;
    const speaker = speakers.next(n);
    const from = contentStart(n);
    const sentenceCues = findCues(n, from);
    const hasCue = sentenceCues.some((c) => c.weight > 0);
    // Dates and tense signs count only in the obligation's own clause (see clause.ts).
    const clause = obligationClause(n, sentenceCues);
    const cues = clause.obligation ? findCues(n, from, clause) : sentenceCues;

    const toText = (s: number, e: number): [number, number] => {
      const [os, oe] = toOriginalSpan(norm, s, e);
      return [sentence.start + os, sentence.start + oe];
    };
    // The quote: the speaker's own words when an attribution («… گفت:») precedes them, else the sentence.
    const quoteFrom = from > 0 && n.slice(from).split(/\s+/).length >= 4 ? from : 0;
    // A speaker's label («فیروزی:») is left out of the quote shown too; the model's features stay
    // those of quoteFrom (pinned in model/verdicts.test.ts), only the span shown moves.
    const labelEnd = speakerLabelEnd(n);
    const shownFrom = labelEnd > quoteFrom && n.slice(labelEnd).split(/\s+/).length >= 4 ? labelEnd : quoteFrom;
    const [start, end] = shownFrom > 0 ? [toText(shownFrom, n.length)[0], sentence.end] : [sentence.start, sentence.end];
    const quoteNorm = n.slice(quoteFrom);

    const mentions = matcher.find(quoteNorm);
    const assigneeMention = mentions.find((m) => m.role === 'assignee');
    const recipientMention = mentions.find((m) => m.role === 'recipient' && m.code !== assigneeMention?.code);
    const refs = findLegalRefs(n);
    // The date shown is the clause's, else the sentence's first; only the clause's is evidence of a task.
    const clauseDeadline = sessionDate ? resolveDeadline(n, sessionDate, clause.obligation ? clause : undefined) : null;
    const deadline =
      clauseDeadline ?? (sessionDate && clause.obligation ? (resolveDeadline(n, sessionDate) ?? resolveYearDuty(n, sessionDate)) : null);
    // A date before the session (only ever with an explicit year) reports the past: shown with its
    // warning if the sentence is suggested at all, but no evidence of a task still to do.
    const pastDeadline = clauseDeadline !== null && sessionDate !== null && clauseDeadline.due < sessionDate;
    const openDeadline = pastDeadline ? null : clauseDeadline;
    // A dated deliverable for a named unit is a directive even without a modal verb
    // («تهیه برنامه … در مدت دو هفته و ارسال به سازمان برنامه و بودجه»).
    // An extended deadline («مهلت … تمدید شد») is a relief, not a task.
    const datedTask =
      openDeadline !== null && DELIVERABLE.test(quoteNorm) && mentions.length > 0 && !cues.some((c) => c.weight < 0 || c.id === 'grace-extended');
    // The rules only ever judged sentences with a core cue or a dated task; the model reads every sentence.
    const ruleCandidate = hasCue && (datedTask || cues.some((c) => CORE_GROUPS.has(c.group) || c.id === 'emphasised-on'));

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
    const firstCore = core.reduce((m, c) => Math.min(m, c.start), Infinity);
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
    const suggestedByRules = ruleCandidate && gate.passed && strongEnough && kind !== 'exhortation';
    if (ruleCandidate && gate.passed && !strongEnough) gate.reasons.push({ id: 'below-threshold', label: 'امتیاز نشانه‌ها کمتر از آستانه' });
    else if (ruleCandidate && gate.passed && !suggestedByRules) gate.reasons.push({ id: 'exhortation', label: 'اندرز کلی، بی کاری مشخص برای پیگیری' });
    // Only what the sentence itself names: a unit from context or a default would assign the wrong office.
    const assignee = assigneeMention?.code ?? null;
    const assigneeFrom: SuggestedDirective['assigneeFrom'] = assignee ? 'text' : null;
    const actorText = addresseeSpan(quoteNorm, n.slice(0, quoteFrom), assigneeMention, actorWord, (s, e) => toText(quoteFrom + s, quoteFrom + e));

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
      actor: actorText ? text.slice(actorText[0], actorText[1]) : null,
      recipient: recipientMention?.code ?? null,
      due: deadline?.due ?? null,
      dueRule,
      dueWarning: deadline?.warning ?? null,
      refs,
      cues: all,
      score: Math.round(score * 10) / 10,
      probability: 0,
      gate,
    };
    evidence.push({
      text: n,
      cues: [...sentenceCues.map((c) => c.id), ...all.map((c) => c.id), ...(gate.passed ? [] : gate.reasons.map((r) => r.id))],
      ruleSuggested: suggestedByRules,
      ruleScore: ruleCandidate ? score : 0,
      gatePassed: ruleCandidate && gate.passed,
      kind,
      index: out.length,
    });
    // «… موظفند برنامه … ارائه دهند. … مهلت ارایه برنامه مرداد 1383 تعیین شده است»: the time allowed,
    // stated apart, is the due date of the nearest duty before it (within two sentences) that has
    // none, or only the day it starts («از ابتدای سال آینده … تعطیل کنند»).
    const grace = sessionDate && clause.obligation === null ? resolveGraceStatement(n, sessionDate) : null;
    if (grace) {
      const duty = [out.length - 1, out.length - 2].find((i) => i >= 0 && duties[i]);
      const target = duty === undefined ? undefined : out[duty];
      const startOnly = (rule: string | null) => rule !== null && /^از\s/u.test(normalizePersian(rule));
      if (target && (target.directive.due === null || startOnly(target.directive.dueRule))) {
        const [ds, de] = toText(grace.start, grace.end);
        Object.assign(target.directive, { due: grace.due, dueRule: text.slice(ds, de), dueWarning: grace.warning ?? null });
      }
    }
    duties.push(clause.obligation !== null);
    out.push({ start, end, text: sentence.text, suggested: suggestedByRules, suggestedByRules, score: directive.score, probability: 0, cues: all, gate, directive });
  }
  return { verdicts: out, evidence };
}

function decide({ verdicts: out, evidence }: AnalysedSentences, options: ExtractOptions): SentenceVerdict[] {
  const method = options.method ?? 'model';
  const modelThreshold = options.modelThreshold ?? MODEL_THRESHOLD;
  // Named features are kept only for what a review can show: the suggestions, and the best
  // REVIEW_CANDIDATES of the rest so far (those that end up shown are among them). A long import's
  // sentences each have a few thousand; holding all of them to the end was much of its garbage collection.
  const kept = new Map<number, NamedFeatures>();
  const best: number[] = [];
  out.forEach((verdict, i) => {
    const scored = scoreWindow(windowAt(evidence, i));
    const p = Math.round(scored.probability * 1000) / 1000;
    verdict.probability = p;
    verdict.directive.probability = p;
    if (method === 'model') verdict.suggested = scored.probability >= modelThreshold && wordsEnough(verdict.text);
    if (verdict.suggested) {
      kept.set(i, scored.features);
      return;
    }
    // In otherCandidates' order (a later sentence after an equal one), so the last is the one it would drop.
    let at = best.length;
    while (at > 0 && byCandidateRank(out[best[at - 1]!]!, verdict) > 0) at--;
    if (at >= REVIEW_CANDIDATES) return;
    best.splice(at, 0, i);
    kept.set(i, scored.features);
    if (best.length > REVIEW_CANDIDATES) kept.delete(best.pop()!);
  });
  // The reasons a manager reads, for what a review shows (the suggestions and the ranked candidates):
  // the features that carried the score, after the rules' own cues.
  const shown = new Set([...out.filter((v) => v.suggested), ...otherCandidates(out, REVIEW_CANDIDATES)]);
  out.forEach((verdict, i) => {
    if (!shown.has(verdict)) return;
    const features = kept.get(i) ?? scoreWindow(windowAt(evidence, i)).features;
    for (const c of topContributions(features, EXPLAINED_FEATURES)) {
      verdict.cues.push({ id: `model:${c.feature}`, label: c.label, weight: Math.round(c.weight * 100) / 100 });
    }
  });
  return out;
}

/**
 * A directive names someone and a task: a sentence of fewer distinct words than that is not suggested
 * however the model scores it (an unpunctuated run of «باید باید …» cut into pieces scored as
 * obligation language). It may still be listed among the candidates.
 */
const MIN_DISTINCT_WORDS = 3;

function wordsEnough(text: string): boolean {
  const seen = new Set<string>();
  for (const word of text.split(/[\s\u200c]+/u)) {
    if (word) seen.add(word);
    if (seen.size >= MIN_DISTINCT_WORDS) return true;
  }
  return false;
}

/**
 * The sentences a reviewer should look at next: those not suggested, best first, at most `count`.
 *
 * @example
 * otherCandidates(explainDirectives({ text, units }), 10).map((v) => v.probability) // [0.41, 0.33, …]
 */
export function otherCandidates(verdicts: readonly SentenceVerdict[], count: number): SentenceVerdict[] {
  return verdicts
    .filter((v) => !v.suggested)
    .sort(byCandidateRank)
    .slice(0, count);
}

/** Candidates best first: the more probable, then the earlier. */
function byCandidateRank(a: SentenceVerdict, b: SentenceVerdict): number {
  return b.probability - a.probability || a.start - b.start;
}

export interface ExtractedSession {
  repaired: RepairedText;
  directives: SuggestedDirective[];
  /** The next most likely sentences under the threshold, best first (what the review lists after the suggestions). */
  candidates: SuggestedDirective[];
}

/** How many candidates under the threshold a review lists after the suggestions. */
export const REVIEW_CANDIDATES = 10;

/**
 * Repair raw text, then suggest its directives. Offsets point into `repaired.text`.
 *
 * @example
 * const { repaired, directives } = extractSession({ text: raw, sessionDate: '1399-11-01', units, people });
 * directives[0].quote === repaired.text.slice(directives[0].start, directives[0].end) // true
 */
export function extractSession(options: ExtractOptions): ExtractedSession {
  const repaired = repairText(options.text);
  const verdicts = explainDirectives({ ...options, text: repaired.text });
  return {
    repaired,
    directives: verdicts.filter((v) => v.suggested).map((v) => v.directive),
    candidates: otherCandidates(verdicts, REVIEW_CANDIDATES).map((v) => v.directive),
  };
}
