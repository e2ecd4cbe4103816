/**
 * @module Importing a document (PDF, Word, scan): read it into raw text off the request loop (a
 * job with progress), make the draft exactly as pasted text is made (repair, directives), then keep
 * the file as the session's source with where each paragraph's page is and what OCR was unsure of.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { attachmentDisposition, cleanFileName } from '../actions/evidence-files';
import type { SourceLayout } from '../db/schema';
import { AppError, NotFoundError, UnprocessableError } from '../errors';
import { IngestError } from '../ingest/ingest-error';
import { readDocument, sniffDocument, type ReadDocument } from '../ingest/readers/document';
import { locateOcr, paragraphPages } from '../ingest/readers/document-layout';
import type { OcrEngine } from '../ingest/readers/ocr';
import { DOCX_LIMITS, type DocxLimits } from '../ingest/readers/docx';
import type { PdfLimits } from '../ingest/readers/pdf';
import type { ImportJob, ImportJobs } from './import-jobs';
import type { ImportsRepo } from './imports.repo';
import { PASTED_TEXT_LIMIT } from './imports.schemas';
import type { ImportActor, ImportRequest, ImportsService } from './imports.service';
import type { SessionSourcesRepo } from './session-sources.repo';

/** Largest document accepted (the upload guard allows 20 MB per request). */
export const DOCUMENT_FILE_LIMIT = 15 * 1024 * 1024;

export interface DocumentUpload {
  bytes: Buffer;
  fileName: string;
  fields: Omit<ImportRequest, 'text' | 'format' | 'fileName'>;
}

export interface DocumentImportsDeps {
  imports: ImportsService;
  importsRepo: ImportsRepo;
  sources: SessionSourcesRepo;
  jobs: ImportJobs;
  clock: Clock;
  ocr: OcrEngine;
  pdfLimits?: PdfLimits;
  docxLimits?: DocxLimits;
}

function jobError(error: unknown): { code: string; message: string } {
  if (error instanceof IngestError || error instanceof AppError) return { code: error.code, message: error.message };
  console.error('imports: reading a document failed', error);
  return { code: 'unreadable_source', message: 'این پرونده خوانده نشد؛ اگر پرونده درست است، متن آن را به‌صورت متن ساده بفرستید.' };
}

/** The layout of a stored session from what was read and what the repair made of it. */
export function layoutOf(doc: ReadDocument, body: string, paragraphs: readonly string[]): SourceLayout {
  const ocr = doc.ocr.length > 0 ? locateOcr(body, doc.ocr) : { ocrLines: [], lowConfidence: [] };
  return {
    pageCount: doc.pageStarts.length,
    paragraphPages: paragraphPages(doc.text, doc.pageStarts, paragraphs),
    ocrPages: doc.ocr.map((p) => p.page),
    ...ocr,
    runningLines: doc.runningLines,
    notes: doc.notes,
  };
}

/**
 * Create the document-import service.
 *
 * @example
 * const documents = createDocumentImports({ imports, importsRepo, sources, jobs, clock, ocr: DEFAULT_OCR_ENGINE });
 * const job = documents.start(upload, user); // later: documents.job(job.id, user).slug
 */
