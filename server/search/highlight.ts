/**
 * @module Finds a hit session's best paragraphs for the query terms and cuts snippets
 * with `<mark>` around the original characters (everything else HTML-escaped).
 */
import { termOf } from '../persian/analyze';
import { normalizePersian, normalizeWithMap } from '../persian/normalize';
import type { MatchedTerm } from './engine';
import { isCurrent, paragraphWords, wordPhraseKey, wordSurface, wordTerm, type ParagraphWords } from './paragraph-words';

export interface ParagraphText {
  ordinal: number;
  text: string;
  speaker: string | null;
  /** The normalised text without spaces, if already known (see squeezeParagraph): skips normalising a paragraph no term can match. */
  squeezed?: string;
  /** Its words, once analysed: a paragraph kept by the paragraph cache is analysed the first time a term may match it. */
  words?: ParagraphWords;
}

/**
 * A paragraph's normalised text with spaces removed: a term can only match where it is a substring.
 *
 * @example
 * squeezeParagraph('كتاب‌ها') // 'کتابها'
 */
export function squeezeParagraph(text: string): string {
  return normalizePersian(text, { zwnj: 'space' }).replace(/\s+/g, '');
}

export interface ParagraphMatch {
  ordinal: number;
  speaker: string | null;
  score: number;
  /** HTML: escaped text with <mark> around matches. */
  snippet: string;
  /** [start, end) of each match in the paragraph's original text. */
  highlights: Array<[number, number]>;
}

/** Characters of context kept around the first match. */
const BEFORE = 60;
const SNIPPET_LENGTH = 240;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML.
 *
 * @example
 * escapeHtml('<b>') // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The query as written, for rewarding paragraphs that hold its words as typed and side by side. */
export interface QueryShape {
  /** Query words as typed (normalised): a paragraph holding the word itself beats one holding only its stem. */
  surfaces: ReadonlySet<string>;
  /** Adjacent query words (stop words included: they glue a phrase), as `key|key` of wordKey. */
  bigrams: ReadonlySet<string>;
}

/** A word's key for phrase matching: its index term, or the word itself for a stop word. */
function wordKey(token: string): string {
  return termOf(token) ?? token;
}

/**
 * The shape of a query's words (normalised tokens in order).
 *
 * @example
 * queryShape(['واگذاری', 'به', 'بخش']).bigrams.size // 2
 */
export function queryShape(tokens: readonly string[]): QueryShape {
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) bigrams.add(`${wordKey(tokens[i] ?? '')}|${wordKey(tokens[i + 1] ?? '')}`);
  return { surfaces: new Set(tokens), bigrams };
}

/** Most phrase rewards counted per paragraph (a list repeating the phrase is not 10× better). */
const MAX_PHRASE_REWARDS = 3;

/** Adjacent query words as first key → keys that may follow it (no string built per word of the text). */
type Follows = ReadonlyMap<string, ReadonlySet<string>>;

function followsOf(shape: QueryShape | undefined): Follows | null {
  if (!shape || shape.bigrams.size === 0) return null;
  const out = new Map<string, Set<string>>();
  for (const bigram of shape.bigrams) {
    // Keys are normalised words (letters and digits): '|' only ever separates the two.
    const bar = bigram.indexOf('|');
    const first = bigram.slice(0, bar);
    const set = out.get(first) ?? new Set<string>();
    set.add(bigram.slice(bar + 1));
    out.set(first, set);
  }
  return out;
}

/** A paragraph's match: spans (original offsets), score, side-by-side query words, terms found. */
export interface ParagraphScore {
  score: number;
  spans: Array<[number, number]>;
  phrases: number;
  found: string[];
}

/**
 * Whether any term can match: a term is a prefix of its word (the stemmer only strips suffixes;
 * particles join across spaces), so a paragraph whose normalised text, spaces removed, contains no
 * term cannot match, and most paragraphs of a hit session hold none of the terms.
 */
function mayMatch(squeezed: string, terms: ReadonlyMap<string, number>): boolean {
  for (const term of terms.keys()) if (squeezed.includes(term)) return true;
  return false;
}

