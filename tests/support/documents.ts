/**
 * @module Real documents made by the tests themselves: a Persian circular with a dated directive,
 * printed to PDF by headless Chromium (Vazirmatn) and by LibreOffice, in one- and two-column and
 * header/footer variants, written as a .docx, and rasterised into scans (150/300 dpi, rotated,
 * noisy) with pdftoppm and Chromium. No fixtures on disk: every file is made where it is used.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The directive every document carries, and what the extractor must make of it. */
export const DIRECTIVE = 'مدیران کل استان‌ها موظفند حداکثر تا ۳۰ بهمن ۱۳۹۹ گزارش عملکرد را به ستاد ارسال کنند.';
/** 30 Bahman 1399. */
export const DIRECTIVE_DUE = '2021-02-18';
/** The session date the imports give (1 Bahman 1399). */
export const HELD_ON = '1399-11-01';
export const TITLE = 'بخشنامهٔ گزارش عملکرد واگذاری امور';

const OPENING = [
  'به گزارش روابط عمومی سازمان آموزش فنی و حرفه‌ای، در نشست مدیران کل استان‌ها که روز یکم بهمن ۱۳۹۹ برگزار شد، روند واگذاری امور به بخش غیردولتی بررسی شد.',
  'معاون توسعهٔ مدیریت و منابع در این نشست گفت: واگذاری امور به بخش غیردولتی یکی از راهبردهای اصلی سازمان است و استان‌ها در این زمینه تجربه‌های خوبی دارند.',
];
const CLOSING = ['وی افزود: استان‌هایی که در واگذاری و تأمین منابع موفق‌تر باشند، بودجهٔ بیشتری دریافت خواهند کرد.'];
/** Filler that makes longer documents (each page of it is ordinary prose, no directive). */
const FILLER = [
  'در ادامهٔ این نشست، گزارشی از وضعیت کارگاه‌های آموزشی استان‌ها ارائه شد و نمایندگان بخش خصوصی دیدگاه‌های خود را دربارهٔ همکاری با سازمان بیان کردند.',
  'کارشناسان حاضر در جلسه به تجربهٔ سال‌های گذشته در برگزاری دوره‌های مهارتی اشاره کردند و از افزایش شمار کارآموزان در مناطق کم‌برخوردار سخن گفتند.',
  'همچنین دربارهٔ شیوه‌های تأمین مالی طرح‌ها، استفاده از ظرفیت صندوق‌های محلی و مشارکت اتاق‌های بازرگانی گفت‌وگو شد.',
];

export interface WriteUp {
  title: string;
  paragraphs: string[];
}

/** The circular: opening, the directive, closing; `fillerPages` adds that many pages of prose before the close. */
export function writeUp(options: { fillerParagraphs?: number } = {}): WriteUp {
  // Each filler paragraph differs (a repeated paragraph would rightly be dropped as a duplicate).
  const filler = Array.from(
    { length: options.fillerParagraphs ?? 0 },
    (_, i) => `${FILLER[i % FILLER.length] ?? ''} این نکته در بند ${(i + 1).toLocaleString('fa-IR', { useGrouping: false })} گزارش نشست آمده است.`,
  );
  return { title: TITLE, paragraphs: [...OPENING, DIRECTIVE, ...filler, ...CLOSING] };
}

/** Every character a reader should get back (title and paragraphs), for error rates. */
export function sourceText(doc: WriteUp): string {
  return [doc.title, ...doc.paragraphs].join('\n');
}

