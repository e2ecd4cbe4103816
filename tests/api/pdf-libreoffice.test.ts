/**
 * Minutes written in LibreOffice Writer and exported to PDF (user report): the lam-alef ligature read
 * reversed («املاک» as «امالک», «اعلام» as «اعالم»: LibreOffice maps the one glyph to لا in logical
 * order and pdf.js reverses the right-to-left run character by character); an all-Latin line split
 * into several runs (a bold phrase, a dash) read in reversed order; and a one-page file's running
 * header became the session's title; and justified paragraphs read with spaces inside words
 * («آموزش ی ب ا کیفیت»: LibreOffice stretches a justified Persian line with kashida glyphs that its
 * ToUnicode leaves unmapped); the hamza of «شمارهٔ» read on the line above; and a ZWNJ in a bold phrase
 * lost («هزینههای»). Real app, real worker, PDFs made here by LibreOffice (and the same
 * words by Chromium, and a scan of the LibreOffice page read by Tesseract).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/support';
import { libreOfficePdf, makeFodt, printPdf, rasterise, sameLetters, writeUpHtml } from '../support/documents';
import { uploadDocument } from '../support/document-upload';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

/** Words with لا (and one with ال, which must stay as it is). */
const LAM_ALEF_WORDS = ['املاک', 'اعلام', 'بالا', 'کلاس', 'لازم', 'استقلال', 'اسلامی', 'الگو'];
const REVERSED = /امالک|اعالم|باال|کالس|الزم|استقالل|اسالمی/u;
const TITLE = 'صورت‌جلسهٔ کمیسیون املاک';
const HEADER = 'سازمان آموزش فنی و حرفه‌ای — دبیرخانهٔ کمیسیون';
const LATIN_TITLE = 'Minutes of the Board — Annual Review & Property Sales';
const EMAIL_LINE = 'Email: secretariat@tvto.example.org';
const PARAGRAPHS = [
  'در این جلسه اعلام شد که فهرست املاک مازاد تا پایان ماه تهیه شود و الگوی فروش به استان‌ها ابلاغ شود.',
  'کلاس‌های آموزشی با کیفیت بالا برگزار شود و برای استقلال مالی مراکز، منابع لازم تأمین شود؛ جمهوری اسلامی بر آن تأکید دارد.',
];

/** Long enough that every line but a paragraph's last is stretched when justified. */
const JUSTIFIED = [
  'کلاس‌های آموزشی با کیفیت بالا برگزار شود و برای استقلال مالی مراکز، منابع لازم تأمین شود؛ جمهوری اسلامی بر آن تأکید دارد و مدیران کل استان‌ها موظفند گزارش پیشرفت کار را هر ماه به دبیرخانه بفرستند تا در جلسهٔ بعد بررسی شود.',
  'در این جلسه اعلام شد که فهرست املاک مازاد تا پایان ماه تهیه شود و الگوی فروش به استان‌ها ابلاغ شود؛ همچنین مقرر شد آموزشی با کیفیت بالا برای کارکنان برگزار شود و نتیجهٔ آن در نشست آینده گزارش شود.',
  'مدیران کل موظفند حداکثر تا ۳۰ بهمن ۱۳۹۹ فهرست املاک را اعلام کنند و رونوشت آن را برای دفتر حقوقی و معاونت توسعهٔ مدیریت و منابع بفرستند تا پیش از پایان سال مالی تصمیم نهایی گرفته شود.',
];

/** A word with هٔ at the start of a line's second text block (after the first word). */
const HAMZA_LINE = 'نامهٔ شمارهٔ ۱۲۳۴ دبیرخانه دربارهٔ فروش املاک مازاد خوانده شد.';
/** Paragraphs with a bold phrase (before, bold, after) holding ZWNJs and spaces. */
const BOLD_ZWNJ: ReadonlyArray<readonly [string, string, string]> = [
  ['برای ', 'هزینه‌های', ' مراکز تصمیم گرفته شد.'],
  ['', 'کاهش هزینه‌ها', ' مراکز استان‌ها.'],
  ['مقرر شد ', 'می‌شود هزینه‌های سنگین', ''],
  ['برای ', 'بهره‌وری و پیش‌نویس', ' آیین‌نامه.'],
];

