/**
 * @module Finds a hit session's best paragraphs for the query terms and cuts snippets
 * with `<mark>` around the original characters (everything else HTML-escaped).
 */
import { termOf } from '../persian/analyze';
import { normalizeWithMap, toOriginalSpan } from '../persian/normalize';
import { tokenizeNormalized } from '../persian/tokenize';
import type { MatchedTerm } from './engine';

export interface ParagraphText {
  ordinal: number;
  text: string;
  speaker: string | null;
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

/** Match spans (original offsets) and a score of one paragraph. */
export function matchParagraph(text: string, terms: ReadonlyMap<string, number>): { score: number; spans: Array<[number, number]> } {
  // The same chain as analyzePersian, but most paragraphs of a hit session hold none of the terms:
  // a term is a prefix of its word (the stemmer only strips suffixes; particles join across spaces),
  // so a paragraph whose normalised text, spaces removed, contains no term cannot match. Tokenising
  // and stemming every paragraph was most of the cost of a search request under load.
  const normalized = normalizeWithMap(text, { zwnj: 'space' });
  const squeezed = normalized.text.replace(/\s+/g, '');
  let possible = false;
  for (const term of terms.keys()) {
    if (squeezed.includes(term)) {
      possible = true;
      break;
    }
  }
  const spans: Array<[number, number]> = [];
  if (!possible) return { score: 0, spans };
  const counts = new Map<string, number>();
  for (const token of tokenizeNormalized(normalized.text)) {
    const term = termOf(token.text);
    if (term === null || !terms.has(term)) continue;
    spans.push(toOriginalSpan(normalized, token.start, token.end));
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  let score = 0;
  // Distinct terms count most; repeats add a little (1 + log tf).
  for (const [term, tf] of counts) score += (terms.get(term) ?? 0) * (1 + Math.log(tf));
  return { score, spans };
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
export function bestParagraphs(paragraphs: ParagraphText[], terms: MatchedTerm[], max = 3): ParagraphMatch[] {
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const scored: ParagraphMatch[] = [];
  for (const p of paragraphs) {
    const { score, spans } = matchParagraph(p.text, weights);
    if (score <= 0) continue;
    scored.push({ ordinal: p.ordinal, speaker: p.speaker, score, snippet: snippetHtml(p.text, spans), highlights: spans });
  }
  scored.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  if (scored.length === 0 && paragraphs[0]) {
    const p = paragraphs[0];
    return [{ ordinal: p.ordinal, speaker: p.speaker, score: 0, snippet: snippetHtml(p.text, []), highlights: [] }];
  }
  return scored.slice(0, max);
}
