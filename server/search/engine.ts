/**
 * @module The seam between the index state and the query path: the query path ranks, suggests
 * and finds phrase candidates only through `SearchEngine` (the loaded SegmentSet today), so the
 * lunr segments can be replaced, or faked in a test, without touching parsing, snippets or routes.
 */
import type { SessionMeta } from './segment';
import type { ParsedQuery } from './query';

export interface SearchFilters {
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** Speaker name as typed (matched against the session's speakers)… */
  speaker?: string;
  /** …or, when it names a known person, every spelling of that person (content/people.yaml), normalised. */
  speakerNames?: string[];
  kind?: string;
}

export interface EngineHit {
  session: SessionMeta;
  score: number;
}

/** A term of the index that the query matched, with its weight (for paragraph scoring and highlights). */
export interface MatchedTerm {
  term: string;
  weight: number;
}

export interface EngineResult {
  hits: EngineHit[];
  /** Sessions matching in all. */
  total: number;
  /** Index terms the query expanded to, with their weights. */
  terms: MatchedTerm[];
  /** The query's words as the index holds them (a compound typed joined, in its parts), for phrases. */
  tokens: string[];
}

/** What the query path asks of the index. */
export interface SearchEngine {
  /** The sessions best matching the query (ranked), the page `offset … offset + limit`. */
  search(query: ParsedQuery, options: { limit: number; offset: number; filters?: SearchFilters }): EngineResult;
  /** «منظورتان … بود؟»: the query respelt from the index vocabulary when a word matched nothing. */
  suggest(query: ParsedQuery): string | null;
  /** Sessions that may hold every word of a phrase of common words (checked against their text by the caller). */
  phraseCandidates(words: readonly string[], filters?: SearchFilters): { sessions: SessionMeta[]; total: number };
  /** Number of live sessions. */
  size(): number;
}