/** Match spans (original offsets) and a score of one paragraph. */
export function matchParagraph(text: string, terms: ReadonlyMap<string, number>, shape?: QueryShape, squeezedText?: string): ParagraphScore {
  if (!mayMatch(squeezedText ?? squeezeParagraph(text), terms)) return { score: 0, spans: [], phrases: 0, found: [] };
  return scoreWords(paragraphWords(text), terms, shape, followsOf(shape));
}

/** A paragraph's score from its analysed words (the same chain as analyzePersian: normalise, tokenise, stem). */
function scoreWords(words: ParagraphWords, terms: ReadonlyMap<string, number>, shape: QueryShape | undefined, follows: Follows | null): ParagraphScore {
  const spans: Array<[number, number]> = [];
  const counts = new Map<string, number>();
  const asTyped = new Set<string>();
  let phrases = 0;
  let previous = '';
  const { ids, spans: at } = words;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? -1;
    const term = wordTerm(id);
    if (follows) {
      const key = wordPhraseKey(id);
      if (previous && follows.get(previous)?.has(key)) phrases++;
      previous = key;
    }
    if (term === null || !terms.has(term)) continue;
    spans.push([at[2 * i] ?? 0, at[2 * i + 1] ?? 0]);
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (shape?.surfaces.has(wordSurface(id))) asTyped.add(term);
  }
  let score = 0;
  let heaviest = 0;
  // Distinct terms count most; repeats add a little (1 + log tf); a word as typed and words side by side more.
  for (const [term, tf] of counts) {
    const weight = terms.get(term) ?? 0;
    heaviest = Math.max(heaviest, weight);
    score += weight * (1 + Math.log(tf) + (asTyped.has(term) ? 0.5 : 0));
  }
  score += heaviest * Math.min(phrases, MAX_PHRASE_REWARDS);
  return { score, spans, phrases, found: [...counts.keys()] };
}

/** Move a cut point to the nearest space so words are not split. */
function snapToSpace(text: string, at: number, direction: -1 | 1): number {
  let i = at;
  for (let steps = 0; steps < 20 && i > 0 && i < text.length; steps++, i += direction) {
    if (/\s/.test(text[i] ?? '')) return direction === 1 ? i : i + 1;
  }
  return at;
}

/**
 * HTML snippet of `text` around its first highlight, with marks.
 *
 * @example
 * snippetHtml('سلام <دنیا>', [[0, 4]]) // '<mark>سلام</mark> &lt;دنیا&gt;'
 */
export function snippetHtml(text: string, spans: Array<[number, number]>, length = SNIPPET_LENGTH): string {
  let start = 0;
  let end = text.length;
  if (text.length > length) {
    const first = spans[0]?.[0] ?? 0;
    start = Math.max(0, first - BEFORE);
    if (start > 0) start = snapToSpace(text, start, 1);
    end = Math.min(text.length, start + length);
    if (end < text.length) end = snapToSpace(text, end, -1) - 1;
    if (end <= start) end = Math.min(text.length, start + length);
  }
  let html = start > 0 ? '… ' : '';
  let at = start;
  for (const [s, e] of spans) {
    if (e <= at || s >= end) continue;
    const from = Math.max(s, at);
    const to = Math.min(e, end);
    html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
    at = to;
  }
  html += escapeHtml(text.slice(at, end));
  if (end < text.length) html += ' …';
  return html;
}

/**
 * Best `max` paragraphs of a session for the matched terms, best first; when no paragraph
 * matches (the hit was in the title) the first paragraph, unmarked.
 *
 * @example
 * bestParagraphs([{ ordinal: 0, text: 'بودجه ۱۴۰۰', speaker: null }], [{ term: 'بودجه', weight: 1 }])
 */
export function bestParagraphs(paragraphs: ParagraphText[], terms: MatchedTerm[], max = 3, queryTokens: readonly string[] = []): ParagraphMatch[] {
  return matchSession(paragraphs, terms, max, queryTokens).paragraphs;
}

/**
 * A hit session's best paragraphs (as bestParagraphs) and how many times query words stand
 * side by side in it (phrase glue included), which ranks the page's hits.
 *
 * @example
 * matchSession(paragraphs, terms, 3, ['واگذاری', 'به', 'بخش']).phrases
 */
