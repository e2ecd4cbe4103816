/**
 * @module A paragraph's words as highlighting reads them, analysed once and kept compact: each word
 * as a number into one vocabulary of distinct words (surface, index term, phrase key) and its span
 * in the original text. Normalising, tokenising and stemming a hit session's paragraphs was most of
 * a search request's CPU; a paragraph kept by the paragraph cache is analysed only the first time.
 */
import { termOf } from '../persian/analyze';
import { normalizeWithMap, toOriginalSpan } from '../persian/normalize';
import { tokenizeNormalized } from '../persian/tokenize';

/** Distinct words remembered (a few hundred thousand in a large corpus); past it the vocabulary starts again. */
const MAX_WORDS = 500_000;
const ids = new Map<string, number>();
let surfaces: string[] = [];
let terms: Array<string | null> = [];
let keys: string[] = [];
/** Which vocabulary the ids of a ParagraphWords point into: older ones are analysed again. */
let epoch = 0;

/** A paragraph's words: word i is `ids[i]` in the vocabulary (wordTerm, wordKey, wordSurface), at original `[spans[2i], spans[2i + 1])`. */
export interface ParagraphWords {
  epoch: number;
  ids: Int32Array;
  spans: Int32Array;
}

/** True while the vocabulary `words` was analysed against is the current one. */
export function isCurrent(words: ParagraphWords | undefined): words is ParagraphWords {
  return words !== undefined && words.epoch === epoch;
}

/** Bytes a ParagraphWords holds, in UTF-16 characters (what the paragraph cache counts). */
export function wordsChars(words: ParagraphWords): number {
  return words.ids.length * 6;
}

function startAgain(): void {
  ids.clear();
  surfaces = [];
  terms = [];
  keys = [];
  epoch++;
}

/**
 * Room for `count` more words in the shared vocabulary, starting it again first if they might not fit,
 * so that ids taken next (wordIdOf, addAnalysedWord) all belong to the epoch returned.
 */
export function reserveWords(count: number): number {
  if (surfaces.length + count > MAX_WORDS) startAgain();
  return epoch;
}

/** The shared id of a surface already in the vocabulary, or undefined. */
export const wordIdOf = (surface: string): number | undefined => ids.get(surface);

/**
 * Add a word analysed elsewhere (stored search material, material.ts) with its stored term, so it is
 * not stemmed again: the material's fingerprint says the term is what termOf gives. Call reserveWords first.
 *
 * @example
 * reserveWords(1); const id = wordIdOf('کتابها') ?? addAnalysedWord('کتابها', 'کتاب');
 */
export function addAnalysedWord(surface: string, term: string | null): number {
  const known = ids.get(surface);
  if (known !== undefined) return known;
  const id = surfaces.length;
  ids.set(surface, id);
  surfaces.push(surface);
  terms.push(term);
  keys.push(term ?? surface);
  return id;
}

/** The shared id of a surface, analysed here the first time it is seen. */
const idOf = (surface: string): number => ids.get(surface) ?? addAnalysedWord(surface, termOf(surface));

/** The normalised word as written (particles joined). */
export const wordSurface = (id: number): string => surfaces[id] ?? '';
/** Its index term, or null for a stop word. */
export const wordTerm = (id: number): string | null => terms[id] ?? null;
/** Its key for phrase matching: the index term, or the word itself for a stop word. */
export const wordPhraseKey = (id: number): string => keys[id] ?? '';

/**
 * Analyse a paragraph.
 *
 * @example
 * const words = paragraphWords('كتاب‌هاي درسی'); wordTerm(words.ids[0] ?? -1) // 'کتاب'
 */
export function paragraphWords(text: string): ParagraphWords {
  const normalized = normalizeWithMap(text, { zwnj: 'space' });
  const tokens = tokenizeNormalized(normalized.text);
  // Room for every new word first, so the vocabulary cannot start again halfway through a paragraph.
  const out: ParagraphWords = { epoch: reserveWords(tokens.length), ids: new Int32Array(tokens.length), spans: new Int32Array(tokens.length * 2) };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    out.ids[i] = idOf(token.text);
    const [start, end] = toOriginalSpan(normalized, token.start, token.end);
    out.spans[2 * i] = start;
    out.spans[2 * i + 1] = end;
  }
  return out;
}
