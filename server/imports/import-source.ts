/**
 * @module Turns one imported source (pasted text, or a .txt/.md/.vtt/.srt file) into a draft
 * session: repaired paragraphs, the body offsets point into, the repairs made (spans in that
 * body) and the suggested directives with the ids of the cues that fired. No HTTP, no database.
 */
import { createHash } from 'node:crypto';
import { REVIEW_CUES } from '../detection/cue-description';
import { resolveDeadline } from '../detection/deadline';
import { explainDirectives, extractDirectives, otherCandidates, REVIEW_CANDIDATES, type PersonRef, type SuggestedDirective, type UnitRef } from '../detection/extract';
import { findLegalRefs } from '../detection/refs';
import { buildUnitMatcher } from '../detection/units';
import type { DirectiveKind, SessionKind } from '../domain';
import type { Catalogue } from '../ingest/catalogue';
import { isDocumentFormat, SOURCE_FORMATS, type ImportFormat } from '../ingest/formats';
import { IngestError } from '../ingest/ingest-error';
import { composeBody } from '../session-body';
import type { DirectiveInput, ParagraphInput, SessionInput } from '../ingest/session-input';
import { normalizeWithMap, toOriginalSpan } from '../persian/normalize';
import { repairText, type RepairedText } from '../repair/repair';
import { summariseRepairs, type BodyRepair, type RepairSummary } from './repair-summary';
import { sessionKindFromTitle } from './session-kind';

export type { BodyRepair } from './repair-summary';

export interface PreparedImport {
  slug: string;
  input: SessionInput;
  body: string;
  /** Counted and cut to what a review shows (a source can hold 100,000 joined lines). */
  repairs: RepairSummary;
}

export interface ImportSource {
  text: string;
  format: ImportFormat;
  /** Shown in errors; a «1399-11-01-…» prefix also dates the session. */
  fileName: string;
  title?: string | null;
  /** ISO, already parsed. */
  heldOn?: string | null;
  kind?: SessionKind | null;
  series?: string | null;
  mediaUrl?: string | null;
}

export interface ImportContext {
  units: readonly UnitRef[];
  people: readonly PersonRef[];
  catalogue: Catalogue;
}

/** A stable slug for the same source with the same title and date, so a double submit finds the first draft. */
function importSlug(source: ImportSource, heldOn: string | null): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([source.format, source.title ?? null, heldOn, source.text]))
    .digest('hex')
    .slice(0, 10);
  return `import-${heldOn ?? 'undated'}-${hash}`;
}

function read(source: ImportSource, catalogue: Catalogue, repaired?: RepairedText): SessionInput {
  try {
    const [session] = SOURCE_FORMATS[source.format].read(source.text, source.fileName, catalogue, { repaired, title: source.title ?? undefined, heldOn: source.heldOn });
    if (!session) throw new Error(`the ${source.format} reader returned no session`);
    return session;
  } catch (error) {
    if (error instanceof IngestError && !error.file) throw error.inFile(source.fileName);
    throw error;
  }
}

/**
 * The repairs of a raw text source, with spans moved into the session body (the text reader
 * takes a headline out as the title). Empty for markdown and transcripts, whose readers clean
 * cue by cue. Spans are null when the repaired text no longer matches the stored body.
 *
 * @example
 * repairsInBody(raw, 'text', session.body)[0] // { kind: 'blank-line-join', start: 101, … }
 */
export function repairsInBody(text: string, format: ImportFormat, body: string, repairedAlready?: RepairedText): BodyRepair[] {
  if (!SOURCE_FORMATS[format].repaired) return [];
  const repaired = repairedAlready ?? repairText(text);
  const offset = repaired.text.length - body.length;
  const aligned = offset >= 0 && repaired.text.endsWith(body);
  return repaired.repairs.map((r) => {
    const inBody = aligned && r.start !== null && r.end !== null && r.start >= offset;
    return {
      kind: r.kind,
      line: r.line,
      start: inBody && r.start !== null ? r.start - offset : null,
      end: inBody && r.end !== null ? r.end - offset : null,
      before: r.before,
      after: r.after,
      count: r.count,
      note: r.note,
    };
  });
}

