import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../../tests/support/hand-made-pdf';
import { IngestError } from '../ingest-error';
import { readPdfText } from './pdf';

async function latinPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([300, 300]).drawText(`Page number ${i + 1} of the test`, { x: 20, y: 150, size: 12, font });
  return doc.save();
}

/**
 * A one-line PDF drawing `text` (codes, in visual order) in a font whose ToUnicode maps the codes
 * as `bfchar` says («<20> <0020> <41> <0645>…»). Raw objects, no compression, so the CMap reads as written.
 */
function mappedPdf(bfchar: string, text: string): Uint8Array {
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${(bfchar.match(/</g)?.length ?? 0) / 2} beginbfchar ${bfchar} endbfchar`,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const content = `BT /F1 24 Tf 20 150 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>',
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
  ];
  return new Uint8Array(assemblePdf(objects));
}

/**
 * Code A is lam-alef as LibreOffice maps it (one glyph, U+0644 U+0627 in logical order), drawn in
 * visual order: «املاک الگو» (the second word has a real alef before its lam, two glyphs).
 */
function lamAlefPdf(): Uint8Array {
  // Left to right on the page: و گ ل ا (الگو), a space, then ک لا م ا (املاک).
  return mappedPdf('<20> <0020> <41> <06440627> <42> <0645> <43> <0627> <44> <06A9> <45> <0644> <46> <06AF> <47> <0648>', 'GFEC DABC');
}

/**
 * «آموزشی با» stretched as LibreOffice justifies it: a kashida glyph between ش and ی that the
 * ToUnicode leaves out. LibreOffice numbers a subset's glyphs as they are first drawn, so on a long
 * page the kashida may get code 0x20, which pdf.js then takes for a space; the real space is code I.
 */
function kashidaPdf(): Uint8Array {
  // Left to right: ا ب, a space, ی, the kashida, ش ز و م آ.
  return mappedPdf('<41> <06CC> <42> <0634> <43> <0632> <44> <0648> <45> <0645> <46> <0622> <47> <0627> <48> <0628> <49> <0020>', 'GHIA BCDEF');
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

describe('readPdfText letters', () => {
  it('reads a lam-alef glyph mapped to لا as لا, and a real alef-lam as it was', async () => {
    // pdf.js alone gives «الگو امالک»: it reverses the run character by character, the ligature's two letters with it.
    const pdf = await readPdfText(lamAlefPdf(), 'lam-alef.pdf');
    expect(pdf.pages[0]?.text).toBe('املاک الگو');
  });
});

describe('readPdfText justified lines', () => {
  it('reads a kashida glyph the ToUnicode leaves out as part of its word, not as a space', async () => {
    // pdf.js alone reads the unmapped code 0x20 as a space: «آموزش ی با».
    const pdf = await readPdfText(kashidaPdf(), 'kashida.pdf');
    expect(pdf.pages[0]?.text).toBe('آموزشی با');
  });
});

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
