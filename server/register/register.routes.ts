/**
 * @module HTTP routes of the directive register under /api/directives: the list, its CSV, the per
 * speaker / per series summaries, and a directive's related directives in other sessions.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards';
import { toCsv } from '../exports/csv';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { registerCsvRows, REGISTER_CSV_HEADER } from './register-csv';
import { RegisterListQuery, RegisterPageSchema, RelatedSchema, SummaryPageSchema, SummaryQuery } from './register.schemas';
import type { RegisterService } from './register.service';


const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['directives'],
  summary: 'The directive register: published directives with their session, deadline and per-unit progress; filtered, sorted, paged',
  request: { query: RegisterListQuery },
  responses: { 200: jsonContent(RegisterPageSchema, 'A page of directives'), 400: errorResponses[400], 401: errorResponses[401] },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/export.csv',
  tags: ['directives'],
  summary: 'The register as CSV (UTF-8 with BOM, CRLF, Persian headers, Jalali and ISO dates); same filters and sort as GET /api/directives',
  request: { query: RegisterListQuery.omit({ limit: true, offset: true }) },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errorResponses[400], 401: errorResponses[401] },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/summaries',
  tags: ['directives'],
  summary: 'Per speaker or per series: directives given, assigned, done on time, done late, still open (same filters as the register)',
  request: { query: SummaryQuery },
  responses: { 200: jsonContent(SummaryPageSchema, 'One row per speaker or series'), 400: errorResponses[400], 401: errorResponses[401] },
});

const relatedRoute = createRoute({
  method: 'get',
  path: '/{id}/related',
  tags: ['directives'],
  summary: 'Directives of other sessions that say nearly the same thing (Persian search over directive text), with their outcome',
  request: { params: z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 5 }) }) },
  responses: { 200: jsonContent(RelatedSchema, 'Closest first'), 401: errorResponses[401], 404: errorResponses[404] },
});

export function registerRoutes(service: RegisterService) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      requireUser(c);
      return c.json(await service.list(c.req.valid('query')), 200);
    })
    .openapi(csvRoute, async (c) => {
      requireUser(c);
      const { items } = await service.all({ ...c.req.valid('query'), limit: 100, offset: 0 });
      const origin = new URL(c.req.url).origin;
      return c.body(toCsv(REGISTER_CSV_HEADER, registerCsvRows(items, origin)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="neshast-directives-${service.today()}.csv"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    })
    .openapi(summaryRoute, async (c) => {
      requireUser(c);
      return c.json(await service.summaries(c.req.valid('query')), 200);
    })
    .openapi(relatedRoute, async (c) => {
      requireUser(c);
      return c.json(await service.related(c.req.valid('param').id), 200);
    });
}
