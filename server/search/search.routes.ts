/** @module GET /api/search: Persian full-text search, grouped by session, with highlighted paragraphs; GET /api/search/speakers: the speaker filter's list. */
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards';
import { AppError } from '../errors';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { SearchPageSchema, SearchQuerySchema, SpeakerListSchema } from './search.schemas';
import { SearchInputError, type SearchPage, type SearchService } from './search.service';
import type { EverythingSearch } from './everything/everything.service';
import { parseSearchKinds, SEARCH_KIND_LABELS } from './everything/search-kinds';

const searchRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['search'],
  summary: 'Search every published session in Persian, however it is spelt',
  request: { query: SearchQuerySchema },
  responses: { 200: jsonContent(SearchPageSchema, 'Sessions, best first, each with its best paragraphs'), 400: errorResponses[400], 401: errorResponses[401] },
});

const speakersRoute = createRoute({
  method: 'get',
  path: '/speakers',
  tags: ['search'],
  summary: 'Known speakers for the speaker filter, in Persian order, with the spellings it accepts',
  responses: { 200: jsonContent(SpeakerListSchema, 'Known speakers'), 401: errorResponses[401] },
});

/**
 * The search sub-app.
 *
 * @example
 * api.route('/search', searchRoutes(createSearchService(database)));
 */
export function searchRoutes(service: SearchService, everything?: EverythingSearch) {
  return newRouter()
    .openapi(searchRoute, async (c) => {
      const { kinds: kindsText, ...query } = c.req.valid('query');
      try {
        // Without kinds: the session page exactly as before. With: groups beside it (issue 15 item 4).
        if (kindsText === undefined || !everything) return c.json(await service.search(query), 200);
        const kinds = parseSearchKinds(kindsText);
        const empty: SearchPage = { query: query.q, total: 0, limit: query.limit, offset: query.offset, hits: [], ignored: [], phrase: false, suggestion: null };
        const [page, groups] = await Promise.all([kinds.includes('sessions') ? service.search(query) : empty, everything.search(requireUser(c), { ...query, kinds })]);
        const sessions = kinds.includes('sessions') ? [{ kind: 'sessions' as const, label: SEARCH_KIND_LABELS.sessions, total: page.total }] : [];
        return c.json({ ...page, groups: [...sessions, ...groups] }, 200);
      } catch (error) {
        if (error instanceof SearchInputError) throw new AppError(400, error.code, error.message);
        throw error;
      }
    })
    .openapi(speakersRoute, async (c) => c.json({ speakers: await service.speakers() }, 200));
}
