/** @module `GET /api/units`: the organisation's units and groups (for assignment forms and filters), read-only. */
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { UnitListSchema } from './units.schemas';
import type { UnitsService } from './units.service';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['units'],
  summary: 'Every unit and group, headquarters first, then provinces, outside bodies and groups (any signed-in user)',
  responses: { 200: jsonContent(UnitListSchema, 'Units'), 401: errorResponses[401] },
});

/**
 * @example
 * api.route('/units', unitsRoutes(createUnitsService(createUnitsRepo(db)))); // GET /api/units → { items: [{ code, name, kind, memberCount }] }
 */
export function unitsRoutes(units: UnitsService) {
  return newRouter().openapi(listRoute, async (c) => {
    requireUser(c);
    return c.json(await units.list(), 200);
  });
}
