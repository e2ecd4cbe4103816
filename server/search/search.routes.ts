/** @module GET /api/search: Persian full-text search, grouped by session, with highlighted paragraphs; GET /api/search/speakers: the speaker filter's list. */
import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../errors';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { SearchPageSchema, SearchQuerySchema, SpeakerListSchema } from './search.schemas';
import { SearchInputError, type SearchService } from './search.service';

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
export function searchRoutes(service: SearchService) {
  return newRouter()
    .openapi(searchRoute, async (c) => {
      const query = c.req.valid('query');
      try {
        const page = await service.search({ ...query, q: query.q });
        return c.json(page, 200);
      } catch (error) {
        if (error instanceof SearchInputError) throw new AppError(400, error.code, error.message);
        throw error;
      }
    })
    .openapi(speakersRoute, async (c) => c.json({ speakers: await service.speakers() }, 200));
}