function fontFace(): string {
  const woff2 = readFileSync(require.resolve('@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2')).toString('base64');
  const bold = readFileSync(require.resolve('@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2')).toString('base64');
  return `@font-face{font-family:V;font-weight:400;src:url(data:font/woff2;base64,${woff2}) format('woff2')}
@font-face{font-family:V;font-weight:700;src:url(data:font/woff2;base64,${bold}) format('woff2')}`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface HtmlOptions {
  columns?: 1 | 2;
  /** A running header and a page-numbered footer on every page (Chromium's header/footer templates). */
  headerFooter?: boolean;
  fontSize?: number;
}

/** The write-up as an RTL HTML page in Vazirmatn. */
export function writeUpHtml(doc: WriteUp, options: HtmlOptions = {}): string {
  const columns = options.columns === 2 ? 'column-count:2;column-gap:2.5em;' : '';
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><style>${fontFace()}
body{font-family:V;font-size:${options.fontSize ?? 14}pt;line-height:1.9;margin:0}
h1{font-size:18pt;margin:0 0 1em} .body{${columns}} p{margin:0 0 .9em;text-align:justify}</style></head>
<body><h1>${escape(doc.title)}</h1><div class="body">${doc.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</div></body></html>`;
}

export const RUNNING_HEADER = 'سازمان آموزش فنی و حرفه‌ای کشور — معاونت توسعهٔ مدیریت و منابع';

/**
 * Print HTML to PDF with headless Chromium (Skia's PDF backend: embedded subset fonts, ToUnicode maps).
 *
 * @example
 * const pdf = await printPdf(browser, writeUpHtml(writeUp()));
 */
export async function printPdf(browser: Browser, html: string, options: { headerFooter?: boolean } = {}): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const template = (inner: string) =>
      `<div style="font-family:V;font-size:9pt;width:100%;text-align:center;direction:rtl">${inner}</div><style>${fontFace()}</style>`;
    return await page.pdf({
      format: 'A4',
      margin: { top: '2.2cm', bottom: '2.2cm', left: '2cm', right: '2cm' },
      displayHeaderFooter: options.headerFooter === true,
      headerTemplate: template(escape(RUNNING_HEADER)),
      footerTemplate: template('صفحهٔ <span class="pageNumber"></span> از <span class="totalPages"></span>'),
    });
  } finally {
    await page.close();
  }
}

function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-docs-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Convert a file (HTML, .docx) to PDF with LibreOffice Writer, a second producer with its own
 * font handling and text layer. Throws with how to install it when soffice is missing.
 */
export async function libreOfficePdf(fileName: string, bytes: Buffer | string): Promise<Buffer> {
  const temp = tempDir();
  try {
    const input = join(temp.dir, fileName);
    writeFileSync(input, bytes);
    // A private profile: parallel runs (and a user's own LibreOffice) do not share a lock.
    const profile = `file://${join(temp.dir, 'profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', temp.dir, input], { timeout: 120_000 }).catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        throw new Error('LibreOffice (soffice) was not found: install it with `apt-get install -y --no-install-recommends libreoffice-writer-nogui` (.ci/run does).');
      }
      throw error;
    });
    const pdf = readdirSync(temp.dir).find((f) => f.endsWith('.pdf'));
    if (!pdf) throw new Error(`LibreOffice produced no PDF from ${fileName}`);
    return readFileSync(join(temp.dir, pdf));
  } finally {
    temp.dispose();
  }
}

/** Rasterise every page of a PDF to PNG (pdftoppm from poppler-utils), as a scanner would at `dpi`. */
export async function rasterise(pdf: Buffer, dpi: number): Promise<Buffer[]> {
  const temp = tempDir();
  try {
    writeFileSync(join(temp.dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(temp.dir, 'in.pdf'), join(temp.dir, 'page')], { timeout: 120_000 });
    return readdirSync(temp.dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(temp.dir, f)));
  } finally {
    temp.dispose();
  }
}

/**
 * A photographed or badly fed page: the PNG rotated by `degrees` on white, and optionally with
 * salt-and-pepper noise on `noise` of the pixels (seeded, so the same file every run). Drawn by Chromium's canvas.
 */
export async function distortScan(browser: Browser, png: Buffer, options: { degrees?: number; noise?: number }): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const dataUrl = await page.evaluate(
      async ({ src, degrees, noise }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.translate(canvas.width / 2, canvas.height / 2);
        ctx.rotate((degrees * Math.PI) / 180);
        ctx.drawImage(img, -img.width / 2, -img.height / 2);
        if (noise > 0) {
          const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
          // A seeded LCG written inline (no helper function: tsx would name it with a helper the page lacks).
          let seed = 17;
          for (let i = 0; i < data.data.length; i += 4) {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            if (seed / 2147483648 < noise) {
              seed = (seed * 1103515245 + 12345) % 2147483648;
              const v = seed / 2147483648 < 0.5 ? 0 : 255;
              data.data[i] = v;
              data.data[i + 1] = v;
              data.data[i + 2] = v;
            }
          }
          ctx.putImageData(data, 0, 0);
        }
        return canvas.toDataURL('image/png');
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, degrees: options.degrees ?? 0, noise: options.noise ?? 0 },
    );
    return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  } finally {
    await page.close();
  }
}

/** An image-only PDF of PNG pages (what a scanner's "scan to PDF" makes), by Chromium printing <img> pages. */
export async function imagePdf(browser: Browser, pngs: Buffer[], dpi: number): Promise<Buffer> {
  const pages = pngs
    .map((png) => `<div class="p"><img src="data:image/png;base64,${png.toString('base64')}"></div>`)
    .join('');
  const html = `<!doctype html><html><head><style>@page{size:A4;margin:0}body{margin:0}
.p{width:210mm;height:297mm;page-break-after:always;overflow:hidden}.p img{width:210mm}</style></head><body>${pages}</body></html>`;
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' }, scale: 1 });
  } finally {
    await page.close();
    void dpi;
  }
}

