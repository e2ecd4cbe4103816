/**
 * @module Persian tokeniser: splits normalised text into word tokens with offsets
 * into that text, and joins the verb prefixes people write attached, spaced or with a
 * ZWNJ (می شود / می‌شود / میشود) into one token so every spelling meets the same term.
 */
import { normalizeWithMap, type NormalizedText, type NormalizeOptions } from './normalize';

/** A word of normalised text: [start, end) are offsets into that text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Letters and marks make words, runs of digits make numbers; everything else separates them
 * (README: Tokens). A number glued to its word is two tokens: ماده۲۷ and ماده ۲۷ meet.
 */
export const WORD_PATTERN = /\p{N}+|[\p{L}\p{M}]+/gu;

/** Verb and adjective prefixes written before the word, with or without a space. */
const PREFIX_PARTICLES = new Set(['می', 'نمی', 'بی']);

/**
 * Plural, comparative, ezafe and clitic endings when written apart from their word.
 * They are not joined back (measured: joining them cost 1.3 points of Hamshahri MAP,
 * since خانه ای → خانهای stems to خان); the stemmer strips them from joined forms and
 * they are stop words when they stand alone, so خانهها, خانه‌ها and خانه ها all give خانه.
 */
export const SUFFIX_PARTICLES: ReadonlySet<string> = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'ی', 'یی', 'ای', 'ام', 'اش', 'ایم', 'اید', 'اند', 'تر', 'ترین', 'تری',
]);

/**
 * Derivational endings that are never words alone, joined back onto the word before them when
 * written apart (مهم ترین / مهم‌ترین / مهمترین, تصدی گری / تصدیگری): the stemmer then treats every
 * spelling alike. Unlike ها/ای (above), joining these cannot glue two real words together.
 */
export const JOINED_SUFFIXES: ReadonlySet<string> = new Set(['ترین', 'تر', 'تری', 'گری', 'گرایی']);

const PERSIAN_LETTER = /^[\u0600-\u06FF]+$/u;

/** True when only spaces (what ZWNJ became) lie between two tokens. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ') return false;
  return true;
}

/**
 * Split normalised text into raw word tokens (no joining, no filtering).
 *
 * @example
 * splitWords('سلام، دنیا!') // [{ text: 'سلام', start: 0, end: 4 }, { text: 'دنیا', start: 6, end: 10 }]
 */
export function splitWords(text: string): Token[] {
  // A scan over a table of character classes instead of `text.matchAll(WORD_PATTERN)`: the same tokens,
  // ≈ 5× less CPU (it was most of analysing a hit session's paragraphs the first time, issue 15).
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = classAt(text, i);
    const width = kind >> 2;
    if ((kind & 3) === OTHER) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    while (i < n) {
      const next = classAt(text, i);
      if ((next & 3) !== (kind & 3)) break;
      i += next >> 2;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/** Character classes of WORD_PATTERN: a number (\p{N}), a letter or mark, anything else. */
const OTHER = 1;
const NUMBER = 2;
const LETTER = 3;
const IS_NUMBER = /^\p{N}$/u;
const IS_LETTER = /^[\p{L}\p{M}]$/u;
/** Class of each UTF-16 unit outside the surrogates, found by WORD_PATTERN's own classes on first sight (0: not yet). */
const unitClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  return IS_NUMBER.test(char) ? NUMBER : IS_LETTER.test(char) ? LETTER : OTHER;
}

/** The class of the code point at `i` (low 2 bits) and its width in units (times 4). */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) {
    let kind = unitClasses[unit] ?? 0;
    if (kind === 0) {
      kind = classify(text[i] ?? '');
      unitClasses[unit] = kind;
    }
    return kind | 4;
  }
  const point = text.codePointAt(i) ?? unit;
  if (point <= 0xffff) return OTHER | 4; // a lone surrogate: what WORD_PATTERN skips
  let kind = astralClasses.get(point);
  if (kind === undefined) {
    kind = classify(String.fromCodePoint(point));
    if (astralClasses.size < 10_000) astralClasses.set(point, kind);
  }
  return kind | 8;
}

/**
 * Join spaced prefix particles (می، نمی، بی) to their word, and the endings of JOINED_SUFFIXES
 * to the word before them, so that joined, spaced and ZWNJ forms agree. Only Persian words
 * separated by spaces alone are joined.
 *
 * @example
 * joinParticles('می شود', splitWords('می شود')) // [{ text: 'میشود', start: 0, end: 6 }]
 */
export function joinParticles(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    let current: Token = token;
    // A prefix particle takes the next word.
    const next = tokens[i + 1];
    if (PREFIX_PARTICLES.has(current.text) && next && PERSIAN_LETTER.test(next.text) && onlySpaces(text, current.end, next.start)) {
      current = { text: current.text + next.text, start: current.start, end: next.end };
      i++;
    }
    const after = tokens[i + 1];
    if (after && JOINED_SUFFIXES.has(after.text) && PERSIAN_LETTER.test(current.text) && onlySpaces(text, current.end, after.start)) {
      current = { text: current.text + after.text, start: current.start, end: after.end };
      i++;
    }
    out.push(current);
  }
  return out;
}

/**
 * Tokenise already-normalised text: words with particles joined.
 *
 * @example
 * tokenizeNormalized('کتاب می خواند') // tokens 'کتاب', 'میخواند'
 */
export function tokenizeNormalized(text: string): Token[] {
  return joinParticles(text, splitWords(text));
}

/** Tokens of an original string, with the normalised text they index into. */
export interface TokenizedText {
  normalized: NormalizedText;
  tokens: Token[];
}

/**
 * Normalise and tokenise; map a token back to the original with `toOriginalSpan(normalized, t.start, t.end)`.
 *
 * @example
 * const { tokens } = tokenizePersian('می‌شود'); tokens[0].text // 'میشود'
 */
export function tokenizePersian(original: string, options: NormalizeOptions = {}): TokenizedText {
  const normalized = normalizeWithMap(original, { zwnj: 'space', ...options });
  return { normalized, tokens: tokenizeNormalized(normalized.text) };
}
