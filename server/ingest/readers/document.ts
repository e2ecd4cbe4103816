/**
 * @module Reads a document as it arrives (PDF with or without a text layer, Word .docx, a scanned
 * page as .png/.jpg) into raw text for the repair, remembering where each page starts and what
 * OCR read. The type is decided by the bytes, not the file name.
 */
import { IngestError } from '../ingest-error';
import { readDocxText, type DocxLimits } from './docx';
import { ocrImage, ocrPageText, ocrPdfPages, type OcrEngine, type OcrPage } from './ocr';
import { PDF_LIMITS, readPdfText, type PdfLimits } from './pdf';
import type { DocumentFormat } from '../formats';

/** Which document format it turned out to be (a PDF of scanned pages is a scan). */
export type DocumentKind = DocumentFormat;

export interface ReadDocument {
  kind: DocumentKind;
  mimeType: string;
  /** Raw text for the repair: lines, blank lines between paragraphs. */
  text: string;
  /** Offset in `text` where each page starts (page 1 at index 0); one entry for a single page. */
  pageStarts: number[];
  titleHint: string | null;
  /** What OCR read, for confidence on the review page (empty when nothing was OCR'd). */
  ocr: OcrPage[];
  runningLines: string[];
  notes: string[];
}

export interface DocumentProgress {
  (stage: 'reading' | 'ocr', done: number, total: number): void;
}

const MIME: Record<string, { kind: DocumentKind; mime: string; image?: 'png' | 'jpg' }> = {
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  png: { kind: 'scan', mime: 'image/png', image: 'png' },
  jpg: { kind: 'scan', mime: 'image/jpeg', image: 'jpg' },
};

/** The document type of some bytes by their signature, or null. */
export function sniffDocument(bytes: Uint8Array): keyof typeof MIME | null {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes(Buffer.from('%PDF-'))) return 'pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' && Buffer.from(bytes).includes(Buffer.from('word/document.xml'))) return 'docx';
  return null;
}

/** Scanned pages read in one import (a page takes seconds of both cores). */
export const MAX_SCANNED_PAGES = 50;

const SENTENCE_END = /[.!?؟…:»]\s*$/u;

function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  let text = '';
  const pageStarts: number[] = [];
  for (const page of pages) {
    if (text !== '') text += SENTENCE_END.test(text) ? '\n\n' : '\n';
    pageStarts.push(text.length);
    text += page;
  }
  return { text, pageStarts };
}

/**
 * Read a document into raw text. Throws IngestError (Persian message, stable code) for a type it
 * does not read, an encrypted, broken or empty PDF, or a scan when no OCR engine is installed.
 *
 * @example
 * const doc = await readDocument(bytes, 'circular.pdf', { engine });
 * doc.text // 'بخشنامهٔ …'
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: { engine: OcrEngine; limits?: PdfLimits; docxLimits?: DocxLimits; progress?: DocumentProgress },
): Promise<ReadDocument> {
  const type = sniffDocument(bytes);
  const format = type ? MIME[type] : undefined;
  if (!type || !format) {
    throw new IngestError({ code: 'unsupported_file', message: 'محتوای این پرونده PDF، Word (‎.docx) یا تصویر PNG/JPEG نیست.', file: fileName });
  }
  const notes: string[] = [];
  if (format.kind === 'docx') {
    const docx = await readDocxText(bytes, fileName, options.docxLimits);
    return { kind: 'docx', mimeType: format.mime, text: docx.text, pageStarts: [0], titleHint: docx.titleHint, ocr: [], runningLines: [], notes };
  }
  if (format.image) {
    options.progress?.('ocr', 0, 1);
    const page = await ocrImage(bytes, format.image, options.engine, fileName);
    options.progress?.('ocr', 1, 1);
    return { kind: 'scan', mimeType: format.mime, text: ocrPageText(page), pageStarts: [0], titleHint: null, ocr: [page], runningLines: [], notes };
  }

  const pdf = await readPdfText(bytes, fileName, { limits: options.limits ?? PDF_LIMITS, onPage: (k, n) => options.progress?.('reading', k, n) });
  if (pdf.scripts) notes.push('این PDF اسکریپت (JavaScript) داشت که اجرا نشد؛ فقط متن آن خوانده شد.');
  if (pdf.attachments) notes.push('این PDF پرونده‌های پیوست داشت که باز نشدند؛ فقط متن آن خوانده شد.');
  const texts = pdf.pages.map((p) => p.text);
  let ocr: OcrPage[] = [];
  if (pdf.imagePages.length > MAX_SCANNED_PAGES) {
    throw new IngestError({
      code: 'too_many_scanned_pages',
      message: `این PDF ${pdf.imagePages.length.toLocaleString('fa-IR')} صفحهٔ اسکن‌شده دارد؛ بیش از ${MAX_SCANNED_PAGES.toLocaleString('fa-IR')} صفحهٔ اسکن‌شده با هم نویسه‌خوانی نمی‌شود. آن را در چند بخش بفرستید.`,
      file: fileName,
    });
  }
  if (pdf.imagePages.length > 0) {
    options.progress?.('ocr', 0, pdf.imagePages.length);
    ocr = await ocrPdfPages(bytes, pdf.imagePages, options.engine, fileName, (k, n) => options.progress?.('ocr', k, n));
    for (const page of ocr) texts[page.page - 1] = ocrPageText(page);
    notes.push(`${pdf.imagePages.length.toLocaleString('fa-IR')} صفحه تصویر اسکن‌شده بود و با نویسه‌خوان خوانده شد؛ متن را با دقت بازبینی کنید.`);
  }
  const { text, pageStarts } = joinPages(texts);
  if (text.trim() === '') {
    throw new IngestError({ code: 'empty_file', message: 'در این PDF متنی یافت نشد.', file: fileName });
  }
  const kind: DocumentKind = ocr.length > 0 && ocr.length === pdf.pageCount ? 'scan' : 'pdf';
  return { kind, mimeType: format.mime, text, pageStarts, titleHint: pdf.titleHint, ocr, runningLines: pdf.runningLines, notes };
}
