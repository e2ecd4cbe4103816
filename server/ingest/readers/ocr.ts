/**
 * @module OCR of scanned pages with Tesseract and its Persian model (Debian: tesseract-ocr,
 * tesseract-ocr-fas), PDF pages rasterised by pdftoppm (poppler-utils). Both run as child
 * processes, so the server's event loop is never held; each run is bounded in time. Output keeps
 * each line's confidence and each word's, for the review page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IngestError } from '../ingest-error';
import { estimateSkew, rotatedImagePdf, type WordBox } from './deskew';

const run = promisify(execFile);

export interface OcrEngine {
  /** The tesseract binary (default `tesseract` on PATH). */
  tesseract: string;
  /** The pdftoppm binary (default `pdftoppm` on PATH). */
  pdftoppm: string;
  /** Resolution PDF pages are rasterised at. */
  dpi: number;
  /** Milliseconds one page may take (rasterising and OCR). */
  pageTimeoutMs: number;
  /** Pages read at the same time. */
  concurrency: number;
}

/** 200 dpi: on the test circular as accurate as 300 (docs/benchmarks.md) at about half the time per page. */
export const DEFAULT_OCR_ENGINE: OcrEngine = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', dpi: 200, pageTimeoutMs: 60_000, concurrency: 2 };

export interface OcrWord {
  text: string;
  /** 0–100, Tesseract's confidence. */
  confidence: number;
  /** Its box in pixels (for measuring skew). */
  box?: WordBox;
}

export interface OcrLine {
  words: OcrWord[];
  /** Pixel rows the line covers. */
  top: number;
  bottom: number;
  text: string;
  /** Mean of its words' confidences (0–100). */
  confidence: number;
  /** The line opens a new paragraph (Tesseract's block or paragraph changed). */
  paragraphStart: boolean;
}

export interface OcrPage {
  /** 1-based page of the source. */
  page: number;
  lines: OcrLine[];
}

export const NoOcrEngine = (file?: string) =>
  new IngestError({
    code: 'ocr_unavailable',
    message:
      'این پرونده تصویر اسکن‌شده است و برای خواندن آن نویسه‌خوان فارسی (Tesseract با مدل فارسی) لازم است که روی کارساز نصب نیست. ' +
      'از مدیر سامانه بخواهید بسته‌های tesseract-ocr و tesseract-ocr-fas را نصب کند، یا متن را به‌صورت PDF متنی یا Word بفرستید.',
    file,
  });

const availability = new Map<string, Promise<boolean>>();

/**
 * Whether Tesseract with the Persian model can run here (asked once per binary).
 *
 * @example
 * if (!(await ocrAvailable(engine))) throw NoOcrEngine();
 */
export function ocrAvailable(engine: OcrEngine): Promise<boolean> {
  const key = `${engine.tesseract}\0${engine.pdftoppm}`;
  let known = availability.get(key);
  if (!known) {
    known = run(engine.tesseract, ['--list-langs'], { timeout: 10_000 })
      .then(({ stdout, stderr }) => `${stdout}\n${stderr}`.split(/\s+/).includes('fas'))
      .catch(() => false);
    availability.set(key, known);
  }
  return known;
}

/**
 * Words of Tesseract's TSV output grouped into lines, in reading order.
 *
 * @example
 * parseTesseractTsv(tsv, 1).lines[0].text // 'به گزارش روابط عمومی …'
 */
export function parseTesseractTsv(tsv: string, page: number): OcrPage {
  const lines: OcrLine[] = [];
  let key = '';
  let paragraph = '';
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = (cols[11] ?? '').trim();
    const confidence = Number(cols[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < 0) continue;
    const lineKey = `${cols[2]}.${cols[3]}.${cols[4]}`;
    const paragraphKey = `${cols[2]}.${cols[3]}`;
    const top = Number(cols[7]);
    const bottom = top + Number(cols[9]);
    if (lineKey !== key) {
      lines.push({ words: [], top, bottom, text: '', confidence: 0, paragraphStart: paragraphKey !== paragraph });
      key = lineKey;
      paragraph = paragraphKey;
    }
    const line = lines.at(-1);
    if (line) {
      line.words.push({ text, confidence, box: { left: Number(cols[6]), top, width: Number(cols[8]), height: Number(cols[9]) } });
      line.top = Math.min(line.top, top);
      line.bottom = Math.max(line.bottom, bottom);
    }
  }
  for (const line of lines) {
    line.text = line.words.map((w) => w.text).join(' ');
    line.confidence = line.words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, line.words.length);
  }
  return { page, lines: tidyLines(lines) };
}

/**
 * Two lines that share most of their rows are one line read twice (a large bold heading's dots
 * and strokes as a line of its own): the less confident one goes. A line much taller or shorter
 * than the one before starts a paragraph (a heading and the text under it).
 */
function tidyLines(lines: OcrLine[]): OcrLine[] {
  const kept: OcrLine[] = [];
  for (const line of lines) {
    const prev = kept.at(-1);
    if (prev) {
      const shared = Math.min(prev.bottom, line.bottom) - Math.max(prev.top, line.top);
      const smaller = Math.min(prev.bottom - prev.top, line.bottom - line.top);
      if (smaller > 0 && shared / smaller > 0.5) {
        if (line.confidence > prev.confidence) {
          kept[kept.length - 1] = { ...line, paragraphStart: prev.paragraphStart || line.paragraphStart };
        }
        continue;
      }
      const a = prev.bottom - prev.top;
      const b = line.bottom - line.top;
      if (Math.max(a, b) > Math.min(a, b) * 1.3) line.paragraphStart = true;
    }
    kept.push(line);
  }
  return kept;
}

