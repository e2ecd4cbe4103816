/**
 * @module Reads a Word (.docx) file with mammoth: headings and paragraphs in order, the first
 * heading offered as the title. Images, fields and macros are not read (mammoth never runs them).
 */
import mammoth from 'mammoth';
import { IngestError } from '../ingest-error';

export interface DocxText {
  /** Paragraphs separated by a blank line (headings too: they are part of the text). */
  text: string;
  /** The first heading (or null), offered as the session's title. */
  titleHint: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .trim();
}

/**
 * The text of a .docx file, block by block.
 *
 * @example
 * const { text, titleHint } = await readDocxText(bytes, 'circular.docx');
 */
export async function readDocxText(bytes: Uint8Array, fileName: string): Promise<DocxText> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { includeDefaultStyleMap: true, ignoreEmptyParagraphs: true })).value;
  } catch {
    throw new IngestError({ code: 'docx_broken', message: 'این پرونده Word سالم نیست و خوانده نشد؛ آن را دوباره در Word به‌صورت ‎.docx ذخیره کنید.', file: fileName });
  }
  const blocks: string[] = [];
  let titleHint: string | null = null;
  // mammoth writes flat HTML: headings, paragraphs, list items and table cells.
  for (const match of html.matchAll(/<(h[1-6]|p|li|td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = htmlText(match[2] ?? '');
    if (text === '') continue;
    if (titleHint === null && /^h[1-6]$/i.test(match[1] ?? '')) titleHint = text;
    blocks.push(text);
  }
  return { text: blocks.join('\n\n'), titleHint };
}