/**
 * A minimal but valid .docx (WordprocessingML in a zip): the title in style Heading1 and one
 * paragraph per paragraph, right-to-left, as Word saves it.
 */
export async function makeDocx(doc: WriteUp): Promise<Buffer> {
  const zip = new JSZip();
  const rtl = '<w:pPr>{style}<w:bidi/></w:pPr>';
  const para = (text: string, style = '') =>
    `<w:p>${rtl.replace('{style}', style)}<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    'word/styles.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      // Word's defaults: 8 pt after a paragraph, 11 pt text; a heading in 16 pt.
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style></w:styles>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      para(doc.title, '<w:pStyle w:val="Heading1"/>') +
      doc.paragraphs.map((p) => para(p)).join('') +
      '<w:sectPr><w:bidi/></w:sectPr></w:body></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The same letters as a reader may give them back: a PDF's glyph for هٔ (heh + hamza) reads as ۀ
 * (U+06C0), and both look alike; nothing else is folded.
 */
export function sameLetters(text: string): string {
  return text.normalize('NFKC').replace(/ۀ/gu, 'هٔ');
}

/**
 * Character error rate: edit distance between `got` and `want` over the length of `want`, after
 * folding what a reader may legitimately vary (whitespace runs, ZWNJ vs space, Arabic ي/ك, ۀ/هٔ).
 */
export function characterErrorRate(got: string, want: string): number {
  const fold = (s: string) =>
    sameLetters(s)
      .replace(/[يى]/g, 'ی')
      .replace(/ك/g, 'ک')
      .replace(/[\u200c\s]+/g, ' ')
      .trim();
  const a = fold(got);
  const b = fold(want);
  let prev = Array.from({ length: a.length + 1 }, (_, i) => i);
  for (let j = 1; j <= b.length; j++) {
    const cur = [j];
    for (let i = 1; i <= a.length; i++) {
      cur[i] = Math.min((prev[i] ?? 0) + 1, (cur[i - 1] ?? 0) + 1, (prev[i - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return b.length === 0 ? 0 : (prev[a.length] ?? 0) / b.length;
}

/** A paragraph of a LibreOffice document: plain text, or runs of which some are bold or a link (each its own text run in the PDF). */
export type WriterParagraph = string | ReadonlyArray<string | { text: string; bold?: boolean; href?: string }>;

/**
 * A LibreOffice Writer document (flat ODF, .fodt) as a secretary writes minutes: right-to-left
 * paragraphs in DejaVu Sans, the title centred in 18 pt, an optional running header in 9 pt on
 * every page, `pageBreakBefore` paragraphs starting a new page, and `justify` to justify the body
 * paragraphs (LibreOffice then stretches lines with kashida). Convert it with `libreOfficePdf`.
 */
export function makeFodt(doc: { title: string; paragraphs: readonly WriterParagraph[]; header?: string; pageBreakBefore?: readonly number[]; justify?: boolean }): string {
  const run = (part: string | { text: string; bold?: boolean; href?: string }) => {
    if (typeof part === 'string') return escape(part);
    const inner = part.bold ? `<text:span text:style-name="B">${escape(part.text)}</text:span>` : escape(part.text);
    return part.href ? `<text:a xlink:type="simple" xlink:href="${escape(part.href)}">${inner}</text:a>` : inner;
  };
  const para = (p: WriterParagraph, i: number) =>
    `<text:p text:style-name="${doc.pageBreakBefore?.includes(i) ? 'Break' : 'Body'}">${typeof p === 'string' ? escape(p) : p.map(run).join('')}</text:p>`;
  const header = doc.header ? `<style:header><text:p text:style-name="Header">${escape(doc.header)}</text:p></style:header>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="${doc.justify ? 'justify' : 'start'}" fo:margin-bottom="0.25cm"/><style:text-properties style:font-name="DejaVu Sans" style:font-name-complex="DejaVu Sans" fo:font-size="12pt" style:font-size-complex="12pt"/></style:style>
<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="18pt" style:font-size-complex="18pt" fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm" style:writing-mode="rl-tb"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">${header}</style:master-page></office:master-styles>
<office:body><office:text>
<text:p text:style-name="Title">${escape(doc.title)}</text:p>
${doc.paragraphs.map(para).join('\n')}
</office:text></office:body></office:document>`;
}
