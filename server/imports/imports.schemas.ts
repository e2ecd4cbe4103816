/** @module API shapes of imports: the request, the draft under review, its suggestions, edits and publishing. */
import { z } from '@hono/zod-openapi';
import { directiveKinds, sessionKinds, sessionStatuses, sourceKinds } from '../db/schema';
import { textFormats } from '../ingest/formats';
import { oneLineText } from '../security/one-line';
import { UnitRefSchema } from '../sessions/sessions.schemas';
import { REPAIRS_LISTED } from './repair-summary';

/** Characters of pasted text at most; a document's text (a Word file's too) is held to it. */
export const PASTED_TEXT_LIMIT = 1_000_000;

/** Pasted text: the request guards hold its JSON body to about 3 MB (PASTED_IMPORT_BODY_LIMIT), enough for the characters in Persian. */
export const ImportJsonSchema = z
  .object({
    text: z.string().max(PASTED_TEXT_LIMIT, { message: `متن بیش از ${PASTED_TEXT_LIMIT.toLocaleString('fa-IR')} نویسه است؛ آن را در چند بخش درون‌ریزی کنید.` }).openapi({ description: 'the session text as pasted (raw write-up, or a .md/.vtt/.srt source when `format` says so)' }),
    format: z.enum(textFormats).optional().openapi({ description: "default 'text'" }),
    title: oneLineText(500).optional().openapi({ type: 'string', description: 'one line: line breaks and controls become spaces' }),
    heldOn: z.string().max(20).optional().openapi({ description: 'ISO (2021-01-20) or Jalali (1399-11-01)', example: '1399-11-01' }),
    kind: z.enum(sessionKinds).optional(),
    series: oneLineText(300).optional().openapi({ type: 'string' }),
    mediaUrl: z.string().max(2000).optional().openapi({ description: 'http(s) link to the recording' }),
  })
  .openapi('ImportRequest');

const FileField = z.custom<File>((v) => v instanceof File).openapi({ type: 'string', format: 'binary' });
export const ImportFormSchema = z
  .object({
    file: FileField.openapi({
      description: '.txt, .md, .vtt or .srt (UTF-8, UTF-16 with BOM or Windows-1256; ≤ 2 MB), or a document: .pdf, .docx, .png, .jpg (≤ 15 MB; answered 202 with a job)',
    }),
    title: z.string().max(500).optional(),
    heldOn: z.string().max(20).optional(),
    kind: z.enum(sessionKinds).optional(),
    series: z.string().max(300).optional(),
    mediaUrl: z.string().max(2000).optional(),
  })
  .openapi('ImportUpload');

export const CueSchema = z
  .object({ id: z.string(), label: z.string().openapi({ description: 'Persian: why it fired' }), weight: z.number() })
  .openapi('DirectiveCue');

export const reviewStates = ['pending', 'confirmed', 'rejected'] as const;
export type ReviewState = (typeof reviewStates)[number];

export const SuggestionSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int().openapi({ description: 'send back with every review edit; a stale one gets 409 version_conflict' }),
    anchor: z.string().openapi({ description: 'fragment id once published: #d-<anchor>' }),
    quote: z.string().openapi({ description: 'verbatim: text.slice(start, end)' }),
    start: z.number().int(),
    end: z.number().int(),
    speaker: z.string().nullable(),
    kind: z.enum(directiveKinds),
    assignee: UnitRefSchema.nullable(),
    recipient: UnitRefSchema.nullable(),
    due: z.string().nullable().openapi({ description: 'ISO date' }),
    dueRule: z.string().nullable().openapi({ description: 'the deadline phrase, verbatim' }),
    refs: z.array(z.string()),
    cues: z.array(CueSchema),
    review: z.enum(reviewStates),
    origin: z.enum(['suggested', 'candidate', 'added']).openapi({
      description: "'candidate': one of the next most likely sentences under the threshold (never blocks publishing); 'added': marked by a reviewer",
    }),
  })
  .openapi('ImportSuggestion');

export const RepairSchema = z
  .object({
    kind: z.string().openapi({ example: 'reversed-line' }),
    line: z.number().int().openapi({ description: '1-based line of the original' }),
    start: z.number().int().nullable().openapi({ description: 'span in text; null when not in the body (dropped, or in the title)' }),
    end: z.number().int().nullable(),
    before: z.string(),
    after: z.string(),
    count: z.number().int(),
    note: z.string().openapi({ description: 'Persian explanation' }),
  })
  .openapi('ImportRepair');

const Span = { start: z.number().int(), end: z.number().int(), confidence: z.number().openapi({ description: 'OCR confidence, 0–100' }) };

export const DocumentViewSchema = z
  .object({
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    pageCount: z.number().int(),
    paragraphPages: z.array(z.number().int().nullable()).openapi({ description: '1-based page of each paragraph, by ordinal' }),
    ocrPages: z.array(z.number().int()).openapi({ description: 'pages read by OCR' }),
    ocrLines: z.array(z.object({ ...Span, page: z.number().int() })).openapi({ description: 'OCR lines in text, with mean confidence' }),
    lowConfidence: z.array(z.object(Span)).openapi({ description: 'OCR words under the confidence bar, in text' }),
    runningLines: z.array(z.string()).openapi({ description: 'header and footer lines removed, as first found' }),
    notes: z.array(z.string()).openapi({ description: 'Persian notes for the reviewer' }),
    download: z.string().openapi({ description: 'where the original file is downloaded' }),
  })
  .openapi('ImportDocument');

