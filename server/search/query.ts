/**
 * @module Turns what a user typed into weighted index terms: exact stems, a prefix
 * on the last word (search-as-you-type) and edit-distance-1 variants of longer
 * words (typos). Nothing in the input is query syntax: `: ^ ~ * + -` are separators.
 */
import { SUFFIX_PARTICLES, tokenizePersian } from '../persian/tokenize';
import { isStopWord } from '../persian/stopwords';
import { stemPersian, stemPersianOnce } from '../persian/stem';
import { isInterrogative } from '../persian/question-words';
import { writtenForms } from '../persian/colloquial';
import { derivedForms } from '../persian/derivation';

/** One word of the query with the ways it may match. */
export interface QueryWord {
  /** The normalised word as typed (particles joined). */
  surface: string;
  /** Its stem: the exact term. */
  stem: string;
  /** Expand by prefix (the last word, while typing). */
  prefix: boolean;
  /** Edit-distance-1 variants to look up (already stemmed), for words of 4+ letters. */
  variants: string[];
  /** Use the variants only when the word is in no session (a 4-letter word). */
  variantsOnlyIfUnknown: boolean;
  /** Index terms of its derivational relatives (آلودگی for آلوده, انقراض for منقرض), weighed below the word. */
  derived: string[];
  /** A colloquial form of a stop word (خوبه = خوب است، میشه = میشود): left out when the word itself is in no session. */
  colloquialStop: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Words dropped as stop words (to explain an empty query). */
  stopWords: string[];
  /**
   * Every word in order, stop words included (normalised, particles joined, at most
   * MAX_QUERY_TOKENS): compounds written apart, phrases and proximity are read from it.
   */
  tokens: string[];
}

/** Most words of a query kept in order for phrases and compounds. */
export const MAX_QUERY_TOKENS = 64;
/** Shortest stem a typo variant may be: a 3-letter neighbour (ماه، مال) is another word, not a typo. */
export const FUZZY_MIN_VARIANT_LETTERS = 4;

/** Letters substituted or inserted when generating typo variants. */
const ALPHABET = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئؤء'];

/** Shortest word that gets typo variants (shorter words have too many neighbours). */
export const FUZZY_MIN_LENGTH = 5;
/** A 4-letter word gets them only when it is in no session at all (then it is surely a typo). */
export const FUZZY_MIN_LENGTH_UNKNOWN = 4;
/**
 * Longest word that gets typo variants: edit distance 1 makes ~70 strings per letter, each as
 * long as the word (a 2,000-letter "word" made 140,000 strings of 2,000 letters: seconds, then a
 * stack overflow). Real Persian words, compounds included, are far shorter.
 */
export const FUZZY_MAX_LENGTH = 24;
/** Letters of a word that are analysed; a longer "word" is cut here (nothing indexed is longer). */
export const MAX_WORD_LETTERS = 64;
/** Most typo variants kept per word. */
export const MAX_VARIANTS = 2_000;

/**
 * Every string at edit distance 1 (delete, transpose, substitute, insert).
 *
 * @example
 * editDistanceOne('کتاب').has('کتب') // true
 */
export function editDistanceOne(word: string): Set<string> {
  const out = new Set<string>();
  const chars = [...word];
  const n = chars.length;
  // Every head and tail once (joining them inside the loops was most of the work), same order as ever.
  const heads: string[] = [''];
  for (let i = 0; i < n; i++) heads.push((heads[i] ?? '') + (chars[i] ?? ''));
  const tails: string[] = new Array<string>(n + 1).fill('');
  for (let i = n - 1; i >= 0; i--) tails[i] = (chars[i] ?? '') + (tails[i + 1] ?? '');
  for (let i = 0; i < n; i++) out.add((heads[i] ?? '') + (tails[i + 1] ?? ''));
  for (let i = 0; i < n - 1; i++) out.add((heads[i] ?? '') + (chars[i + 1] ?? '') + (chars[i] ?? '') + (tails[i + 2] ?? ''));
  for (let i = 0; i <= n; i++) {
    const head = heads[i] ?? '';
    const tail = tails[i] ?? '';
    const rest = tails[i + 1] ?? '';
    for (const letter of ALPHABET) {
      out.add(head + letter + tail);
      if (i < n) out.add(head + letter + rest);
    }
  }
  out.delete(word);
  return out;
}

/**
 * Typo variants of the words typed lately, by surface (the same words come again and again; making a
 * word's ≈ 350 stemmed variants is ≈ 0.3 ms, most of parsing a query). The strings are kept too, so
 * looking them up in the index does not hash them again. Least recently used go first.
 */
const VARIANT_MEMO_WORDS = 1_000;
const variantMemo = new Map<string, readonly string[]>();

