/**
 * @module Finds a document's pages and OCR lines again in the repaired session body: the repair
 * rejoins lines, drops duplicates and reorders reversed words, so spans are found by searching
 * forward in a folded form (letters and digits only) rather than by carrying offsets through.
 */
import type { SourceLayout } from '../../db/schema/session-sources';
import type { OcrPage } from './ocr';

/** OCR words under this confidence (0–100) are marked for the reviewer. */
export const LOW_CONFIDENCE = 60;

interface Folded {
  text: string;
  /** Offset in the original string of each folded character. */
  at: number[];
}

function foldChar(ch: string): string {
  const folded = ch
    .normalize('NFKC')
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک')
    .replace(/[ۀة]/gu, 'ه');
  return folded.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Letters and digits of a string, with a map back to where each came from. */
function fold(text: string): Folded {
  let out = '';
  const at: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i++) at.push(offset);
    out += f;
    offset += ch.length;
  }
  return { text: out, at };
}

/**
 * The page of each paragraph: each paragraph's opening letters are looked for in the raw text
 * from where the previous paragraph was found; null when not found (then the previous page is used for the next).
 *
 * @example
 * paragraphPages('الف\n\nب', [0, 5], ['الف', 'ب']) // [1, 2]
 */
export function paragraphPages(raw: string, pageStarts: readonly number[], paragraphs: readonly string[]): Array<number | null> {
  const source = fold(raw);
  const pageAt = (offset: number) => {
    let page = 1;
    pageStarts.forEach((start, i) => {
      if (offset >= start) page = i + 1;
    });
    return page;
  };
  let cursor = 0;
  return paragraphs.map((paragraph) => {
    const key = fold(paragraph).text;
    for (const length of [40, 16, 8]) {
      const probe = key.slice(0, length);
      if (probe.length < Math.min(length, 4)) continue;
      const found = source.text.indexOf(probe, cursor);
      if (found >= 0) {
        cursor = found + probe.length;
        return pageAt(source.at[found] ?? 0);
      }
    }
    return null;
  });
}

/**
 * Where the OCR'd lines and low-confidence words sit in the body.
 *
 * @example
 * locateOcr(body, pages).lowConfidence[0] // { start: 120, end: 126, confidence: 41.2 }
 */
export function locateOcr(body: string, pages: readonly OcrPage[]): Pick<SourceLayout, 'ocrLines' | 'lowConfidence'> {
  const target = fold(body);
  const ocrLines: SourceLayout['ocrLines'] = [];
  const lowConfidence: SourceLayout['lowConfidence'] = [];
  let cursor = 0;
  const find = (text: string, from: number): [number, number] | null => {
    const key = fold(text).text;
    if (key === '') return null;
    const found = target.text.indexOf(key, from);
    if (found < 0) return null;
    const start = target.at[found] ?? 0;
    const last = target.at[found + key.length - 1] ?? start;
    // Through the whole last character (a surrogate pair or a letter NFKC expanded).
    const end = last + (String.fromCodePoint(body.codePointAt(last) ?? 32).length);
    return [start, end];
  };
  for (const page of pages) {
    for (const line of page.lines) {
      // A line is found by its words in order; the line's span runs from its first to its last found word.
      let lineStart: number | null = null;
      let lineEnd: number | null = null;
      let wordCursor = cursor;
      for (const word of line.words) {
        const span = find(word.text, wordCursor);
        // A word far ahead was not this one (OCR noise): skip it rather than jump.
        const from = lineEnd ?? target.at[cursor] ?? 0;
        if (!span || span[0] - from > 300) continue;
        while (wordCursor < target.text.length && (target.at[wordCursor] ?? 0) < span[1]) wordCursor++;
        lineStart ??= span[0];
        lineEnd = span[1];
        if (word.confidence < LOW_CONFIDENCE) lowConfidence.push({ start: span[0], end: span[1], confidence: Math.round(word.confidence) });
      }
      if (lineStart !== null && lineEnd !== null) {
        ocrLines.push({ start: lineStart, end: lineEnd, confidence: Math.round(line.confidence), page: page.page });
        cursor = wordCursor;
      }
    }
  }
  return { ocrLines, lowConfidence };
}
