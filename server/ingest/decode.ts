/**
 * @module Turns uploaded bytes into text: UTF-8 (with or without BOM, UTF-16 with BOM),
 * Windows-1256 detected and converted, binary files refused with a clear Persian error.
 */
import iconv from 'iconv-lite';
import { IngestError } from './ingest-error';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** Bytes of C0 controls other than tab, newline, form feed and carriage return. */
function controlRatio(bytes: Buffer): number {
  let controls = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++;
  return bytes.length === 0 ? 0 : controls / bytes.length;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of letters in the Arabic block after decoding as Windows-1256: high for Persian text. */
function looksLikePersian1256(bytes: Buffer): boolean {
  const text = iconv.decode(bytes, 'windows-1256');
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const arabic = text.match(/[\u0600-\u06FF]/gu)?.length ?? 0;
  return letters > 0 && arabic / letters > 0.5;
}

/**
 * Detect the encoding of uploaded text, or throw an IngestError for binary input.
 *
 * @example
 * detectEncoding(Buffer.from('سلام')) // 'utf-8'
 */
export function detectEncoding(bytes: Buffer, file?: string): DetectedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.includes(0) || controlRatio(bytes) > 0.05) {
    throw new IngestError({ code: 'binary_file', message: 'پرونده متنی نیست (دودویی است)؛ یک پرونده‌ی متنی بفرستید.', file });
  }
  if (isValidUtf8(bytes)) return 'utf-8';
  if (looksLikePersian1256(bytes)) return 'windows-1256';
  throw new IngestError({
    code: 'unknown_encoding',
    message: 'رمزگذاری پرونده شناخته نشد؛ آن را با رمزگذاری UTF-8 ذخیره کنید و دوباره بفرستید.',
    file,
  });
}

/**
 * Decode uploaded bytes into text (BOM removed), converting Windows-1256 and refusing binary.
 *
 * @example
 * decodeText(iconv.encode('سلام', 'windows-1256')) // 'سلام'
 */
export function decodeText(bytes: Buffer, file?: string): string {
  const encoding = detectEncoding(bytes, file);
  let text: string;
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    text = swapped.toString('utf16le');
  } else if (encoding === 'utf-16le') text = bytes.subarray(2).toString('utf16le');
  else if (encoding === 'windows-1256') text = iconv.decode(bytes, 'windows-1256');
  else text = bytes.toString('utf8');
  return text.replace(/^\uFEFF/, '');
}
