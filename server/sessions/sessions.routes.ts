/** @module HTTP routes for sessions: thin, validated, documented. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent, PaginationQuery } from '../http/schemas';
import { SessionDetailSchema, SessionListSchema } from './sessions.schemas';
import type { SessionsService } from './sessions.service';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['sessions'],
  summary: 'Sessions, newest first',
  request: { query: PaginationQuery },
  responses: { 200: jsonContent(SessionListSchema, 'A page of sessions'), 400: errorResponses[400] },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['sessions'],
  summary: 'One session with its paragraphs and published directives',
  request: { params: z.object({ slug: z.string().min(1).max(200) }) },
  responses: { 200: jsonContent(SessionDetailSchema, 'The session'), 404: errorResponses[404] },
});

export function sessionsRoutes(service: SessionsService) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const { limit, offset } = c.req.valid('query');
      return c.json(await service.list(limit, offset, c.get('user') ?? undefined), 200);
    })
    .openapi(detailRoute, async (c) => {
      const { slug } = c.req.valid('param');
      return c.json(await service.detail(slug, c.get('user') ?? undefined), 200);
    });
}