function minutes(options: { pages?: 1 | 2 } = {}): string {
  return makeFodt({
    title: TITLE,
    header: HEADER,
    paragraphs: [
      PARAGRAPHS[0] ?? '',
      [{ text: 'Minutes of the Board', bold: true }, ' — Annual Review & Property Sales'],
      ['Email: ', { text: 'secretariat@tvto.example.org', bold: true }],
      PARAGRAPHS[1] ?? '',
      ...(options.pages === 2 ? ['مدیران کل موظفند حداکثر تا ۳۰ بهمن ۱۳۹۹ فهرست املاک را اعلام کنند.'] : []),
    ],
    pageBreakBefore: options.pages === 2 ? [4] : [],
  });
}

interface Draft {
  title: string;
  text: string;
  suggestions: Array<{ quote: string; due: string | null }>;
  document: { pageCount: number; runningLines: string[]; ocrPages: number[] } | null;
}

async function importPdf(as: TestRequest, name: string, pdf: Buffer): Promise<Draft> {
  const job = await uploadDocument(as, name, pdf, { timeoutMs: 150_000 });
  expect(job.error, JSON.stringify(job.error)).toBeNull();
  const draft = (await (await as(`/api/imports/${job.slug}`)).json()) as Draft;
  return { ...draft, title: sameLetters(draft.title), text: sameLetters(draft.text) };
}

let ctx: TestContext;
let manager: TestRequest;
let browser: Browser;
let onePage: Buffer;