export function matchSession(
  paragraphs: ParagraphText[],
  terms: MatchedTerm[],
  max = 3,
  queryTokens: readonly string[] = [],
): { paragraphs: ParagraphMatch[]; phrases: number; found: Set<string> } {
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const shape = queryShape(queryTokens);
  const follows = followsOf(shape);
  const scored: Array<{ p: ParagraphText; score: number; spans: Array<[number, number]> }> = [];
  let phraseCount = 0;
  const foundTerms = new Set<string>();
  for (const p of paragraphs) {
    if (!mayMatch(p.squeezed ?? squeezeParagraph(p.text), weights)) continue;
    // Analysed once and kept on the paragraph (the paragraph cache owns it and counts it).
    const words = isCurrent(p.words) ? p.words : (p.words = paragraphWords(p.text));
    const { score, spans, phrases, found } = scoreWords(words, weights, shape, follows);
    phraseCount += phrases;
    for (const t of found) foundTerms.add(t);
    if (score > 0) scored.push({ p, score, spans });
  }
  scored.sort((a, b) => b.score - a.score || a.p.ordinal - b.p.ordinal);
  if (scored.length === 0 && paragraphs[0]) {
    const p = paragraphs[0];
    return { paragraphs: [{ ordinal: p.ordinal, speaker: p.speaker, score: 0, snippet: snippetHtml(p.text, []), highlights: [] }], phrases: phraseCount, found: foundTerms };
  }
  // Snippets only for the paragraphs shown.
  const shown = scored.slice(0, max).map(({ p, score, spans }) => ({ ordinal: p.ordinal, speaker: p.speaker, score, snippet: snippetHtml(p.text, spans), highlights: spans }));
  return { paragraphs: shown, phrases: phraseCount, found: foundTerms };
}

/**
 * Where the words of `phrase` (normalised tokens, particles joined) stand one after another in
 * `text`: original-offset spans of each occurrence.
 *
 * @example
 * phraseSpans('او مي‌تواند برود', ['میتواند']) // [[3, 11]]
 */
export function phraseSpans(text: string, phrase: readonly string[]): Array<[number, number]> {
  return phraseSpansOf({ ordinal: 0, text, speaker: null }, phrase);
}

/** phraseSpans of a paragraph, from its analysed words (analysed now and kept if not yet). */
function phraseSpansOf(p: ParagraphText, phrase: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (phrase.length === 0) return spans;
  // Cheap rejection first, as in matchParagraph: the phrase's letters must appear in order.
  if (!(p.squeezed ?? squeezeParagraph(p.text)).includes(phrase.join(''))) return spans;
  const words = isCurrent(p.words) ? p.words : (p.words = paragraphWords(p.text));
  const { ids, spans: at } = words;
  for (let i = 0; i + phrase.length <= ids.length; i++) {
    let all = true;
    for (let j = 0; j < phrase.length; j++) {
      if (wordSurface(ids[i + j] ?? -1) !== phrase[j]) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    const last = i + phrase.length - 1;
    spans.push([at[2 * i] ?? 0, at[2 * last + 1] ?? 0]);
    i = last;
  }
  return spans;
}

/**
 * The paragraphs of a session that hold a phrase, most occurrences first, and the count over
 * all its paragraphs (the session's phrase score).
 *
 * @example
 * phraseParagraphs(paragraphs, ['میتواند'], 3).count
 */
export function phraseParagraphs(paragraphs: ParagraphText[], phrase: readonly string[], max = 3): { count: number; paragraphs: ParagraphMatch[] } {
  const found: ParagraphMatch[] = [];
  let count = 0;
  for (const p of paragraphs) {
    const spans = phraseSpansOf(p, phrase);
    if (spans.length === 0) continue;
    count += spans.length;
    found.push({ ordinal: p.ordinal, speaker: p.speaker, score: spans.length, snippet: snippetHtml(p.text, spans), highlights: spans });
  }
  found.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  return { count, paragraphs: found.slice(0, max) };
}
