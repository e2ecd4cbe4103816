/**
 * @module The rules of importing a session: a source becomes a hidden draft with suggested
 * directives; a manager edits, confirms, rejects or adds directives (always spans of the
 * body); publishing shows the session and its confirmed directives. Every write is one
 * atomic batch with its audit entry; bad input is a 4xx with a Persian message, nothing saved.
 */
import { createHash } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import type { Clock } from '../clock';
import { auditOfWrittenRow } from '../audit/audit';
import type { Db } from '../db/client';
import type { SessionKind } from '../db/schema';
import { AppError, ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { loadCatalogue } from '../ingest/catalogue-files';
import { importFormatOfSource, SOURCE_FORMATS, type ImportFormat } from '../ingest/formats';
import { IngestError } from '../ingest/ingest-error';
import { MEDIA_URL_MESSAGE, parseMediaUrl } from '../ingest/media-url';
import { storeSessions } from '../ingest/session-store';
import { assertPlausibleDeadline, assertPlausibleRecordDate } from '../dates/plausible-dates';
import { parseDate } from '../persian/jalali';
import { stripBidiControls } from '../security/bidi';
import { toOneLine } from '../security/one-line';
import { presentSuggestion } from '../directives/directives.presenter';
import type { DirectiveRow, DirectivesRepo, DirectiveValues } from '../directives/directives.repo';
import type { DirectivesService } from '../directives/directives.service';
import { sharedExtractionRunner, type ExtractionRunner } from './extraction-runner';
import { readSpan } from './import-source';
import { placeRepairs, type RepairSummary } from './repair-summary';
import { presentDocument } from './document-view';
import type { DraftSessionRow, ImportsRepo, UnitRow } from './imports.repo';
import type { SessionSourcesRepo } from './session-sources.repo';
import type { ImportDraft, PublishResult, Suggestion, SuggestionAdd, SuggestionPatch } from './imports.schemas';
import { persianLetters } from '../persian/letters';

/** The largest file an import reads: text this long is already a very long session. */
export const IMPORT_FILE_LIMIT = 2 * 1024 * 1024;
/** The longest span a directive may quote. */
const MAX_QUOTE = 3_000;
/** Suggestions one draft may hold: a long meeting has tens; 20,000 (one per line of a generated text) made a 12 MB draft no one can review. */
export const MAX_SUGGESTIONS = 1_000;

export interface ImportRequest {
  text: string;
  format: ImportFormat;
  fileName: string;
  title?: string;
  heldOn?: string;
  kind?: SessionKind;
  series?: string;
  mediaUrl?: string;
}

export interface ImportActor {
  id: number;
}

export interface CreateOptions {
  /** Rows that belong with a new draft (an uploaded document's file), written in the batch that stores it. */
  alongside?: (draft: { slug: string; body: string; paragraphs: string[] }) => InStatement[];
}

export interface ImportsDeps {
  db: Db;
  client: Client;
  repo: ImportsRepo;
  clock: Clock;
  /** Where reading and extraction run (default: the process's worker thread). */
  extraction?: ExtractionRunner;
  /** Source documents (PDF, Word, scans) of imported sessions, shown on the review page. */
  sources?: SessionSourcesRepo;
  /** The directive record: a draft's directives, the review's writes. */
  directivesRepo: DirectivesRepo;
  /** Publishes a reviewed draft (and assigns the units confirmed in review). */
  directives: DirectivesService;
}

const InvalidDate = (field: string) =>
  UnprocessableError('invalid_date', `تاریخ «${field}» نامعتبر است؛ آن را به شکل ۱۳۹۹-۱۱-۰۱ (شمسی) یا 2021-01-20 بنویسید.`);
/** A review edit sent with a version someone else's edit has moved on from: nothing was written. */
const SuggestionChanged = (current: Suggestion) =>
  new AppError(409, 'version_conflict', 'بازبین دیگری این رهنمود را در این فاصله تغییر داده است و تغییر شما ذخیره نشد؛ نسخهٔ تازه را ببینید و دوباره تغییر دهید.', { current });
const DraftPublished = (slug: string) =>
  ConflictError('این نشست پیش‌تر منتشر شده است و پیش‌نویس آن دیگر ویرایش نمی‌شود.', { slug, link: `/sessions/${slug}` });

function parseOptionalDate(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (value.trim() === '') return null;
  const iso = parseDate(value);
  if (!iso) throw InvalidDate(field);
  return iso;
}

/**
 * An http(s) link or a 422 (never `javascript:` or a local path from imported data); the same
 * check the readers apply to front matter and JSONL (ingest/media-url.ts).
 *
 * @example
 * checkMediaUrl('https://example.org/webinar.mp4') // 'https://example.org/webinar.mp4'
 */
export function checkMediaUrl(value: string | undefined | null): string | null {
  const url = parseMediaUrl(value);
  if (url === undefined) throw UnprocessableError('invalid_media_url', MEDIA_URL_MESSAGE);
  return url;
}

/**
 * A span of `body` a directive may quote: inside the text, not empty, not cutting a character
 * in two; surrounding spaces are trimmed off. Throws a 422 otherwise.
 *
 * @example
 * checkSpan('الف ب ج', 3, 6) // [4, 5]
 */
export function checkSpan(body: string, start: number, end: number): [number, number] {
  const invalid = (message: string) => UnprocessableError('invalid_span', message, { start, end, length: body.length });
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) {
    throw invalid(`بازه‌ی ${start} تا ${end} در متن نشست (به طول ${body.length}) نیست.`);
  }
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(body[s] ?? '')) s++;
  while (e > s && /\s/u.test(body[e - 1] ?? '')) e--;
  if (s >= e) throw invalid('بازه‌ی انتخاب‌شده متنی ندارد.');
  if (e - s > MAX_QUOTE) throw invalid(`رهنمود نمی‌تواند بیش از ${MAX_QUOTE} نویسه باشد.`);
  const splits = (i: number) => i > 0 && i < body.length && /[\uDC00-\uDFFF]/.test(body[i] ?? '') && /[\uD800-\uDBFF]/.test(body[i - 1] ?? '');
  if (splits(s) || splits(e)) throw invalid('بازه یک نویسه را از میان می‌بُرد.');
  return [s, e];
}

