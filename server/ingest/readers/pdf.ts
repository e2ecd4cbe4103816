/**
 * @module Reads a PDF's text layer off the event loop: pdfjs-dist in a worker thread with a time
 * and memory bound, then reading order (pdf-layout). Encrypted, broken, empty and over-long PDFs
 * become IngestErrors with a Persian message; scripts and attachments are reported, never run.
 */
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../errors';
import { IngestError } from '../ingest-error';
import { layOutPages, type PageText, type PdfPageItems } from './pdf-layout';

export interface PdfLimits {
  /** Pages read at most; a longer PDF is refused. */
  maxPages: number;
  /** Milliseconds before the reader is stopped. */
  timeoutMs: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 200, timeoutMs: 60_000 };

export interface PdfText {
  pageCount: number;
  pages: PageText[];
  runningLines: string[];
  /** The heading under a one-page file's small header line (pdf-layout), or null. */
  titleHint: string | null;
  /** Pages (1-based) with next to no text: scans to be read by OCR. */
  imagePages: number[];
  /** The file holds JavaScript or embedded files; only its text was read. */
  scripts: boolean;
  attachments: boolean;
}

interface WorkerResult {
  ok: boolean;
  pages?: number;
  items?: PdfPageItems[];
  scripts?: boolean;
  attachments?: boolean;
  name?: string;
  message?: string;
  progress?: number;
}

const WORKER_URL = new URL('./pdf-text.worker.mjs', import.meta.url);
/** A page whose text layer has fewer letters than this is taken for a scan. */
const SCAN_LETTERS = 20;

const pdfError = (code: ErrorCode, message: string, file: string) => new IngestError({ code, message, file });

/**
 * The text of a PDF, page by page in reading order.
 *
 * @example
 * const pdf = await readPdfText(bytes, 'circular.pdf');
 * pdf.pages[0].text // 'بخشنامهٔ …'
 */
export async function readPdfText(
  bytes: Uint8Array,
  fileName: string,
  options: { limits?: PdfLimits; onPage?: (page: number, pages: number) => void } = {},
): Promise<PdfText> {
  const limits = options.limits ?? PDF_LIMITS;
  const result = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, maxPages: limits.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(pdfError('pdf_timeout', `خواندن PDF بیش از ${Math.round(limits.timeoutMs / 1000)} ثانیه طول کشید و متوقف شد؛ پرونده را به PDF ساده‌تری تبدیل کنید.`, fileName));
    }, limits.timeoutMs);
    worker.on('message', (message: WorkerResult) => {
      if (message.progress !== undefined && message.pages !== undefined && message.ok === undefined) {
        options.onPage?.(message.progress, message.pages);
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      // Out of memory in the worker lands here: the file, not the server, is the problem.
      reject(pdfError('pdf_unreadable', `PDF خوانده نشد (${error.message.slice(0, 80)})؛ پرونده ممکن است آسیب دیده باشد.`, fileName));
    });
  });
  if (!result.ok) {
    if (result.name === 'PasswordException') {
      throw pdfError('pdf_encrypted', 'این PDF رمز دارد و خوانده نمی‌شود؛ نسخهٔ بی‌رمز آن را بفرستید.', fileName);
    }
    throw pdfError('pdf_broken', 'این پرونده PDF سالمی نیست و خوانده نشد؛ آن را دوباره از برنامهٔ سازنده ذخیره کنید.', fileName);
  }
  const pageCount = result.pages ?? 0;
  if (pageCount === 0) throw pdfError('pdf_no_pages', 'این PDF هیچ صفحه‌ای ندارد.', fileName);
  if (pageCount > limits.maxPages) {
    throw pdfError('too_many_pages', `این PDF ${pageCount.toLocaleString('fa-IR')} صفحه دارد؛ بیش از ${limits.maxPages.toLocaleString('fa-IR')} صفحه درون‌ریزی نمی‌شود. آن را در چند بخش بفرستید.`, fileName);
  }
  const items = result.items ?? [];
  const laidOut = layOutPages(items);
  const imagePages = laidOut.pages
    .filter((p) => items[p.page - 1]?.images === true && (p.text.match(/\p{L}/gu) ?? []).length < SCAN_LETTERS)
    .map((p) => p.page);
  return {
    pageCount,
    pages: laidOut.pages,
    runningLines: laidOut.runningLines,
    titleHint: laidOut.titleHint,
    imagePages,
    scripts: result.scripts === true,
    attachments: result.attachments === true,
  };
}