function typoVariants(surface: string, stem: string): string[] {
  const known = variantMemo.get(surface);
  if (known) {
    variantMemo.delete(surface);
    variantMemo.set(surface, known);
    return known.slice();
  }
  const variants: string[] = [];
  // A loop, never push(...set): spreading an unbounded array into arguments overflows the stack.
  const kept = new Set<string>([stem]);
  for (const v of editDistanceOne(surface)) {
    if (variants.length >= MAX_VARIANTS) break;
    if (isStopWord(v)) continue;
    const variant = stemPersianOnce(v);
    if (kept.has(variant) || variant.length < FUZZY_MIN_VARIANT_LETTERS) continue;
    kept.add(variant);
    variants.push(variant);
  }
  if (variantMemo.size >= VARIANT_MEMO_WORDS) variantMemo.delete(variantMemo.keys().next().value ?? '');
  variantMemo.set(surface, variants.slice());
  return variants;
}

export interface ParseOptions {
  /** Expand the last word as a prefix (default: when the input does not end in a space). */
  prefixLast?: boolean;
  /** Generate typo variants (default true). */
  fuzzy?: boolean;
}

/** Longest query we analyse; the rest is ignored (a 10,000-character paste stays fast). */
export const MAX_QUERY_WORDS = 32;

/**
 * Parse a user's query.
 *
 * @example
 * parseQuery('كتابخانه‌های مل').words.map((w) => w.stem) // ['کتابخانه', 'مل']
 */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const { tokens } = tokenizePersian(input);
  const prefixLast = options.prefixLast ?? !/\s$/u.test(input);
  const words: QueryWord[] = [];
  const stopWords: string[] = [];
  const seen = new Set<string>();
  const ordered: string[] = [];
  // A question's interrogatives (کجا، چیست) are not in its answer: left out like stop words, unless
  // the query has nothing else (someone looking for «چیست» itself).
  const asking = tokens.some((t) => isInterrogative(t.text)) && tokens.some((t) => !isStopWord(t.text) && !isInterrogative(t.text));
  tokens.forEach((token, i) => {
    if (ordered.length < MAX_QUERY_TOKENS) ordered.push(truncateWord(token.text));
    const isLast = i === tokens.length - 1;
    if ((isStopWord(token.text) || (asking && isInterrogative(token.text))) && !(isLast && prefixLast)) {
      // An ending written apart (زرافه‌های) belongs to the word before it: nothing the person typed was left out.
      if (!(i > 0 && SUFFIX_PARTICLES.has(token.text))) stopWords.push(token.text);
      return;
    }
    if (words.length >= MAX_QUERY_WORDS) return;
    const chars = [...token.text];
    const surface = truncateWord(token.text);
    const stem = stemPersian(surface);
    const key = `${stem}|${isLast && prefixLast}`;
    if (seen.has(key)) return;
    seen.add(key);
    const letters = chars.length;
    const fuzzy = (options.fuzzy ?? true) && letters >= FUZZY_MIN_LENGTH_UNKNOWN && letters <= FUZZY_MAX_LENGTH && !/^\d+$/.test(surface);
    const variants = fuzzy ? typoVariants(surface, stem) : [];
    words.push({
      surface,
      stem,
      prefix: isLast && prefixLast,
      variants,
      variantsOnlyIfUnknown: letters < FUZZY_MIN_LENGTH,
      derived: relatedTerms(derivedForms(surface), stem),
      colloquialStop: writtenForms(surface).some((w) => isStopWord(w)),
    });
  });
  // A trailing stop word kept only as a prefix must not be the whole query.
  const last = words[words.length - 1];
  if (last && isStopWord(last.surface) && words.length === 1 && last.surface.length < 3) {
    stopWords.push(last.surface);
    words.pop();
  }
  return { words, stopWords, tokens: ordered };
}

/** The index terms of related forms, stop words and the word's own stem left out. */
function relatedTerms(forms: readonly string[], stem: string): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    if (isStopWord(form)) continue;
    const term = stemPersianOnce(form);
    if (term !== stem) out.add(term);
  }
  return [...out];
}

/** A "word" longer than MAX_WORD_LETTERS is analysed by its first letters (bounded work). */
function truncateWord(text: string): string {
  if (text.length <= MAX_WORD_LETTERS) return text;
  const chars = [...text];
  return chars.length > MAX_WORD_LETTERS ? chars.slice(0, MAX_WORD_LETTERS).join('') : text;
}

/**
 * True when the query is made of stop words only (می تواند, از این): it is searched as a phrase.
 *
 * @example
 * isStopWordPhrase(parseQuery('می تواند')) // true
 */
export function isStopWordPhrase(query: ParsedQuery): boolean {
  // One short word (از، به: the first keystrokes of a query typed as you go) is in nearly every session.
  if (query.tokens.length === 1 && [...(query.tokens[0] ?? '')].length < 3) return false;
  return query.tokens.length > 0 && query.tokens.every((t) => isStopWord(t));
}
