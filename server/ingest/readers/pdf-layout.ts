import { brokenJoin, joinsNext } from './arabic-forms';
import { unmirrorBrackets } from './pdf-brackets';

/**
 * @module Reading order of a PDF page's text items: lines by baseline, right-to-left within a
 * Persian line (numbers and Latin kept left-to-right; a line with no Persian letter left to right),
 * right column before left column, a justified word stretched with kashida read whole, blank lines
 * between paragraphs, and running headers and footers (repeated on most pages) taken out; a single
 * page's small header line stays, but is not its title.
 * Pure: positioned strings in, text out.
 */

/** One text run as pdfjs gives it: its string in logical order and its box in PDF units (y up). */
export interface PdfTextItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol?: boolean;
}

export interface PdfPageItems {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** The page draws images (looked at only when it has next to no text). */
  images?: boolean;
}

export interface PageText {
  /** 1-based. */
  page: number;
  /** Lines separated by \n, paragraphs by a blank line. */
  text: string;
}

export interface LaidOutDocument {
  pages: PageText[];
  /** Header and footer lines removed because they repeat on most pages (as they read where first found). */
  runningLines: string[];
  /** The heading under a one-page file's small header line (which would otherwise be read as the title), or null. */
  titleHint: string | null;
}

interface Line {
  y: number;
  h: number;
  items: PdfTextItem[];
  left: number;
  right: number;
}

/** Which way an item reads: right to left (it has a Persian, Arabic or Hebrew letter), left to right (Latin letters or digits only), or neither (punctuation, dashes, blanks). */
type ItemDirection = 'rtl' | 'ltr' | 'neutral';

const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}]/u;
// Digits (Persian ones too: numbers run left to right) or a letter of a script of its own (not the tatweel, which is common to all).
const LTR_CONTENT = /\p{Nd}|(?=\p{L})\P{Script=Common}/u;

function directionOf(item: PdfTextItem): ItemDirection {
  if (RTL_LETTER.test(item.s)) return 'rtl';
  return LTR_CONTENT.test(item.s) ? 'ltr' : 'neutral';
}

function isBlank(item: PdfTextItem): boolean {
  return item.s.trim() === '';
}

/** Group items into lines: same baseline within a third of the text height. */
function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.s !== '').sort((a, b) => b.y - a.y);
  const lines: Line[] = [];
  for (const item of sorted) {
    const h = item.h || 10;
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(2, Math.min(l.h, h) / 3));
    if (line) {
      line.items.push(item);
      if (!isBlank(item)) {
        line.left = Math.min(line.left, item.x);
        line.right = Math.max(line.right, item.x + item.w);
        line.h = Math.max(line.h, h);
      }
    } else {
      const blank = isBlank(item);
      lines.push({ y: item.y, h: item.h, items: [item], left: blank ? Infinity : item.x, right: blank ? -Infinity : item.x + item.w });
    }
  }
  return lines.filter((l) => l.items.some((i) => !isBlank(i))).sort((a, b) => b.y - a.y);
}

const TATWEEL = '\u0640';

/**
 * The text of one line. Items run right to left; a run of numbers or Latin keeps its own left-to-right
 * order. A space is added where the gap between items is wider than a fifth of the text height, and a
 * ZWNJ where two pieces of one Persian word touch after a letter that would otherwise have joined.
 */