async function tesseractOnce(engine: OcrEngine, image: string, page: number): Promise<OcrPage> {
  // Tesseract's noise filter drops short lines — the «کنند.» that ends a directive on its own line
  // (measured on the Chromium circular at 300 dpi): keep every row and word it finds.
  const args = [image, 'stdout', '-l', 'fas', '--psm', '3', '-c', 'textord_noise_rejwords=0', '-c', 'textord_noise_rejrows=0', 'tsv'];
  // One thread per process: pages run side by side instead.
  const { stdout } = await run(engine.tesseract, args, {
    timeout: engine.pageTimeoutMs,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return parseTesseractTsv(stdout, page);
}

/** Skew under this (degrees) is left alone: Tesseract reads it as well straight. */
const SKEW_TOLERANCE = 0.3;

/**
 * OCR an image file; a page more than a third of a degree askew (a 2° turn made «تا» read «نا»)
 * is turned straight through a one-page PDF and pdftoppm, and read again.
 */
async function tesseract(engine: OcrEngine, image: string, page: number): Promise<OcrPage> {
  const first = await tesseractOnce(engine, image, page);
  const skew = estimateSkew(first.lines.map((l) => l.words.flatMap((w) => (w.box ? [w.box] : []))));
  if (skew === null || Math.abs(skew) < SKEW_TOLERANCE) return first;
  const wrapped = rotatedImagePdf(await readFile(image), skew);
  if (!wrapped) return first;
  const straight = `${image}.straight`;
  await writeFile(`${straight}.pdf`, wrapped);
  await run(engine.pdftoppm, ['-r', '72', '-gray', '-png', '-singlefile', `${straight}.pdf`, straight], { timeout: engine.pageTimeoutMs });
  const second = await tesseractOnce(engine, `${straight}.png`, page);
  await Promise.all([rm(`${straight}.pdf`, { force: true }), rm(`${straight}.png`, { force: true })]);
  const mean = (p: OcrPage) => p.lines.reduce((sum, l) => sum + l.confidence * l.words.length, 0) / Math.max(1, p.lines.reduce((n, l) => n + l.words.length, 0));
  return mean(second) >= mean(first) ? second : first;
}

function ocrFailed(file: string, error: unknown): IngestError {
  const killed = typeof error === 'object' && error !== null && 'killed' in error && error.killed === true;
  return new IngestError({
    code: killed ? 'ocr_timeout' : 'ocr_failed',
    message: killed
      ? 'خواندن یکی از صفحه‌های اسکن‌شده بیش از اندازه طول کشید و متوقف شد؛ تصویر را با کیفیت کمتر یا در چند بخش بفرستید.'
      : 'نویسه‌خوانی تصویر انجام نشد؛ پرونده ممکن است آسیب دیده باشد.',
    file,
  });
}

/** Run `work` over `items` with at most `limit` at once, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await work(item, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export interface OcrProgress {
  (done: number, total: number): void;
}

/**
 * OCR some pages of a PDF (rasterised at engine.dpi), in page order.
 *
 * @example
 * const pages = await ocrPdfPages(bytes, [1, 2], engine, 'scan.pdf', (k, n) => console.log(k, n));
 */
export async function ocrPdfPages(bytes: Uint8Array, pages: readonly number[], engine: OcrEngine, file: string, progress?: OcrProgress): Promise<OcrPage[]> {
  if (!(await ocrAvailable(engine))) throw NoOcrEngine(file);
  const dir = await mkdtemp(join(tmpdir(), 'neshast-ocr-'));
  try {
    const pdf = join(dir, 'source.pdf');
    await writeFile(pdf, bytes);
    let done = 0;
    return await mapLimited(pages, engine.concurrency, async (page) => {
      try {
        const prefix = join(dir, `p${page}`);
        await run(engine.pdftoppm, ['-r', String(engine.dpi), '-gray', '-png', '-f', String(page), '-l', String(page), pdf, prefix], {
          timeout: engine.pageTimeoutMs,
        });
        const image = (await readdir(dir)).find((f) => f.startsWith(`p${page}-`) && f.endsWith('.png'));
        if (!image) throw new Error(`pdftoppm wrote no image for page ${page}`);
        const result = await tesseract(engine, join(dir, image), page);
        await rm(join(dir, image), { force: true });
        progress?.(++done, pages.length);
        return result;
      } catch (error) {
        if (error instanceof IngestError) throw error;
        throw ocrFailed(file, error);
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * OCR one image file (.png, .jpg).
 *
 * @example
 * const [page] = await ocrImages([png], engine, 'letter.jpg');
 */
export async function ocrImage(bytes: Uint8Array, extension: 'png' | 'jpg', engine: OcrEngine, file: string): Promise<OcrPage> {
  if (!(await ocrAvailable(engine))) throw NoOcrEngine(file);
  const dir = await mkdtemp(join(tmpdir(), 'neshast-ocr-'));
  try {
    const image = join(dir, `scan.${extension}`);
    await writeFile(image, bytes);
    try {
      return await tesseract(engine, image, 1);
    } catch (error) {
      throw ocrFailed(file, error);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The raw text of OCR'd pages: lines on their own lines, a blank line between paragraphs. */
export function ocrPageText(page: OcrPage): string {
  let text = '';
  for (const line of page.lines) {
    if (text !== '') text += line.paragraphStart ? '\n\n' : '\n';
    text += line.text;
  }
  return text;
}