/** The paragraph holding `offset`: a binary search over the spans in body order (a scan per directive was 1.5 s for 20,000 of them). */
function paragraphAt(paragraphs: readonly ParagraphInput[], spans: ReadonlyArray<readonly [number, number]>, offset: number): ParagraphInput | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [s = 0, e = 0] = spans[mid] ?? [];
    if (offset < s) high = mid - 1;
    else if (offset >= e) low = mid + 1;
    else return paragraphs[mid];
  }
  return undefined;
}

function toDirectiveInput(d: SuggestedDirective, speaker: string | null, anchor: string, extraCues: readonly string[] = []): DirectiveInput {
  return {
    start: d.start,
    end: d.end,
    anchor,
    speaker,
    kind: d.kind,
    refs: d.refs,
    assigneeCode: d.assignee,
    recipientCode: d.recipient,
    dueRule: d.dueRule,
    dueOn: d.due,
    cues: [...extraCues, ...d.cues.map((c) => c.id)],
    status: 'draft',
  };
}

/** A source read and repaired, with the slug it will be stored under: what the duplicate check needs. */
export interface ReadImport {
  slug: string;
  source: ImportSource;
  read: SessionInput;
  heldOn: string | null;
  body: string;
  /** The repair of a raw text source, computed once for reading and for the list of repairs. */
  repaired?: RepairedText;
}

/**
 * Read and repair one source (no directive extraction yet), so a repeated import can be
 * recognised by its slug before the costly part runs; throws IngestError (with a Persian
 * message) for empty or broken input.
 *
 * @example
 * const { slug } = readImport({ text: raw, format: 'text', fileName: 'pasted.txt' }, ctx);
 */
export function readImport(source: ImportSource, context: ImportContext): ReadImport {
  if (source.text.trim() === '') throw new IngestError({ code: 'empty_file', message: 'متن خالی است؛ متن نشست را بچسبانید یا پرونده‌ای با متن بفرستید.', file: source.fileName });
  const repaired = source.format === 'text' ? repairText(source.text) : undefined;
  const read_ = read(source, context.catalogue, repaired);
  const heldOn = source.heldOn ?? read_.heldOn ?? null;
  const { body } = composeBody(read_.paragraphs);
  return { slug: importSlug(source, heldOn), source, read: read_, heldOn, body, repaired };
}

/**
 * Extract the suggested directives of a read source into a draft session (status 'draft',
 * directives 'draft').
 *
 * @example
 * const { input, repairs } = finishImport(readImport(source, ctx), ctx);
 */