function toIngestFailure(error: unknown): never {
  if (error instanceof IngestError) {
    const details = error.line === undefined ? undefined : { line: error.line, file: error.file };
    throw new AppError(422, error.code, error.message, details);
  }
  // A reader or the extractor failing on odd input is still the input's problem for the user
  // (never a 500); the error is logged so the bug behind it can be found.
  console.error('imports: reading the source failed', error);
  throw UnprocessableError('unreadable_source', 'متن منبع خوانده نشد؛ اگر پرونده درست است، آن را به‌صورت متن ساده (‎.txt) بفرستید.');
}

/**
 * Create the imports service.
 *
 * @example
 * const imports = createImportsService({ db, client, repo: createImportsRepo(db), clock, directivesRepo, directives });
 * const { draft } = await imports.create({ text, format: 'text', fileName: 'pasted.txt', heldOn: '1399-11-01' }, user);
 */
export function createImportsService(deps: ImportsDeps) {
  const { repo, clock } = deps;
  const extraction = deps.extraction ?? sharedExtractionRunner();

  async function unitsByCode(): Promise<Map<string, UnitRow>> {
    return new Map((await repo.units()).map((u) => [u.code, u]));
  }

  /**
   * The repairs stored at import. A draft stored before they were (or whose write failed) gets them
   * computed once in the worker, from `known` when the caller has them, and kept.
   */
  async function repairsOf(session: DraftSessionRow, known?: RepairSummary): Promise<RepairSummary> {
    const bodySha256 = createHash('sha256').update(session.body).digest('hex');
    const stored = await repo.repairsOf(session.id);
    if (stored) return placeRepairs(stored.summary, stored.bodySha256 === bodySha256);
    const format = importFormatOfSource(session.sourceKind);
    const summary =
      known ?? (format && SOURCE_FORMATS[format].repaired ? await extraction.repairs(session.sourceText, format, session.body) : { total: 0, byKind: {}, listed: [] });
    await repo.saveRepairs(session.id, bodySha256, summary, clock.now().toISOString());
    return summary;
  }

  async function draftOf(session: DraftSessionRow, knownRepairs?: RepairSummary): Promise<ImportDraft> {
    const [paragraphRows, directiveRows, units, repairs, source, sameText] = await Promise.all([
      repo.paragraphsOf(session.id),
      deps.directivesRepo.ofSession(session.id),
      repo.units(),
      repairsOf(session, knownRepairs),
      deps.sources?.of(session.id),
      repo.sessionsWithBody(session.body, session.id),
    ]);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const suggestions = directiveRows.map((d) => presentSuggestion(d, byCode));
    return {
      slug: session.slug,
      status: session.status,
      title: session.title,
      kind: session.kind,
      heldOn: session.heldOn,
      series: session.series,
      mediaUrl: session.mediaUrl,
      sourceKind: session.sourceKind,
      original: session.sourceText,
      text: session.body,
      repairs: repairs.listed,
      repairCounts: { total: repairs.total, byKind: repairs.byKind, listed: repairs.listed.length },
      paragraphs: paragraphRows.map((p) => ({ ordinal: p.ordinal, text: p.text, start: p.start, end: p.end, speaker: p.speaker, mediaStartMs: p.mediaStartMs })),
      suggestions,
      sameText: sameText.map((other) => ({
        ...other,
        link: other.status === 'draft' ? `/imports/${encodeURIComponent(other.slug)}` : `/sessions/${encodeURIComponent(other.slug)}`,
      })),
      counts: {
        pending: suggestions.filter((s) => s.review === 'pending' && s.origin !== 'candidate').length,
        candidates: suggestions.filter((s) => s.review === 'pending' && s.origin === 'candidate').length,
        confirmed: suggestions.filter((s) => s.review === 'confirmed').length,
        rejected: suggestions.filter((s) => s.review === 'rejected').length,
      },
      units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
      document: source ? presentDocument(source, session.slug) : null,
    };
  }

  async function draftSession(slug: string): Promise<DraftSessionRow> {
    const session = await repo.sessionBySlug(slug);
    if (!session) throw NotFoundError('پیش‌نویس نشست');
    if (session.status !== 'draft') throw DraftPublished(slug);
    return session;
  }

  async function checkUnits(...codes: Array<string | null | undefined>): Promise<void> {
    const wanted = codes.filter((c): c is string => typeof c === 'string');
    const known = await repo.existingUnitCodes(wanted);
    const missing = wanted.find((c) => !known.has(c));
    if (missing) throw UnprocessableError('unknown_unit', `واحد «${missing}» تعریف نشده است؛ یکی از واحدهای فهرست را برگزینید.`);
  }

  return {
    /** Read, repair and extract a source into a new draft; the same source again returns the first draft (created false). */
    async create(request: ImportRequest, actor: ImportActor, options: CreateOptions = {}): Promise<{ draft: ImportDraft; created: boolean }> {
      const heldOn = parseOptionalDate(request.heldOn, 'تاریخ نشست') ?? null;
      if (heldOn) assertPlausibleRecordDate(heldOn, 'تاریخ نشست');
      const mediaUrl = checkMediaUrl(request.mediaUrl);
      // The same one-line rule as the JSON schema, for the fields of an upload too.
      const title = request.title === undefined ? null : toOneLine(request.title) || null;
      const [units, people, catalogue] = await Promise.all([repo.unitRefs(), repo.peopleRefs(), loadCatalogue(deps.client)]);
      const source = {
        text: request.text,
        format: request.format,
        fileName: stripBidiControls(request.fileName),
        title,
        heldOn,
        kind: request.kind ?? null,
        series: request.series ? persianLetters(toOneLine(request.series)) || null : null,
        mediaUrl,
      };
      // Read in the worker; the same source again is found by its slug before anything is extracted.
      let existing: DraftSessionRow | undefined;
      let outcome;
      try {
        outcome = await extraction.prepare(source, { units, people, catalogue }, async (slug) => {
          existing = await repo.sessionBySlug(slug);
          return existing !== undefined;
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        toIngestFailure(error);
      }
      if (outcome.duplicate) {
        if (!existing) throw new Error(`import ${outcome.slug} vanished during the duplicate check`);
        if (existing.status === 'published') throw DraftPublished(existing.slug);
        return { draft: await draftOf(existing, outcome.repairs), created: false };
      }
      const { prepared } = outcome;
      if (prepared.body.trim() === '') throw UnprocessableError('empty_file', 'پس از پاک‌سازی، متنی در منبع نماند.');
      const suggested = prepared.input.directives.length;
      if (suggested > MAX_SUGGESTIONS) {
        throw UnprocessableError(
          'too_many_suggestions',
          `در این متن ${suggested.toLocaleString('fa-IR')} رهنمود پیشنهاد شد؛ بیش از ${MAX_SUGGESTIONS.toLocaleString('fa-IR')} رهنمود در یک پیش‌نویس بررسی‌شدنی نیست. متن را در چند بخش کوچک‌تر درون‌ریزی کنید.`,
          { suggestions: suggested, limit: MAX_SUGGESTIONS },
        );
      }
      const mediaFromSource = checkMediaUrl(prepared.input.mediaUrl);
      prepared.input.mediaUrl = mediaFromSource;

      const now = clock.now();
      // One batch: the draft, its repair summary (kept so the review reads it instead of repairing the
      // source again on every GET) and its audit entry are stored together or not at all.
      const bodySha256 = createHash('sha256').update(prepared.body).digest('hex');
      await storeSessions(deps.client, [prepared.input], now, undefined, (input) => [
        repo.saveRepairsStatement(input.slug, bodySha256, prepared.repairs, now.toISOString()),
        auditOfWrittenRow(
          {
            actorId: actor.id,
            event: 'import.create',
            entity: 'session',
            after: { slug: input.slug, title: stripBidiControls(input.title), sourceKind: input.sourceKind, suggestions: input.directives.length },
            at: now,
          },
          'SELECT id FROM sessions WHERE slug = ?',
          input.slug,
        ),
        ...(options.alongside?.({ slug: input.slug, body: prepared.body, paragraphs: input.paragraphs.map((p) => p.text) }) ?? []),
      ]);
      const session = await repo.sessionBySlug(prepared.slug);
      if (!session) throw new Error(`import ${prepared.slug} was not stored`);
      return { draft: await draftOf(session, prepared.repairs), created: true };
    },

    /** «پیش‌نویس‌ها»: every draft under review, newest first. */
    async drafts() {
      const rows = await repo.drafts();
      return { items: rows.map((r) => ({ ...r, suggestions: Number(r.suggestions), confirmed: Number(r.confirmed), link: `/imports/${encodeURIComponent(r.slug)}` })) };
    },

    /** A draft (or, after publishing, what was published) with its suggestions. */
    async get(slug: string): Promise<ImportDraft> {
      const session = await repo.sessionBySlug(slug);
      // Ingested sessions never were imports: they are not reviewable here.
      if (!session || (session.status === 'published' && session.publishedAt === null)) throw NotFoundError('پیش‌نویس نشست');
      return draftOf(session);
    },

    /** Publish the draft: confirmed directives become published, the session visible and searchable. */
    async publish(slug: string, options: { rejectUnreviewed?: boolean }, actor: ImportActor): Promise<PublishResult> {
      return deps.directives.publishDraft(await draftSession(slug), options, actor);
    },

    /** Edit, confirm, reject or re-span one suggestion of a draft. */
    async updateDirective(slug: string, id: number, patch: SuggestionPatch, actor: ImportActor): Promise<Suggestion> {
      const session = await draftSession(slug);
      const row = await deps.directivesRepo.inSession(session.id, id);
      if (!row) throw NotFoundError('رهنمود');
      if (row.version !== patch.version) throw SuggestionChanged(presentSuggestion(row, await unitsByCode()));
      if ((patch.start === undefined) !== (patch.end === undefined)) {
        throw UnprocessableError('invalid_span', 'برای جابه‌جا کردن رهنمود، آغاز و پایان بازه را با هم بفرستید.');
      }
      await checkUnits(patch.assignee, patch.recipient);
      const dueOn = parseOptionalDate(patch.due, 'مهلت');
      if (dueOn) assertPlausibleDeadline(dueOn, session.heldOn);
      const now = clock.now().toISOString();

      const set: Partial<DirectiveValues> = { updatedAt: now };
      if (patch.start !== undefined && patch.end !== undefined) {
        const [start, end] = checkSpan(session.body, patch.start, patch.end);
        Object.assign(set, { start, end, quote: session.body.slice(start, end) });
      }
      if (patch.assignee !== undefined) set.assigneeCode = patch.assignee;
      if (patch.recipient !== undefined) set.recipientCode = patch.recipient;
      if (dueOn !== undefined) set.dueOn = dueOn;
      if (patch.dueRule !== undefined) set.dueRule = patch.dueRule === null ? null : stripBidiControls(patch.dueRule).trim() || null;
      if (patch.kind !== undefined) set.kind = patch.kind;
      if (patch.refs !== undefined) set.refs = patch.refs.map((r) => stripBidiControls(r).trim()).filter((r) => r !== '');
      if (patch.speaker !== undefined) set.speaker = patch.speaker === null ? null : stripBidiControls(patch.speaker).trim() || null;
      if (patch.review === 'confirmed') Object.assign(set, { status: 'draft', confirmedAt: row.confirmedAt ?? now });
      if (patch.review === 'rejected') Object.assign(set, { status: 'rejected', confirmedAt: null });
      if (patch.review === 'pending') Object.assign(set, { status: 'draft', confirmedAt: null });

      const before = snapshot(row);
      const fresh = await deps.directivesRepo.update(row.id, patch.version, set, {
        actorId: actor.id,
        event: 'import.directive.update',
        entity: 'directive',
        entityId: row.id,
        before,
        after: { ...before, ...pick(set) },
        at: new Date(now),
      });
      if (!fresh) {
        // Another reviewer's edit landed between the read and this write.
        const now = await deps.directivesRepo.inSession(session.id, id);
        if (!now) throw NotFoundError('رهنمود');
        throw SuggestionChanged(presentSuggestion(now, await unitsByCode()));
      }
      return presentSuggestion(fresh, await unitsByCode());
    },

    /** Mark a directive the extractor missed: a span of the body, confirmed as it is added. */
    async addDirective(slug: string, request: SuggestionAdd, actor: ImportActor): Promise<Suggestion> {
      const session = await draftSession(slug);
      const [start, end] = checkSpan(session.body, request.start, request.end);
      await checkUnits(request.assignee, request.recipient);
      const dueOn = parseOptionalDate(request.due, 'مهلت');
      if (dueOn) assertPlausibleDeadline(dueOn, session.heldOn);
      const existing = await deps.directivesRepo.ofSession(session.id);
      const same = existing.find((d) => d.start === start && d.end === end && d.status !== 'rejected');
      if (same) throw ConflictError('این بازه پیش‌تر به‌عنوان رهنمود علامت خورده است.', { id: same.id });

      const quote = session.body.slice(start, end);
      const units = await repo.unitRefs();
      const reading = readSpan(quote, session.heldOn, units);
      const known = new Set(units.map((u) => u.code));
      const anchor = String(existing.reduce((max, d) => Math.max(max, Number.parseInt(d.anchor, 10) || 0), 0) + 1);
      const paragraph = (await repo.paragraphsOf(session.id)).find((p) => start >= p.start && start < p.end);
      const now = clock.now().toISOString();
      const values: DirectiveValues = {
        sessionId: session.id,
        anchor,
        quote,
        start,
        end,
        speaker: request.speaker === undefined ? (paragraph?.speaker ?? null) : request.speaker,
        kind: request.kind ?? reading.kind,
        refs: reading.refs,
        assigneeCode: request.assignee === undefined ? (reading.assignee && known.has(reading.assignee) ? reading.assignee : null) : request.assignee,
        recipientCode: request.recipient === undefined ? (reading.recipient && known.has(reading.recipient) ? reading.recipient : null) : request.recipient,
        dueRule: reading.dueRule,
        dueOn: dueOn === undefined ? reading.due : dueOn,
        status: 'draft',
        cues: reading.cues,
        confirmedAt: now,
        createdAt: now,
        updatedAt: now,
      };
      const row = await deps.directivesRepo.add(values, {
        actorId: actor.id,
        event: 'import.directive.add',
        entity: 'session',
        entityId: session.id,
        after: { anchor, start, end, quote },
        at: new Date(now),
      });
      if (!row) throw new Error('directive was not stored');
      return presentSuggestion(row, await unitsByCode());
    },

  };
}

function snapshot(row: DirectiveRow) {
  return {
    start: row.start,
    end: row.end,
    kind: row.kind,
    assigneeCode: row.assigneeCode,
    recipientCode: row.recipientCode,
    dueOn: row.dueOn,
    dueRule: row.dueRule,
    refs: row.refs,
    speaker: row.speaker,
    status: row.status,
    confirmedAt: row.confirmedAt,
  };
}

function pick(set: Partial<DirectiveValues>) {
  const { updatedAt: _updatedAt, quote: _quote, ...rest } = set;
  return rest;
}

export type ImportsService = ReturnType<typeof createImportsService>;
