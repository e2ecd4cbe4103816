/**
 * @module The search engine interface the service talks to, so the lunr segments can be
 * replaced (or faked in a test) without touching routes or the CLI.
 */
import type { IndexableSession, SessionMeta } from './segment';
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

export interface SearchEngine {
  /** Add or replace sessions (a re-ingested session replaces its old entries). */
  addSessions(sessions: IndexableSession[]): void;
  removeSessions(ids: number[]): void;
  search(query: ParsedQuery, options: { limit: number; offset: number; filters?: SearchFilters }): EngineResult;
  /** Number of live sessions. */
  size(): number;
}
