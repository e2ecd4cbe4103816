/**
 * @module Persian sentence splitting with offsets into the text it was given, so a
 * sentence can always be quoted verbatim (`text.slice(start, end)`).
 */

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Characters after which a sentence may end. */
const TERMINATORS = new Set(['.', '!', '?', '؟', '…']);
/** Closing marks that belong to the sentence they follow. */
const CLOSERS = new Set(['»', '"', '\u201D', ')', '\u2019', "'"]);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9\u06F0-\u06F9\u0660-\u0669]/.test(ch);
}

/**
 * Split text into sentences at . ! ? ؟ … and at line breaks, keeping offsets.
 * Decimal points (۳.۵), initials and ellipses inside a sentence («و ...») do not end it;
 * leading and trailing spaces are left out of each span.
 *
 * @example
 * splitSentences('گفت: باید اقدام کنند. جلسه تمام شد.').map((s) => s.text)
 * // ['گفت: باید اقدام کنند.', 'جلسه تمام شد.']
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    // A dot between digits is a decimal point; a run of dots («...») mid-sentence is an ellipsis.
    if (ch === '.' && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
    let end = i + 1;
    while (end < text.length && (TERMINATORS.has(text[end] ?? '') || CLOSERS.has(text[end] ?? ''))) end++;
    const run = text.slice(i, end);
    const next = text.slice(end).match(/^\s*(\S)?/u)?.[1];
    if (/^\.{2,}|^…/.test(run) && next !== undefined && /[\p{L}\p{N}]/u.test(next)) {
      i = end - 1;
      continue;
    }
    // «ج.ا.ا» and Latin initials: a dot glued to a following letter is not an end.
    if (ch === '.' && end < text.length && /[\p{L}]/u.test(text[end] ?? '')) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

/**
 * `sentences` with any longer than `max` characters cut into pieces of at most `max`, each at the
 * last space before the bound (mid-word only when a piece has no space): text without punctuation
 * (captions, a word repeated on 100,000 lines) is otherwise one sentence of any length, whose quote
 * no one can review and whose every rule and feature runs over all of it. Offsets stay into `text`.
 *
 * @example
 * boundSentences(splitSentences(captions), captions, 2_000).every((s) => s.end - s.start <= 2_000) // true
 */
export function boundSentences(sentences: readonly SentenceSpan[], text: string, max: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const sentence of sentences) {
    if (sentence.end - sentence.start <= max) {
      out.push(sentence);
      continue;
    }
    let start = sentence.start;
    while (start < sentence.end) {
      let end = Math.min(start + max, sentence.end);
      if (end < sentence.end) {
        const space = text.lastIndexOf(' ', end);
        if (space > start) end = space;
        else if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end--;
      }
      let e = end;
      while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
      if (e > start) out.push({ text: text.slice(start, e), start, end: e });
      start = end;
      while (start < sentence.end && /\s/.test(text[start] ?? '')) start++;
    }
  }
  return out;
}

/** Closing marks a sentence end may be followed by at the end of a line («…کنند.»). */
const END_CLOSERS = new Set(['»', '"', '\u201D', "'", ')', ']']);

/**
 * Does `text` end a sentence: a terminator, then only closing marks and spaces? Walks back
 * from the end, so a check on a paragraph that keeps growing stays linear (an anchored
 * regex like `/[.!?][»"]*$/` scans the whole string on each call: quadratic when text
 * arrives without punctuation, as speech captions do).
 *
 * @example
 * endsWithSentenceEnd('باید اقدام کنند.» ') // true
 * endsWithSentenceEnd('نشست:', ':') // true (':' passed as an extra terminator)
 */
export function endsWithSentenceEnd(text: string, extraTerminators = ''): boolean {
  let i = text.length - 1;
  while (i >= 0 && /\s/u.test(text[i] ?? '')) i--;
  while (i >= 0 && END_CLOSERS.has(text[i] ?? '')) i--;
  const ch = text[i] ?? '';
  return i >= 0 && (ch === '.' || ch === '!' || ch === '?' || ch === '؟' || ch === '…' || extraTerminators.includes(ch));
}
