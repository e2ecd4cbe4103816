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

/** How far ahead (in letters) a line may be found: further, it is not the next line but a chance match. */
const LOOKAHEAD = 400;
const PROBE = 12;

/**
 * Where the OCR'd lines and low-confidence words sit in the body. Each line is looked for from
 * where the previous one ended: whole, or by its opening and closing letters (the repair may have
 * changed something inside); a line not found near there (a title taken out of the body) is skipped.
 * Doubtful words are looked for inside their line's span only.
 *
 * @example
 * locateOcr(body, pages).lowConfidence[0] // { start: 120, end: 126, confidence: 41 }
 */
export function locateOcr(body: string, pages: readonly OcrPage[]): Pick<SourceLayout, 'ocrLines' | 'lowConfidence'> {
  const target = fold(body);
  const ocrLines: SourceLayout['ocrLines'] = [];
  const lowConfidence: SourceLayout['lowConfidence'] = [];
  const endOf = (index: number) => {
    const last = target.at[index] ?? 0;
    return last + String.fromCodePoint(body.codePointAt(last) ?? 32).length;
  };
  const near = (key: string, from: number, limit: number): number => {
    const found = target.text.indexOf(key, from);
    return found >= 0 && found - from <= limit ? found : -1;
  };
  let cursor = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      const key = fold(line.text).text;
      if (key.length < 2) continue;
      let from = near(key, cursor, LOOKAHEAD);
      let to = from >= 0 ? from + key.length : -1;
      if (from < 0) {
        from = near(key.slice(0, PROBE), cursor, LOOKAHEAD);
        const tail = key.slice(-PROBE);
        const tailAt = from >= 0 ? near(tail, from, key.length * 1.5) : -1;
        to = tailAt >= 0 ? tailAt + tail.length : -1;
      }
      if (from < 0 || to <= from) continue;
      const start = target.at[from] ?? 0;
      const end = endOf(to - 1);
      ocrLines.push({ start, end, confidence: Math.round(line.confidence), page: page.page });
      let wordFrom = from;
      for (const word of line.words) {
        const wordKey = fold(word.text).text;
        if (wordKey === '') continue;
        const at = target.text.indexOf(wordKey, wordFrom);
        if (at < 0 || at + wordKey.length > to) continue;
        wordFrom = at + wordKey.length;
        if (word.confidence < LOW_CONFIDENCE) {
          // Rounded down: a word at 59.6 is under the bar of 60 and must read so.
          lowConfidence.push({ start: target.at[at] ?? 0, end: endOf(at + wordKey.length - 1), confidence: Math.floor(word.confidence) });
        }
      }
      cursor = to;
    }
  }
  return { ocrLines, lowConfidence };
}
