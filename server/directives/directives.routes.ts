/** @module HTTP routes under /api/directives/{id}: publish, assign (fan-out), roll-up and bulk changes of its actions. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../auth/guards';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import type { BulkActions } from '../actions/bulk-actions';
import type { DirectivesService } from './directives.service';
import {
  AssignBody,
  AssignResultSchema,
  BulkBody,
  BulkResultSchema,
  PublishDirectiveSchema,
  RollupSchema,
  TrackedDirectiveSchema,
} from './directives.schemas';

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const unprocessable = errorContent('Refused (code says why)');
const withdrawn = errorContent('The session is withdrawn: its directives are read-only (session_withdrawn)');

const bulkRoute = createRoute({
  method: 'post',
  path: '/{id}/actions/bulk',
  tags: ['actions'],
  summary: "Change many of a directive's actions in one step (managers): re-date, extend, cancel, re-assign, remind, verify",
  description: 'Each action changes by the same rules as alone, with its own audit entry and notification; one that cannot is listed in `skipped`.',
  request: { params: IdParam, body: jsonBody(BulkBody) },
  responses: {
    200: jsonContent(BulkResultSchema, 'What changed and what was skipped'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorContent('A version given is stale (version_conflict, details.stale lists them; nothing changed), or the session is withdrawn (session_withdrawn)'),
    422: unprocessable,
  },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags: ['directives'],
  summary: 'Publish a directive, optionally fixing its due date (managers)',
  request: {
    params: IdParam,
    body: { required: false, content: { 'application/json': { schema: PublishDirectiveSchema } } },
  },
  responses: {
    200: jsonContent(TrackedDirectiveSchema, 'The directive'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: withdrawn,
  },
});

const assignRoute = createRoute({
  method: 'post',
  path: '/{id}/assignments',
  tags: ['directives'],
  summary: 'Assign a published directive to units or groups (managers); idempotent per unit',
  request: { params: IdParam, body: jsonBody(AssignBody) },
  responses: {
    201: jsonContent(AssignResultSchema, 'Created (and existing) actions'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: withdrawn,
    422: unprocessable,
  },
});

const rollupRoute = createRoute({
  method: 'get',
  path: '/{id}/rollup',
  tags: ['directives'],
  summary: 'Per-unit status of a directive, with done / in progress / overdue counts',
  description: 'Of a withdrawn session: managers and admins only (marked, read-only); anyone else gets 404 as for a directive that never existed.',
  request: { params: IdParam },
  responses: { 200: jsonContent(RollupSchema, 'The roll-up'), 401: errorResponses[401], 404: errorResponses[404] },
});

export function directivesRoutes(service: DirectivesService, bulk: BulkActions) {
  return newRouter()
    .openapi(bulkRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      return c.json(await bulk(c.req.valid('param').id, user, c.req.valid('json')), 200);
    })
    .openapi(publishRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const body = c.req.header('content-type') ? c.req.valid('json') : {};
      return c.json(await service.publish(c.req.valid('param').id, user, body.dueOn), 200);
    })
    .openapi(assignRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      return c.json(await service.assign(c.req.valid('param').id, user, c.req.valid('json')), 201);
    })
    .openapi(rollupRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.rollup(c.req.valid('param').id, user), 200);
    });
}