function lineText(line: Line): string {
  const items = line.items.filter((i) => i.s !== '').sort((a, b) => b.x + b.w - (a.x + a.w));
  const directions = items.map(directionOf);
  // A line without a right-to-left letter (an English title, an e-mail address) reads left to right throughout.
  const ltrLine = !directions.includes('rtl');
  const ordered: PdfTextItem[] = ltrLine ? [...items].reverse() : [];
  // In a Persian line, each run of left-to-right items (digits, Latin, with the dashes and blanks
  // between them) keeps its own order: it is reversed back from the right-to-left sort.
  for (let i = 0; !ltrLine && i < items.length; ) {
    const item = items[i];
    if (!item) break;
    if (directions[i] === 'ltr') {
      let end = i + 1;
      for (let j = i + 1; j < items.length && directions[j] !== 'rtl'; j++) if (directions[j] === 'ltr') end = j + 1;
      ordered.push(...items.slice(i, end).reverse());
      i = end;
    } else {
      ordered.push(item);
      i++;
    }
  }
  let text = '';
  let prev: PdfTextItem | undefined;
  for (const [i, drawn] of ordered.entries()) {
    const item = isZwnjGlyph(drawn, ordered[i - 1], ordered[i + 1]) ? { ...drawn, s: '\u200C' } : drawn;
    // A combining mark (the hamza of هٔ) belongs to the letter before it, whatever the gap.
    if (prev && text !== '' && !/\s$/u.test(text) && !/^[\s\p{M}]/u.test(item.s)) {
      // Gap between the previous item's left edge and this item's right edge (RTL), or the reverse for LTR runs.
      const gap = Math.min(Math.abs(prev.x - (item.x + item.w)), Math.abs(item.x - (prev.x + prev.w)));
      const size = Math.max(prev.h, item.h, 6);
      const last = text.at(-1) ?? '';
      const first = item.s[0] ?? '';
      if (last === TATWEEL || first === TATWEEL) {
        // A kashida stretching a justified word (the worker reads LibreOffice's unmapped kashida glyph
        // as a tatweel) is cut where LibreOffice draws its glyphs overlapping: the runs overlap, and
        // that is no gap, nor a ZWNJ. A tatweel set apart («الف ـ») is still spaced where there is room.
        const apart = Math.max(prev.x - (item.x + item.w), item.x - (prev.x + prev.w));
        if (apart > size * 0.2) text += ' ';
      } else if (gap > size * 0.2) text += ' ';
      else if (brokenJoin(last, first) === null && joinsNext(last) && prev.s.length > 1 && item.s.length > 1) {
        // Two runs of standard letters touching inside a word: the producer cut the run at a ZWNJ it dropped (استان|ها).
        text += '\u200C';
      }
    }
    text += item.s;
    prev = item;
  }
  // A space before a combining mark (ه ٔ) is an artefact of the producer: the mark sits on the letter.
  // The tatweel only stretches a word (the repair drops any that remain in other readers' text too).
  return restoreZwnj(text.replaceAll(TATWEEL, '').replace(/\s+/gu, ' ').replace(/ (\p{M})/gu, '$1').trim());
}

/**
 * LibreOffice draws a ZWNJ as a glyph of no width that its ToUnicode names a space: between a
 * Persian letter that joins the next and another Persian letter, such a «space» is the ZWNJ (کلاس‌های).
 */
function isZwnjGlyph(item: PdfTextItem, before: PdfTextItem | undefined, after: PdfTextItem | undefined): boolean {
  // A space is about a quarter of the type size wide; this glyph has next to none.
  if (!isBlank(item) || !before || !after || item.w > Math.max(before.h, after.h, 6) * 0.1) return false;
  return RTL_LETTER.test(before.s.at(-1) ?? '') && joinsNext(before.s.at(-1) ?? '') && RTL_LETTER.test(after.s[0] ?? '');
}

/** Put back the ZWNJ between glyphs whose shapes show the word was cut there (ﻪ|ای → ه‌ای). */
function restoreZwnj(text: string): string {
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    out += ch;
    const next = chars[i + 1];
    if (next !== undefined && brokenJoin(ch, next) === true) out += '\u200C';
  });
  return out;
}

