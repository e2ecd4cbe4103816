import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest-error';
import { checkDeclaredSizes, DOCX_LIMITS, readDocxText, zipEntries } from './docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function refusal(run: Promise<unknown>): Promise<IngestError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('readDocxText', () => {
  it('reads paragraphs in a worker', async () => {
    expect(await readDocxText(await docx(['یک', 'دو']), 'a.docx')).toEqual({ text: 'یک\n\nدو', titleHint: null });
  }, 30_000);

  it('lists the central directory with the declared sizes', async () => {
    const entries = zipEntries(await docx(['x'.repeat(5000)])) ?? [];
    const doc = entries.find((e) => e.name === 'word/document.xml');
    expect(doc?.size).toBeGreaterThan(5000);
    expect(doc?.compressedSize).toBeLessThan(doc?.size ?? 0);
    expect(() => checkDeclaredSizes(entries, 'a.docx', { ...DOCX_LIMITS, maxDocumentXmlBytes: 5000 })).toThrow(/بیش از اندازه بزرگ/u);
    expect(() => checkDeclaredSizes(entries, 'a.docx', { ...DOCX_LIMITS, maxArchiveBytes: 5000 })).toThrow(/بیش از اندازه بزرگ/u);
    expect(() => checkDeclaredSizes(entries, 'a.docx')).not.toThrow();
  });

  it('stops at the text limit', async () => {
    const error = await refusal(readDocxText(await docx(['الف'.repeat(10), 'ب'.repeat(10)]), 'a.docx', { ...DOCX_LIMITS, maxTextChars: 25 }));
    expect(error.code).toBe('docx_too_large');
    expect(error.message).toContain('۲۵ نویسه');
  }, 30_000);

  it('gives the same clear error when the worker runs out of time or of memory', async () => {
    const bytes = await docx(Array.from({ length: 20_000 }, () => 'جلسهٔ هماهنگی برگزار شد.'));
    const late = await refusal(readDocxText(bytes, 'a.docx', { ...DOCX_LIMITS, timeoutMs: 1 }));
    expect(late.code).toBe('docx_too_large');
    const starved = await refusal(readDocxText(bytes, 'a.docx', { ...DOCX_LIMITS, heapMb: 8 }));
    expect(starved.code).toBe('docx_too_large');
  }, 60_000);

  it('calls a zip without word/document.xml broken', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    const error = await refusal(readDocxText(await zip.generateAsync({ type: 'nodebuffer' }), 'a.docx'));
    expect(error.code).toBe('docx_broken');
  }, 30_000);
});
