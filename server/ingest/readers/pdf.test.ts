import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest-error';
import { readPdfText } from './pdf';

async function latinPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([300, 300]).drawText(`Page number ${i + 1} of the test`, { x: 20, y: 150, size: 12, font });
  return doc.save();
}

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('readPdfText limits', () => {
  it('reads a small PDF page by page, reporting progress', async () => {
    const seen: string[] = [];
    const pdf = await readPdfText(await latinPdf(3), 'three.pdf', { onPage: (k, n) => seen.push(`${k}/${n}`) });
    expect(pdf.pageCount).toBe(3);
    expect(pdf.pages.map((p) => p.text)).toEqual(['Page number 1 of the test', 'Page number 2 of the test', 'Page number 3 of the test']);
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(pdf.imagePages).toEqual([]);
  });

  it('refuses a PDF over the page limit with a Persian message', async () => {
    const error = await failure(readPdfText(await latinPdf(3), 'long.pdf', { limits: { maxPages: 2, timeoutMs: 30_000 } }));
    expect(error.code).toBe('too_many_pages');
    expect(error.message).toContain('۳');
    expect(error.file).toBe('long.pdf');
  });

  it('stops a read that takes longer than the time limit', async () => {
    const error = await failure(readPdfText(await latinPdf(40), 'slow.pdf', { limits: { maxPages: 200, timeoutMs: 5 } }));
    expect(error.code).toBe('pdf_timeout');
    expect(error.message).toMatch(/[\u0600-\u06FF]/u);
  });
});