export const ImportJobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    stage: z.enum(['queued', 'reading', 'ocr', 'extracting', 'done', 'failed']),
    done: z.number().int().openapi({ description: 'pages done in this stage' }),
    total: z.number().int(),
    fileName: z.string(),
    slug: z.string().nullable().openapi({ description: 'the draft, once done' }),
    created: z.boolean().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ImportJob');

export const ImportDraftSchema = z
  .object({
    slug: z.string(),
    status: z.enum(sessionStatuses),
    title: z.string(),
    kind: z.enum(sessionKinds),
    heldOn: z.string().nullable(),
    series: z.string().nullable(),
    mediaUrl: z.string().nullable(),
    sourceKind: z.enum(sourceKinds),
    original: z.string().openapi({ description: 'the source exactly as received' }),
    text: z.string().openapi({ description: 'the repaired body all offsets point into' }),
    repairs: z.array(RepairSchema).openapi({ description: `the repairs listed: word-changing kinds first, at most ${REPAIRS_LISTED}, in text order` }),
    repairCounts: z
      .object({
        total: z.number().int().openapi({ description: 'every repair made, listed or not' }),
        byKind: z.record(z.string(), z.number().int()).openapi({ example: { 'line-join': 99999, 'reversed-line': 2 } }),
        listed: z.number().int().openapi({ description: 'how many are in repairs' }),
      })
      .openapi({ description: 'a source with 100,000 broken lines is counted, not listed' }),
    paragraphs: z.array(
      z.object({
        ordinal: z.number().int(),
        text: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        speaker: z.string().nullable(),
        mediaStartMs: z.number().int().nullable(),
      }),
    ),
    suggestions: z.array(SuggestionSchema),
    sameText: z
      .array(z.object({ slug: z.string(), title: z.string(), status: z.enum(sessionStatuses), link: z.string() }))
      .openapi({ description: 'other sessions or drafts with the same text: this write-up was imported before' }),
    counts: z.object({
      pending: z.number().int().openapi({ description: 'suggestions above the threshold not yet confirmed or rejected' }),
      candidates: z.number().int().openapi({ description: 'candidates under the threshold not yet confirmed or rejected' }),
      confirmed: z.number().int(),
      rejected: z.number().int(),
    }),
    units: z.array(UnitRefSchema).openapi({ description: 'units an assignee or recipient may be' }),
    document: DocumentViewSchema.nullable().openapi({ description: 'the PDF, Word file or scan the draft was read from (null for pasted text)' }),
  })
  .openapi('ImportDraft');

const NullableCode = z.string().min(1).max(100).nullable();

export const SuggestionPatchSchema = z
  .object({
    version: z.number().int().min(1).openapi({ description: 'the suggestion version you read; a stale one gets 409 version_conflict with details.current', example: 1 }),
    review: z.enum(reviewStates).optional().openapi({ description: 'confirm, reject, or back to pending' }),
    assignee: NullableCode.optional().openapi({ description: 'unit code' }),
    recipient: NullableCode.optional(),
    due: z.string().max(20).nullable().optional().openapi({ description: 'ISO or Jalali; null clears' }),
    dueRule: oneLineText(300).nullable().optional().openapi({ type: 'string' }),
    kind: z.enum(directiveKinds).optional(),
    refs: z.array(oneLineText(100)).max(20).optional().openapi({ type: 'array', items: { type: 'string' } }),
    speaker: oneLineText(200).nullable().optional().openapi({ type: 'string' }),
    start: z.number().int().min(0).optional().openapi({ description: 'with end: move the quote to another span of the text' }),
    end: z.number().int().min(1).optional(),
  })
  .openapi('ImportSuggestionPatch');

export const SuggestionAddSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    kind: z.enum(directiveKinds).optional(),
    assignee: NullableCode.optional(),
    recipient: NullableCode.optional(),
    due: z.string().max(20).nullable().optional(),
    speaker: oneLineText(200).nullable().optional().openapi({ type: 'string' }),
  })
  .openapi('ImportSuggestionAdd');

export const PublishRequestSchema = z
  .object({ rejectUnreviewed: z.boolean().optional().openapi({ description: 'reject suggestions nobody reviewed instead of refusing (422)' }) })
  .openapi('ImportPublishRequest');

export const PublishResultSchema = z
  .object({
    slug: z.string(),
    published: z.number().int().openapi({ description: 'directives published' }),
    rejected: z.number().int(),
    link: z.string().openapi({ example: '/sessions/import-2021-01-20-3f9a0c1b2d' }),
    assigned: z
      .array(z.object({ directiveId: z.number().int(), unitCode: z.string(), actions: z.number().int() }))
      .openapi({ description: 'actions created for the unit confirmed on each suggestion (a group fans out)' }),
    notAssigned: z
      .array(z.object({ directiveId: z.number().int(), unitCode: z.string(), reason: z.string() }))
      .openapi({ description: 'confirmed units that got no action, and why (a policy, no due date)' }),
  })
  .openapi('ImportPublishResult');

export type ImportDraft = z.infer<typeof ImportDraftSchema>;
export type ImportJobView = z.infer<typeof ImportJobSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type SuggestionPatch = z.infer<typeof SuggestionPatchSchema>;
export type SuggestionAdd = z.infer<typeof SuggestionAddSchema>;
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** `GET /api/imports`: drafts under review. */
export const DraftListSchema = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        heldOn: z.string().nullable(),
        createdAt: z.string(),
        suggestions: z.number().int(),
        confirmed: z.number().int(),
        link: z.string(),
      }),
    ),
  })
  .openapi('ImportDraftList');