export function createDocumentImports(deps: DocumentImportsDeps) {
  async function importDocument(upload: DocumentUpload, actor: ImportActor, report: (stage: 'reading' | 'ocr' | 'extracting', done: number, total: number) => void) {
    const fileName = cleanFileName(upload.fileName);
    // A Word file's text is held to the pasted-text limit: it is no way around it.
    const docxLimits = deps.docxLimits ?? { ...DOCX_LIMITS, maxTextChars: PASTED_TEXT_LIMIT };
    const doc = await readDocument(upload.bytes, fileName, { engine: deps.ocr, limits: deps.pdfLimits, docxLimits, progress: report });
    report('extracting', 0, 1);
    const stored = {
      fileName,
      mimeType: doc.mimeType,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      createdAt: deps.clock.now().toISOString(),
    };
    // The file is stored in the draft's own batch: a draft never lacks the document its review shows.
    const { draft, created } = await deps.imports.create(
      { ...upload.fields, title: upload.fields.title ?? doc.titleHint ?? undefined, text: doc.text, format: doc.kind, fileName },
      actor,
      { alongside: ({ slug, body, paragraphs }) => deps.sources.statementsFor(slug, { ...stored, layout: layoutOf(doc, body, paragraphs) }) },
    );
    // The same text imported before (as pasted text, say) is that draft again: it gains this file if it had none.
    const session = created ? undefined : await deps.importsRepo.sessionBySlug(draft.slug);
    if (session && !(await deps.sources.of(session.id))) {
      await deps.sources.save({
        ...stored,
        sessionId: session.id,
        layout: layoutOf(
          doc,
          draft.text,
          draft.paragraphs.map((p) => p.text),
        ),
      });
    }
    return { slug: draft.slug, created };
  }

  return {
    /** Start reading an upload; the job is returned at once. */
    start(upload: DocumentUpload, actor: ImportActor): ImportJob {
      if (upload.bytes.length > DOCUMENT_FILE_LIMIT) {
        throw new AppError(413, 'payload_too_large', `پرونده بزرگ‌تر از ${(DOCUMENT_FILE_LIMIT / 1024 / 1024).toLocaleString('fa-IR')} مگابایت است؛ آن را در چند بخش بفرستید.`);
      }
      if (upload.bytes.length === 0) throw UnprocessableError('empty_file', 'پرونده خالی است.');
      // The type is known from the first bytes: a file that is no document is refused at once, not as a failed job.
      if (!sniffDocument(upload.bytes)) {
        throw UnprocessableError('unsupported_file', 'محتوای این پرونده PDF، Word (‎.docx) یا تصویر PNG/JPEG نیست؛ پرونده را دوباره بفرستید.');
      }
      return deps.jobs.start(actor.id, cleanFileName(upload.fileName), (reporter) => importDocument(upload, actor, (s, k, n) => reporter.stage(s, k, n)), jobError);
    },

    /** A job of this user (admins see every job). */
    job(id: string, actor: ImportActor & { role?: string }): ImportJob {
      const job = deps.jobs.get(id);
      if (!job || (job.ownerId !== actor.id && actor.role !== 'admin')) throw NotFoundError('کار درون‌ریزی');
      return job;
    },

    /** A published session's source document (name, type, size, link), null without one; 404 for a draft or no session. */
    async publishedInfo(slug: string): Promise<{ fileName: string; mimeType: string; size: number; download: string } | null> {
      const session = await deps.importsRepo.sessionBySlug(slug);
      if (!session || session.status !== 'published') throw NotFoundError('نشست');
      const row = await deps.sources.of(session.id);
      return row ? { fileName: row.fileName, mimeType: row.mimeType, size: row.size, download: `/api/sessions/${encodeURIComponent(slug)}/source` } : null;
    },

    /**
     * The stored file for download: bytes, type and a Content-Disposition that never renders inline.
     * `publishedOnly`: for readers of published sessions (a draft's file is the reviewers' alone).
     */
    async file(slug: string, options: { publishedOnly?: boolean } = {}): Promise<{ content: Buffer; mimeType: string; disposition: string }> {
      const row = await deps.importsRepo.sessionBySlug(slug);
      const session = options.publishedOnly && row?.status !== 'published' ? undefined : row;
      const found = session ? await deps.sources.fileOf(session.id) : undefined;
      if (!found) throw NotFoundError('پروندهٔ منبع');
      return { content: found.content, mimeType: found.row.mimeType, disposition: attachmentDisposition(found.row.fileName) };
    },
  };
}

export type DocumentImports = ReturnType<typeof createDocumentImports>;
