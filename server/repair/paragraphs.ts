/**
 * @module Rebuilds paragraphs from hard-wrapped lines: lines broken mid-sentence and
 * blank lines inside a sentence are joined, headings and sentence ends start a new
 * paragraph, and every paragraph remembers where each source line landed in it.
 */

import { endsWithSentenceEnd } from '../persian/sentences';

export interface SourceLine {
  /** 1-based line number in the original text. */
  line: number;
  text: string;
}

export interface LineSegment {
  line: number;
  /** [start, end) of the line's text inside the paragraph. */
  start: number;
  end: number;
}

export interface JoinEvent {
  kind: 'line-join' | 'blank-line-join';
  /** The line that was appended to the paragraph before it. */
  line: number;
}

export interface AssembledParagraph {
  text: string;
  segments: LineSegment[];
}

export interface Assembly {
  paragraphs: AssembledParagraph[];
  joins: JoinEvent[];
  /** Whether the text was judged hard-wrapped (lines cut at a width, not at sentence ends). */
  hardWrapped: boolean;
}

/** A line ending in one of these is mid-sentence however short it is. */
const CONTINUES = /(?:[،,:؛;\-–]|\s(?:و|به|از|با|در|که|را|برای|تا|این|آن))$/u;

function endsSentence(text: string): boolean {
  return endsWithSentenceEnd(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** A short line of its own, without an ending, that stands apart: a title or heading. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return wordCount(t) <= 12 && !endsSentence(t) && !CONTINUES.test(t);
}

/**
 * Join lines into paragraphs. In hard-wrapped text a line joins the one before unless that
 * one ends a sentence or is a heading; otherwise every non-empty line is a paragraph.
 *
 * @example
 * assembleParagraphs([{ line: 1, text: 'مدیران باید' }, { line: 2, text: 'اقدام کنند.' }, …])
 */
export function assembleParagraphs(lines: SourceLine[]): Assembly {
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const open = nonEmpty.filter((l) => !endsSentence(l.text)).length;
  const hardWrapped = nonEmpty.length >= 3 && open / nonEmpty.length > 0.3;

  const paragraphs: AssembledParagraph[] = [];
  const joins: JoinEvent[] = [];
  let current: AssembledParagraph | null = null;
  let blankSince = false;
  let currentLines = 0;
  // Whether the paragraph so far ends a sentence: its last line decides, so the growing text is never re-scanned.
  let currentEnds = false;

  for (const source of lines) {
    const text = source.text.trim();
    if (text === '') {
      blankSince = current !== null;
      continue;
    }
    const previous: AssembledParagraph | null = current;
    const joinable =
      previous !== null &&
      hardWrapped &&
      !currentEnds &&
      !(currentLines === 1 && blankSince && looksLikeHeading(previous.text));
    if (previous !== null && joinable) {
      const start = previous.text.length + 1;
      previous.text += ` ${text}`;
      previous.segments.push({ line: source.line, start, end: start + text.length });
      joins.push({ kind: blankSince ? 'blank-line-join' : 'line-join', line: source.line });
      currentLines++;
      currentEnds = endsSentence(text);
    } else {
      current = { text, segments: [{ line: source.line, start: 0, end: text.length }] };
      paragraphs.push(current);
      currentLines = 1;
      currentEnds = endsSentence(text);
    }
    blankSince = false;
  }
  return { paragraphs, joins, hardWrapped };
}
