/**
 * @module What a search may ask, checked in one place: the limits (the HTTP schema states the same
 * numbers), the query parsed, the filters read, and errors a user can fix with a stable code and a
 * Persian message. Pure: no index, no database.
 */
import type { SearchFilters } from './engine';
import { recordDateProblem } from '../dates/plausible-dates';
import { parseFilterDate } from './filters';
import { parseQuery, type ParsedQuery } from './query';

export interface SearchParams {
  q: string;
  limit?: number;
  offset?: number;
  /** ISO or Jalali date, inclusive. */
  from?: string;
  to?: string;
  speaker?: string;
  kind?: string;
  /** Expand the last word as a prefix (search-as-you-type). Default: unless the query ends with a space. */
  prefix?: boolean;
  /** Paragraphs per session (default 3). */
  paragraphs?: number;
}

/**
 * Characters of a query: long enough for a pasted paragraph; a 2,000-letter single word is answered
 * fast (tests/api/search-long-words.test.ts), and its typo variants are what grows with length.
 */
export const MAX_QUERY_LENGTH = 2_000;
/** Hits per page: 100 so `npm run search -- --limit 100` serves MAP@100 evaluations; the web asks 10. */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 10;
/** Deepest page start: ranking keeps offset + limit sessions. */
export const MAX_OFFSET = 10_000;
export const DEFAULT_PARAGRAPHS = 3;

/** Errors a user can fix, with a stable code and a Persian message. */
export class SearchInputError extends Error {
  constructor(
    readonly code: 'query_empty' | 'query_too_long' | 'invalid_date' | 'date_out_of_range' | 'invalid_range',
    message: string,
  ) {
    super(message);
    this.name = 'SearchInputError';
  }
}

/** A search ready to run: the parsed query, its filters and the page asked for. */
export interface SearchInput {
  /** The query as typed (echoed in the page). */
  raw: string;
  query: ParsedQuery;
  filters: SearchFilters;
  limit: number;
  offset: number;
  perSession: number;
}

/**
 * The date range of a search as ISO dates (typed ISO or Jalali, in any digits); the session search
 * and the search of everything both read it. Throws SearchInputError for a date or range to fix.
 */
export function dateRangeOf(params: { from?: string; to?: string }): SearchFilters {
  const filters: SearchFilters = {};
  for (const key of ['from', 'to'] as const) {
    const raw = params[key];
    if (!raw) continue;
    const iso = parseFilterDate(raw);
    if (!iso) throw new SearchInputError('invalid_date', `تاریخ «${raw}» معتبر نیست؛ آن را به شکل ۱۳۹۹-۱۱-۰۱ یا 2021-01-20 بنویسید.`);
    const problem = recordDateProblem(iso, key === 'from' ? 'آغاز بازه' : 'پایان بازه');
    if (problem) throw new SearchInputError('date_out_of_range', problem);
    filters[key] = iso;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new SearchInputError('invalid_range', 'تاریخ آغاز بازه پس از تاریخ پایان آن است.');
  }
  return filters;
}

function filtersOf(params: SearchParams): SearchFilters {
  const filters = dateRangeOf(params);
  if (params.speaker?.trim()) filters.speaker = params.speaker.trim();
  if (params.kind?.trim()) filters.kind = params.kind.trim();
  return filters;
}

/**
 * Check and read a search; throws SearchInputError for what the user must fix. A page size or
 * start out of range (only callers other than HTTP can send one) is brought within the limits.
 *
 * @example
 * readSearchInput({ q: 'بودجه ۱۴۰۰', from: '1399-11-01' }).filters.from // '2021-01-20'
 */
export function readSearchInput(params: SearchParams): SearchInput {
  const raw = params.q ?? '';
  // Before parsing: the length is what bounds the work of everything after.
  if (raw.length > MAX_QUERY_LENGTH) {
    throw new SearchInputError('query_too_long', `عبارت جست‌وجو بیش از ${MAX_QUERY_LENGTH.toLocaleString('fa-IR')} نویسه است؛ آن را کوتاه‌تر کنید.`);
  }
  const query = parseQuery(raw, params.prefix === undefined ? {} : { prefixLast: params.prefix });
  if (query.words.length === 0 && query.stopWords.length === 0) {
    throw new SearchInputError('query_empty', 'عبارتی برای جست‌وجو وارد کنید (حروف یا عدد).');
  }
  const filters = filtersOf(params);
  const limit = Math.min(Math.max(params.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = Math.min(Math.max(params.offset ?? 0, 0), MAX_OFFSET);
  return { raw, query, filters, limit, offset, perSession: params.paragraphs ?? DEFAULT_PARAGRAPHS };
}
