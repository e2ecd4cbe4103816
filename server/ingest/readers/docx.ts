/**
 * @module Reads a Word (.docx) file with mammoth, off the event loop: the zip's declared sizes are
 * checked first, then a worker thread with a heap and time bound inflates the XML parts (refusing
 * any that grows past its bound whatever the zip declares), converts with mammoth and keeps
 * headings and paragraphs in order up to the text limit, the first heading offered as the title.
 * Images, fields and macros are not read (mammoth never runs them).
 */
import { Worker } from 'node:worker_threads';
import { IngestError } from '../ingest-error';

export interface DocxText {
  /** Paragraphs separated by a blank line (headings too: they are part of the text). */
  text: string;
  /** The first heading (or null), offered as the session's title. */
  titleHint: string | null;
}

export interface DocxLimits {
  /** Unpacked bytes of word/document.xml. mammoth takes about 2–4 s and 80 MB of heap per MB of
   * XML (measured on the 2-core server), and Word spends 3–10 bytes of XML per character of text:
   * 8 MB holds any write-up under the text limit and keeps a conversion well inside the timeout. */
  maxDocumentXmlBytes: number;
  /** Unpacked bytes of all XML parts together (styles, numbering, footnotes… are parsed too). */
  maxXmlBytes: number;
  /** Unpacked bytes of the whole archive: a file's images barely compress, so an honest .docx is
   * near its upload size (≤ 15 MB); far more is a zip bomb. */
  maxArchiveBytes: number;
  /** Characters of text kept at most: the limit of pasted text (a Word file is no way around it). */
  maxTextChars: number;
  /** Milliseconds before the reader is stopped. */
  timeoutMs: number;
  /** Heap of the reading worker, in MB. */
  heapMb: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxDocumentXmlBytes: 8 * 1024 * 1024,
  maxXmlBytes: 12 * 1024 * 1024,
  maxArchiveBytes: 64 * 1024 * 1024,
  maxTextChars: 1_000_000,
  timeoutMs: 60_000,
  heapMb: 512,
};

/** One entry of the zip's central directory, as the worker needs it to inflate the part itself. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** The central directory of a zip, or null when it cannot be found or runs off the bytes. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > buf.length) return null;
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

const tooLarge = (fileName: string, limits: DocxLimits) =>
  new IngestError({
    code: 'docx_too_large',
    message: `این پرونده Word پس از بازشدن بیش از اندازه بزرگ است یا خواندنش بیش از حد طول کشید (متن اصلی آن تا ${(limits.maxDocumentXmlBytes / 1024 / 1024).toLocaleString('fa-IR')} مگابایت خوانده می‌شود)؛ آن را در چند بخش بفرستید.`,
    file: fileName,
  });

const tooLong = (fileName: string, limits: DocxLimits) =>
  new IngestError({
    code: 'docx_too_large',
    message: `متن این پرونده Word بیش از ${limits.maxTextChars.toLocaleString('fa-IR')} نویسه است؛ آن را در چند بخش بفرستید.`,
    file: fileName,
  });

const broken = (fileName: string) =>
  new IngestError({ code: 'docx_broken', message: 'این پرونده Word سالم نیست و خوانده نشد؛ آن را دوباره در Word به‌صورت ‎.docx ذخیره کنید.', file: fileName });

/** Refuses, by the sizes the zip declares, a file whose XML would unpack past the limits. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], fileName: string, limits: DocxLimits = DOCX_LIMITS): void {
  let archive = 0;
  let xml = 0;
  for (const e of entries) {
    // A ZIP64 size (0xFFFFFFFF here) is over 4 GB: no Word write-up is.
    if (e.size === ZIP64_MARK || e.compressedSize === ZIP64_MARK) throw tooLarge(fileName, limits);
    archive += e.size;
    if (isXmlPart(e.name)) xml += e.size;
    if (e.name === 'word/document.xml' && e.size > limits.maxDocumentXmlBytes) throw tooLarge(fileName, limits);
  }
  if (xml > limits.maxXmlBytes || archive > limits.maxArchiveBytes) throw tooLarge(fileName, limits);
}

interface WorkerResult {
  ok: boolean;
  /** Why it failed: 'too_large' (a part grew past its bound), 'too_long' (text), else broken. */
  reason?: 'too_large' | 'too_long' | 'broken';
  text?: string;
  titleHint?: string | null;
}

const WORKER_URL = new URL('./docx-text.worker.mjs', import.meta.url);

/**
 * The text of a .docx file, block by block. Throws IngestError `docx_too_large` for a file that
 * unpacks (or would) past DocxLimits, whose text is longer than the limit, or whose reading runs
 * out of time or memory; `docx_broken` for a file that is no readable Word document.
 *
 * @example
 * const { text, titleHint } = await readDocxText(bytes, 'circular.docx');
 */
export async function readDocxText(bytes: Uint8Array, fileName: string, limits: DocxLimits = DOCX_LIMITS): Promise<DocxText> {
  const entries = zipEntries(bytes);
  if (!entries || !entries.some((e) => e.name === 'word/document.xml')) throw broken(fileName);
  checkDeclaredSizes(entries, fileName, limits);
  const xmlParts = entries.filter((e) => isXmlPart(e.name));
  const result = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, entries: xmlParts, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(tooLarge(fileName, limits));
    }, limits.timeoutMs);
    worker.on('message', (message: WorkerResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    // Out of memory in the worker lands here: the file, not the server, is the problem.
    worker.on('error', () => {
      clearTimeout(timer);
      reject(tooLarge(fileName, limits));
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      reject(tooLarge(fileName, limits));
    });
  });
  if (!result.ok) {
    if (result.reason === 'too_large') throw tooLarge(fileName, limits);
    if (result.reason === 'too_long') throw tooLong(fileName, limits);
    throw broken(fileName);
  }
  return { text: result.text ?? '', titleHint: result.titleHint ?? null };
}