/** An x between columns that no line's text crosses (in the middle of the page), or null for one column. */
function gutterOf(lines: readonly Line[], width: number): number | null {
  if (lines.length < 4) return null;
  const from = Math.floor(width * 0.3);
  const to = Math.ceil(width * 0.7);
  const cover = new Array<number>(to - from).fill(0);
  for (const line of lines) {
    for (const item of line.items) {
      if (isBlank(item)) continue;
      for (let x = Math.max(from, Math.floor(item.x)); x < Math.min(to, Math.ceil(item.x + item.w)); x++) cover[x - from] = (cover[x - from] ?? 0) + 1;
    }
  }
  // The widest empty band; a title or a footer may cross it, so allow a few lines.
  const allowed = Math.max(1, Math.floor(lines.length * 0.08));
  let best: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= cover.length; i++) {
    const empty = i < cover.length && (cover[i] ?? 0) <= allowed;
    if (empty && start < 0) start = i;
    if (!empty && start >= 0) {
      if (!best || i - start > best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  if (!best || best[1] - best[0] < 8) return null;
  const gutter = from + (best[0] + best[1]) / 2;
  // Lines of the two columns often share a baseline: count the lines with text on each side.
  const leftLines = lines.filter((l) => l.items.some((i) => !isBlank(i) && i.x + i.w <= gutter)).length;
  const rightLines = lines.filter((l) => l.items.some((i) => !isBlank(i) && i.x >= gutter)).length;
  return leftLines >= 3 && rightLines >= 3 ? gutter : null;
}

/** Split a page's lines into blocks in reading order: full-width lines as they come, columns right then left. */
function readingOrder(lines: Line[], width: number): Line[][] {
  const gutter = gutterOf(lines, width);
  if (gutter === null) return [lines];
  const blocks: Line[][] = [];
  let right: Line[] = [];
  let left: Line[] = [];
  const flush = () => {
    if (right.length > 0) blocks.push(right);
    if (left.length > 0) blocks.push(left);
    right = [];
    left = [];
  };
  for (const line of lines) {
    const items = line.items.filter((i) => !isBlank(i));
    const rightItems = items.filter((i) => i.x >= gutter);
    const leftItems = items.filter((i) => i.x + i.w <= gutter);
    if (rightItems.length + leftItems.length < items.length) {
      flush();
      blocks.push([line]);
      continue;
    }
    const split = (part: PdfTextItem[]): Line => ({
      y: line.y,
      h: line.h,
      items: part,
      left: Math.min(...part.map((i) => i.x)),
      right: Math.max(...part.map((i) => i.x + i.w)),
    });
    if (rightItems.length > 0) right.push(split(rightItems));
    if (leftItems.length > 0) left.push(split(leftItems));
  }
  flush();
  return blocks;
}

/** The line spacing: the lower quartile of the gaps, since paragraph gaps may be as many as line gaps. */
const lineSpacing = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)] ?? 0;
};

const SENTENCE_END = /[.!?؟…:»]$/u;

/** A block's lines as text, with a blank line where the line spacing opens up or a short line ends a sentence. */
function blockText(block: readonly Line[]): string {
  const gaps = block.slice(1).map((l, i) => (block[i]?.y ?? l.y) - l.y);
  const usual = lineSpacing(gaps.filter((g) => g > 0));
  const fullLeft = Math.min(...block.map((l) => l.left));
  const fullRight = Math.max(...block.map((l) => l.right));
  const width = fullRight - fullLeft;
  let out = '';
  block.forEach((line, i) => {
    const text = lineText(line);
    if (text === '') return;
    const prev = block[i - 1];
    if (out !== '' && prev) {
      const gap = prev.y - line.y;
      const prevText = lineText(prev);
      // In RTL text a paragraph's last line stops short of the left margin.
      const shortEnd = prev.left - fullLeft > width * 0.15 && SENTENCE_END.test(prevText);
      // A heading is set larger than the text under it.
      const sizeChange = Math.abs(prev.h - line.h) > Math.min(prev.h, line.h) * 0.15;
      out += (usual > 0 && gap > usual * 1.35) || shortEnd || sizeChange ? '\n\n' : '\n';
    }
    out += text;
  });
  return out;
}

/** The size most of a page's letters are set in: the height under which half of them fall. */
function bodyHeight(lines: readonly Line[]): number {
  const sized = lines.map((l) => ({ h: l.h, letters: l.items.reduce((n, i) => n + (i.s.match(/\p{L}/gu) ?? []).length, 0) })).sort((a, b) => a.h - b.h);
  const half = sized.reduce((n, l) => n + l.letters, 0) / 2;
  let seen = 0;
  for (const line of sized) {
    seen += line.letters;
    if (seen >= half) return line.h;
  }
  return 0;
}

/**
 * A one-page file has no second page to repeat its header on, so a header is known by how it is set:
 * one of the first two lines, standing apart (see standsApart), in a smaller type than the body text
 * (LibreOffice's and Word's 9–10 pt header over 12 pt text). It stays in the text (a letter's «شماره …
 * تاریخ …» or «بسمه تعالی» is set the same way and must not be lost) but is never the title: the first
 * paragraph after it (the heading) is, as a reader would take it.
 */
const SMALLER_THAN_BODY = 0.9;