export function finishImport(reading: ReadImport, context: ImportContext): PreparedImport {
  const { source, read: read_, heldOn, body } = reading;
  const knownUnits = new Set(context.units.map((u) => u.code));

  let directives: DirectiveInput[];
  if (read_.directives.length > 0) {
    // The source already marks its directives (markdown :::directive): they are the suggestions.
    directives = read_.directives.map((d, i) => ({ ...d, anchor: String(i + 1), status: 'draft', cues: [REVIEW_CUES.sourceMarked.id] }));
  } else {
    const verdicts = explainDirectives({ text: body, sessionDate: heldOn, units: context.units, people: context.people });
    // In a transcript the cue's speaker label is surer than an attribution in the text.
    const { spans } = composeBody(read_.paragraphs);
    const speakerOf = (d: SuggestedDirective) => paragraphAt(read_.paragraphs, spans, d.start)?.speaker ?? d.speaker;
    directives = [
      ...verdicts.filter((v) => v.suggested).map((v, i) => toDirectiveInput(v.directive, speakerOf(v.directive), String(i + 1))),
      // The next most likely sentences, for the directives the threshold misses: anchors c1…c10 in rank order.
      ...otherCandidates(verdicts, REVIEW_CANDIDATES).map((v, i) =>
        toDirectiveInput(v.directive, speakerOf(v.directive), `c${i + 1}`, [REVIEW_CUES.candidate.id]),
      ),
    ];
  }
  for (const d of directives) {
    // Only units the database knows can be stored (foreign keys); the rest are left for the reviewer.
    if (d.assigneeCode && !knownUnits.has(d.assigneeCode)) d.assigneeCode = null;
    if (d.recipientCode && !knownUnits.has(d.recipientCode)) d.recipientCode = null;
  }

  const title = source.title?.trim() || read_.title;
  const input: SessionInput = {
    ...read_,
    slug: reading.slug,
    title,
    // Chosen on the form, else named by the title («وبینار …»), else news for pasted text, an announcement for a document.
    kind: source.kind ?? sessionKindFromTitle(title) ?? (source.format === 'text' ? 'news' : isDocumentFormat(source.format) ? 'announcement' : read_.kind),
    heldOn,
    series: source.series ?? read_.series ?? null,
    mediaUrl: source.mediaUrl ?? read_.mediaUrl ?? null,
    sourceKind: SOURCE_FORMATS[source.format].sourceKind,
    sourceText: source.text,
    directives,
    status: 'draft',
  };
  return { slug: input.slug, input, body, repairs: summariseRepairs(repairsInBody(source.text, source.format, body, reading.repaired)) };
}

/**
 * Read, repair and extract one source into a draft session (status 'draft', directives
 * 'draft'); throws IngestError (with a Persian message) for empty or broken input.
 *
 * @example
 * const { slug, input, repairs } = prepareImport({ text: raw, format: 'text', fileName: 'pasted.txt', heldOn: '2021-01-20' }, ctx);
 */
export function prepareImport(source: ImportSource, context: ImportContext): PreparedImport {
  return finishImport(readImport(source, context), context);
}

export interface SpanReading {
  kind: DirectiveKind;
  assignee: string | null;
  recipient: string | null;
  due: string | null;
  dueRule: string | null;
  refs: string[];
  cues: string[];
}

/**
 * What the extractor can tell about a span a reviewer marked by hand: its units, deadline
 * and references (kind 'instruction' unless the rules say otherwise).
 *
 * @example
 * readSpan('استان‌ها ظرف دو هفته برنامه را ارسال کنند', '2021-01-20', units).due // '2021-02-03'
 */
export function readSpan(quote: string, sessionDate: string | null, units: readonly UnitRef[]): SpanReading {
  const [suggested] = extractDirectives({ text: quote, sessionDate, units });
  if (suggested && suggested.start === 0 && suggested.end >= quote.trimEnd().length) {
    return {
      kind: suggested.kind,
      assignee: suggested.assignee,
      recipient: suggested.recipient,
      due: suggested.due,
      dueRule: suggested.dueRule,
      refs: suggested.refs,
      cues: [REVIEW_CUES.reviewerMarked.id, ...suggested.cues.map((c) => c.id)],
    };
  }
  const norm = normalizeWithMap(quote, { zwnj: 'space' });
  const mentions = buildUnitMatcher(units).find(norm.text);
  const assignee = mentions.find((m) => m.role === 'assignee')?.code ?? null;
  const recipient = mentions.find((m) => m.role === 'recipient' && m.code !== assignee)?.code ?? null;
  const deadline = sessionDate ? resolveDeadline(norm.text, sessionDate) : null;
  let dueRule: string | null = null;
  if (deadline) {
    const [s, e] = toOriginalSpan(norm, deadline.start, deadline.end);
    dueRule = quote.slice(s, e);
  }
  return {
    kind: 'instruction',
    assignee,
    recipient,
    due: deadline?.due ?? null,
    dueRule,
    refs: findLegalRefs(norm.text),
    cues: [REVIEW_CUES.reviewerMarked.id],
  };
}
