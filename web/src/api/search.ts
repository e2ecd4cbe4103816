/** @module Full-text search of sessions, as a router query (cached per argument). */
import { query } from '@solidjs/router';
import { apiRequest } from './client';
import type { SearchPage as SessionsPage } from '../../../server/search/search.service';
import type { SearchGroup } from '../../../server/search/everything/everything.service';

export type { SessionHit } from '../../../server/search/search.service';
export type { ActionHit, DirectiveHit, FollowUpHit, SearchGroup } from '../../../server/search/everything/everything.service';

/** The session page with, beside it, one group per kind searched (sessions, directives, actions, follow-ups). */
export type SearchPage = SessionsPage & { groups?: SearchGroup[] };

/** Sessions per page of results. */
export const SEARCH_PAGE_SIZE = 10;
/** The deepest page the search serves: its offset is at most 10,000 (MAX_OFFSET, server/search/search-input.ts). */
export const DEEPEST_SEARCH_PAGE = 10_000 / SEARCH_PAGE_SIZE + 1;

export interface SearchRequest {
  q: string;
  page: number;
  from?: string;
  to?: string;
  speaker?: string;
  kind?: string;
}

/**
 * One page of search results (the last word matches as a prefix while the user types).
 *
 * @example
 * const results = createAsync(() => searchSessions({ q: 'بودجه', page: 1 }));
 */
export const searchSessions = query(
  (r: SearchRequest) =>
    apiRequest<SearchPage>('/search', {
      query: {
        q: r.q,
        limit: SEARCH_PAGE_SIZE,
        offset: (Math.max(1, r.page) - 1) * SEARCH_PAGE_SIZE,
        from: r.from || undefined,
        to: r.to || undefined,
        speaker: r.speaker || undefined,
        kind: r.kind || undefined,
        // Everything the user may see, each kind scoped by the server as reading is.
        kinds: 'all',
      },
    }),
  'searchSessions',
);

export interface KnownSpeaker {
  key: string;
  name: string;
  variants: string[];
}

/**
 * Known speakers for the speaker filter, in Persian order.
 *
 * @example
 * const speakers = createAsync(() => knownSpeakers());
 */
export const knownSpeakers = query(() => apiRequest<{ speakers: KnownSpeaker[] }>('/search/speakers', {}), 'knownSpeakers');