/** The first paragraph not made of the small header's lines (its first line if it runs long, as a heading does not). */
function headingAfter(text: string, headerLines: ReadonlySet<string>): string | null {
  const paragraph = text.split('\n\n').find((p) => !p.split('\n').every((line) => headerLines.has(line)));
  if (paragraph === undefined) return null;
  const whole = paragraph.replace(/\s+/gu, ' ').trim();
  return whole.split(' ').length <= 15 ? whole : (paragraph.split('\n')[0] ?? '').trim() || null;
}

const RUNNING_KEY = (text: string) => text.replace(/[\p{Nd}]+/gu, '#').replace(/\s+/gu, ' ').trim();
// «صفحهٔ ۱ از ۱» as printed: هٔ written with a hamza (U+0654) or as ۀ, in presentation forms until folded (NFKC).
const PAGE_NUMBER_ONLY = /^[\s\-–—|.:صفحهۀ\u0654]*[\p{Nd}]+(\s*(از|\/|of)\s*[\p{Nd}]+)?[\s\-–—|.]*$/u;

/**
 * Lay out every page and drop running headers and footers: a line among the first or last two of
 * a page that, digits aside, repeats on at least half the pages (and on two or more), or a bare page number.
 *
 * @example
 * layOutPages(pages).pages[0].text // 'بخشنامه…\n\nبه گزارش…'
 */
export function layOutPages(pages: readonly PdfPageItems[]): LaidOutDocument {
  const perPage = pages.map((p) => groupLines(p.items));
  const edgeKeys = new Map<string, number>();
  perPage.forEach((lines) => {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => RUNNING_KEY(lineText(l))));
    for (const key of edges) edgeKeys.set(key, (edgeKeys.get(key) ?? 0) + 1);
  });
  const repeated = (key: string) => pages.length >= 2 && (edgeKeys.get(key) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const runningLines: string[] = [];
  const seen = new Set<string>();
  let titleHint: string | null = null;
  const texts = perPage.map((lines, index): PageText => {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
    const height = pages[index]?.height ?? 842;
    const spacing = lineSpacing(lines.slice(1).map((l, i) => (lines[i]?.y ?? l.y) - l.y).filter((g) => g > 0));
    const body = bodyHeight(lines);
    // A header or footer stands apart: in the page's top or bottom margin, or further from the text
    // than a paragraph break. A body line that happens to repeat («…آمده است.» ending a paragraph
    // at the foot of two pages) is neither, and stays.
    const standsApart = (line: Line, i: number) => {
      if (line.y > height * 0.92 || line.y < height * 0.07) return true;
      const neighbour = i < 2 ? lines[i + 1] : lines[i - 1];
      return neighbour !== undefined && spacing > 0 && Math.abs(neighbour.y - line.y) >= spacing * 1.6;
    };
    const running = new Set(
      lines.filter((line, i) => {
        if (!edge.has(line) || !standsApart(line, i)) return false;
        const text = lineText(line);
        return repeated(RUNNING_KEY(text)) || PAGE_NUMBER_ONLY.test(text.normalize('NFKC'));
      }),
    );
    const smallTop = new Set(pages.length === 1 ? lines.slice(0, 2).filter((line, i) => !running.has(line) && standsApart(line, i) && line.h < body * SMALLER_THAN_BODY) : []);
    // A page that would be left empty was all text («Page 1 of the report» alone): keep it.
    const kept = running.size < lines.length ? lines.filter((line) => !running.has(line)) : lines;
    if (kept !== lines) {
      for (const line of running) {
        const text = lineText(line);
        if (seen.has(RUNNING_KEY(text))) continue;
        seen.add(RUNNING_KEY(text));
        // As it reads on the first page it was found on (presentation forms folded for the reviewer).
        runningLines.push(text.normalize('NFKC'));
      }
    }
    const blocks = readingOrder(kept, pages[index]?.width ?? 600);
    const text = blocks.map(blockText).filter((t) => t !== '').join('\n\n');
    if (smallTop.size > 0) titleHint = headingAfter(text, new Set([...smallTop].map(lineText)));
    return { page: index + 1, text };
  });
  // Mirrored brackets are judged over the whole document, the running lines with it.
  const read = unmirrorBrackets([...texts.map((t) => t.text), ...runningLines]);
  const hint = titleHint === null ? null : (unmirrorBrackets([titleHint])[0] ?? titleHint).normalize('NFKC');
  return { pages: texts.map((t, i) => ({ ...t, text: read[i] ?? t.text })), runningLines: runningLines.map((l, i) => read[texts.length + i] ?? l), titleHint: hint };
}
