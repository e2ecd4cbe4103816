/**
 * @module Persian tokeniser: splits normalised text into word tokens with offsets
 * into that text, and joins the particles people write attached, spaced or with a
 * ZWNJ (می شود / می‌شود / میشود, خانه ها / خانه‌ها / خانهها) into one token so every
 * spelling meets the same term.
 */
import { normalizeWithMap, type NormalizedText, type NormalizeOptions } from './normalize';

/** A word of normalised text: [start, end) are offsets into that text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Letters, marks and digits make words; everything else separates them (README: Tokens). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Verb and adjective prefixes written before the word, with or without a space. */
const PREFIX_PARTICLES = new Set(['می', 'نمی', 'بی']);

/** Plural, comparative, ezafe and clitic endings written after the word. */
const SUFFIX_PARTICLES = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'ی', 'یی', 'ای', 'ام', 'اش', 'ایم', 'اید', 'اند', 'تر', 'ترین', 'تری',
]);

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
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], start, end: start + m[0].length });
  }
  return tokens;
}

/**
 * Join spaced particles to their word so that joined, spaced and ZWNJ forms agree.
 * Only Persian words separated by spaces alone are joined (never across punctuation).
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
    // Suffix particles join the word before them (خانه ها ی → خانههای).
    for (;;) {
      const after = tokens[i + 1];
      if (!after || !SUFFIX_PARTICLES.has(after.text) || !PERSIAN_LETTER.test(current.text)) break;
      if (!onlySpaces(text, current.end, after.start)) break;
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
 * tokenizeNormalized('کتاب های مي') // tokens 'کتابهای', 'مي'
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
 * const { tokens } = tokenizePersian('خانه‌ها'); tokens[0].text // 'خانهها'
 */
export function tokenizePersian(original: string, options: NormalizeOptions = {}): TokenizedText {
  const normalized = normalizeWithMap(original, { zwnj: 'space', ...options });
  return { normalized, tokens: tokenizeNormalized(normalized.text) };
}
