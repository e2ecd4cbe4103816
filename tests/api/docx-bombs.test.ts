/**
 * Word files that would hold the server hostage, through the real app and a real database: a zip
 * bomb that declares its size honestly (20 MB of repeated paragraphs deflated to a few KB), one
 * that lies about it in its zip headers, and a modest file whose text is longer than pasted text
 * may be. Each is refused with `docx_too_large` and a Persian message, nothing is written, and
 * `/api/health` keeps answering while the file is read.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, sessionSources } from '../../server/db/schema';
import { uploadDocument, type ImportJob } from '../support/document-upload';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal valid .docx around the given body XML. */
async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const para = (text: string) => `<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const PARAGRAPH = para('جلسهٔ هماهنگی واحدها برگزار شد و مقرر شد گزارش‌ها تا پایان هفته فرستاده شود.');

/** The red team's bomb: `mb` MB of the same paragraph, which deflate packs ~300×. */
const bomb = (mb: number) => docx(PARAGRAPH.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(PARAGRAPH))));

/** The same bomb with word/document.xml declaring 1 KB in its local and central headers. */
async function lyingBomb(mb: number): Promise<Buffer> {
  const bytes = Buffer.from(await bomb(mb));
  const name = Buffer.from('word/document.xml');
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(1024, at - 30 + 22);
    if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(1024, at - 46 + 24);
  }
  return bytes;
}

let ctx: TestContext;
let manager: TestRequest;

beforeAll(async () => {
  ctx = await createTestContext();
  manager = ctx.as(await ctx.signIn({ role: 'manager' }));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function written(): Promise<number> {
  return (await ctx.database.db.select().from(sessions)).length + (await ctx.database.db.select().from(sessionSources)).length;
}

/** Upload a .docx and poll its job to the end while measuring /api/health in parallel. */
async function importWatchingHealth(name: string, bytes: Uint8Array): Promise<{ job: ImportJob; healthMs: number[] }> {
  const healthMs: number[] = [];
  let finished = false;
  const probing = (async () => {
    while (!finished) {
      const t0 = performance.now();
      const health = await ctx.request('/api/health');
      healthMs.push(performance.now() - t0);
      expect(health.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const job = await uploadDocument(manager, name, bytes);
    return { job, healthMs };
  } finally {
    finished = true;
    await probing;
  }
}

function expectRefused(job: ImportJob, wording: RegExp): void {
  expect(job.state).toBe('failed');
  expect(job.slug).toBeNull();
  expect(job.error?.code, JSON.stringify(job.error)).toBe('docx_too_large');
  expect(job.error?.message).toMatch(/[\u0600-\u06FF]/u);
  expect(job.error?.message).toMatch(wording);
}

describe('Word files that unpack far past their size', () => {
  it('refuses a 20 MB-of-XML bomb of a few KB at once, writes nothing, and /api/health keeps answering', async () => {
    const bytes = await bomb(20);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const before = await written();
    const { job, healthMs } = await importWatchingHealth('bomb.docx', bytes);
    expectRefused(job, /بیش از اندازه بزرگ/u);
    expect(await written()).toBe(before);
    expect(healthMs.length).toBeGreaterThan(0);
    expect(Math.max(...healthMs)).toBeLessThan(1000);
  }, 120_000);

  it('refuses a bomb whose zip headers lie about its size: the unpacked bytes are bounded, not the declared ones', async () => {
    const bytes = await lyingBomb(20);
    const before = await written();
    const { job, healthMs } = await importWatchingHealth('liar.docx', bytes);
    expectRefused(job, /بیش از اندازه بزرگ/u);
    expect(await written()).toBe(before);
    expect(Math.max(...healthMs)).toBeLessThan(1000);
  }, 120_000);

  it('holds a Word file to the pasted-text limit, reading it off the loop while /api/health answers', async () => {
    // 1.1 million letters in 110 paragraphs: ~2.3 MB of XML, within the XML bound, over the text limit.
    const bytes = await docx(para('ب'.repeat(9_999) + ' ').repeat(110));
    const before = await written();
    const { job, healthMs } = await importWatchingHealth('long.docx', bytes);
    expectRefused(job, /۱٬۰۰۰٬۰۰۰ نویسه/u);
    expect(await written()).toBe(before);
    expect(Math.max(...healthMs)).toBeLessThan(1000);
  }, 120_000);

  it('still imports an ordinary Word file through the worker', async () => {
    const { job } = await importWatchingHealth('ok.docx', await docx(para('گزارش جلسه') + PARAGRAPH.repeat(3)));
    expect(job.error, JSON.stringify(job.error)).toBeNull();
    expect(job.state).toBe('done');
    const draft = (await (await manager(`/api/imports/${job.slug}`)).json()) as { text: string };
    expect(draft.text).toContain('مقرر شد گزارش‌ها تا پایان هفته فرستاده شود');
  }, 60_000);
});
