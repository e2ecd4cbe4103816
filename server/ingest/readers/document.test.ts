import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest-error';
import { MAX_SCANNED_PAGES, readDocument, sniffDocument } from './document';
import { DEFAULT_OCR_ENGINE } from './ocr';

/** A 1×1 white PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWk1v8QAAAABJRU5ErkJggg==', 'base64');

async function imageOnlyPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(PIXEL);
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawImage(image, { x: 0, y: 0, width: 200, height: 200 });
  return doc.save();
}

describe('readDocument', () => {
  it('knows a document by its bytes, not its name', () => {
    expect(sniffDocument(PIXEL)).toBe('png');
    expect(sniffDocument(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffDocument(Buffer.from('plain text that calls itself .pdf'))).toBeNull();
  });

  it(`refuses a PDF with more than ${MAX_SCANNED_PAGES} scanned pages before reading any of them`, async () => {
    // The engine would fail if it were asked: the limit must come first.
    const engine = { ...DEFAULT_OCR_ENGINE, tesseract: '/nonexistent/tesseract' };
    let error: unknown;
    try {
      await readDocument(await imageOnlyPdf(MAX_SCANNED_PAGES + 1), 'big-scan.pdf', { engine });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('too_many_scanned_pages');
    expect((error as IngestError).message).toContain('۵۱');
  });
});