beforeAll(async () => {
  [ctx, browser, onePage] = await Promise.all([createTestContext(), launchBrowser(), libreOfficePdf('minutes.fodt', minutes())]);
  manager = ctx.as(await ctx.signIn({ role: 'manager' }));
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe('minutes exported to PDF by LibreOffice', () => {
  it('reads every lam-alef the right way round (and leaves alef-lam as it was)', async () => {
    const draft = await importPdf(manager, 'minutes.pdf', onePage);
    const all = `${draft.title}\n${draft.text}`;
    for (const word of LAM_ALEF_WORDS) expect(all, word).toContain(word);
    expect(all).not.toMatch(REVERSED);
    expect(all).toContain(PARAGRAPHS[0]);
    // «کلاس‌های»: LibreOffice draws the ZWNJ as a glyph of no width named a space (was read «کلاس های»).
    expect(all).toContain(PARAGRAPHS[1]);
  }, 150_000);

  it('reads all-Latin lines in their own order', async () => {
    const draft = await importPdf(manager, 'minutes-latin.pdf', onePage);
    expect(draft.text).toContain(LATIN_TITLE);
    expect(draft.text).toContain(EMAIL_LINE);
  }, 150_000);

  it('keeps the small header of a one-page file in the text, never as the title', async () => {
    const draft = await importPdf(manager, 'minutes-header.pdf', onePage);
    expect(draft.document?.pageCount).toBe(1);
    expect(draft.title).toBe(TITLE);
    expect(sameLetters(draft.text)).toContain(HEADER);
  }, 150_000);

  it('takes a header repeated on every page of a longer file out too, and the title is the heading', async () => {
    const draft = await importPdf(manager, 'minutes-two-pages.pdf', await libreOfficePdf('minutes.fodt', minutes({ pages: 2 })));
    expect(draft.document?.pageCount).toBe(2);
    expect(draft.title).toBe(TITLE);
    expect(draft.text).not.toContain(HEADER);
    expect(draft.text).not.toMatch(REVERSED);
    // The directive is found with the words as written, so its quote reads «اعلام», not «اعالم».
    const directive = draft.suggestions.find((s) => s.quote.includes('موظف'));
    expect(directive?.quote, JSON.stringify(draft.suggestions)).toContain('فهرست املاک را اعلام کنند');
    expect(directive?.due).toBe('2021-02-18');
  }, 150_000);

  it('reads justified paragraphs without spaces inside their stretched words', async () => {
    const justified = makeFodt({ title: TITLE, paragraphs: JUSTIFIED, justify: true });
    const draft = await importPdf(manager, 'minutes-justified.pdf', await libreOfficePdf('minutes-justified.fodt', justified));
    // Lines are broken where LibreOffice broke them: compare the words, not the line breaks.
    const words = draft.text.replace(/\s+/gu, ' ');
    for (const paragraph of JUSTIFIED) expect(words).toContain(paragraph);
    expect(words).not.toMatch(/آموزش ی|ب ا کیفیت|ب الا/u);
    // The directive is found whole in the stretched line, with its deadline.
    const directive = draft.suggestions.find((s) => s.quote.includes('حداکثر'));
    expect(directive?.quote, JSON.stringify(draft.suggestions)).toContain('فهرست املاک را اعلام کنند');
    expect(directive?.due).toBe('2021-02-18');
  }, 150_000);

  it('keeps the hamza of هٔ on its word when the word starts a new text block', async () => {
    // LibreOffice draws the mark on its own under the baseline; pdf.js put the hamza of «شمارهٔ» into
    // the run of the line above («تصمیم نهایی ٔ گرفته … نامهٔ شماره ۱۲۳۴»).
    const fodt = makeFodt({ title: TITLE, paragraphs: [JUSTIFIED[2] ?? '', HAMZA_LINE] });
    const draft = await importPdf(manager, 'minutes-hamza.pdf', await libreOfficePdf('minutes-hamza.fodt', fodt));
    const words = draft.text.replace(/\s+/gu, ' ');
    expect(words).toContain(JUSTIFIED[2]);
    expect(words).toContain(HAMZA_LINE);
    expect(draft.text).not.toMatch(/(^|\s)\p{M}/mu);
  }, 150_000);

  it('keeps the ZWNJ inside a bold phrase, and its spaces', async () => {
    // In a bold run LibreOffice draws a ZWNJ as its space glyph mapped to U+200C and pulled back by a
    // kerning of its width; pdf.js dropped it («هزینههای»). The same glyph at full width is a space.
    // The space glyph's ToUnicode is what it first drew: here a ZWNJ, since the bold title is one word
    // and the first bold phrase's ZWNJ comes before its spaces (a title with a space, as TITLE, maps it
    // to a space and the reader's zero-width-space rule applies).
    const fodt = makeFodt({ title: 'مصوبات', paragraphs: BOLD_ZWNJ.map(([before, bold, after]) => [before, { text: bold, bold: true }, after]) });
    const draft = await importPdf(manager, 'minutes-bold.pdf', await libreOfficePdf('minutes-bold.fodt', fodt));
    const words = draft.text.replace(/\s+/gu, ' ');
    for (const parts of BOLD_ZWNJ) expect(words).toContain(parts.join('').trim());
  }, 150_000);

  it('reads justified paragraphs from a Chromium PDF the same way', async () => {
    const draft = await importPdf(manager, 'minutes-justified-chromium.pdf', await printPdf(browser, writeUpHtml({ title: TITLE, paragraphs: JUSTIFIED })));
    const words = draft.text.replace(/\s+/gu, ' ');
    for (const paragraph of JUSTIFIED) expect(words).toContain(paragraph);
  }, 150_000);

  it('reads the same words from a Chromium PDF as before', async () => {
    const draft = await importPdf(manager, 'minutes-chromium.pdf', await printPdf(browser, writeUpHtml({ title: TITLE, paragraphs: PARAGRAPHS })));
    expect(draft.title).toBe(TITLE);
    for (const paragraph of PARAGRAPHS) expect(draft.text).toContain(paragraph);
  }, 150_000);

  it('reads a scan of the LibreOffice page by OCR with the lam-alef words right', async () => {
    const [png] = await rasterise(onePage, 300);
    const job = await uploadDocument(manager, 'minutes-scan.png', png ?? Buffer.alloc(0), { timeoutMs: 150_000 });
    expect(job.error, JSON.stringify(job.error)).toBeNull();
    const draft = (await (await manager(`/api/imports/${job.slug}`)).json()) as Draft;
    const all = sameLetters(`${draft.title}\n${draft.text}`);
    for (const word of ['املاک', 'اعلام', 'بالا', 'لازم', 'استقلال', 'اسلامی']) expect(all, word).toContain(word);
    expect(all).not.toMatch(REVERSED);
  }, 180_000);
});
