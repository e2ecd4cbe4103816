/** @module HTTP routes under /api/directives/{id}: publish, assign (fan-out) and roll-up. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../auth/guards';
import { ActionSummarySchema, DateInput } from '../actions/actions.schemas';
import { directiveKinds, directiveStatuses, priorities } from '../db/schema';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import type { AssignmentsService } from './assignments.service';
import { bulkOperations, bulkScopes, type BulkActions } from '../actions/bulk-actions';

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const unprocessable = errorContent('Refused (code says why)');

export const TrackedDirectiveSchema = z
  .object({
    id: z.number().int(),
    anchor: z.string(),
    quote: z.string(),
    kind: z.enum(directiveKinds),
    status: z.enum(directiveStatuses),
    dueRule: z.string().nullable(),
    dueOn: z.string().nullable(),
    dueOnJalali: z.string().nullable(),
    assigneeCode: z.string().nullable(),
    recipientCode: z.string().nullable(),
    session: z.object({ slug: z.string(), title: z.string(), heldOn: z.string().nullable(), series: z.string().nullable() }),
    link: z.string(),
  })
  .openapi('TrackedDirective');

const AssignBody = z
  .object({
    units: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(200)
      .openapi({ description: 'unit or group codes; a group fans out to its members', example: ['all-provinces'] }),
    dueOn: DateInput.optional().openapi({ description: "ISO or Jalali; default: the directive's due date" }),
    recipientCode: z.string().max(100).nullable().optional().openapi({ description: "default: the directive's recipient" }),
    priority: z.enum(priorities).optional(),
  })
  .openapi('AssignRequest');

const AssignResultSchema = z
  .object({
    directive: TrackedDirectiveSchema,
    created: z.array(ActionSummarySchema),
    existing: z.array(ActionSummarySchema).openapi({ description: 'units that already had an action for this directive (left unchanged)' }),
    createdCount: z.number().int(),
    existingCount: z.number().int(),
  })
  .openapi('AssignResult');

const CountsSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  inProgress: z.number().int(),
  awaitingVerification: z.number().int(),
  done: z.number().int(),
  blocked: z.number().int(),
  cancelled: z.number().int(),
  overdue: z.number().int(),
});

const RollupSchema = z
  .object({
    directive: TrackedDirectiveSchema,
    today: z.string(),
    counts: CountsSchema,
    units: z.array(ActionSummarySchema),
    reported: z.array(z.number().int()).openapi({ description: 'ids of the actions whose unit has posted a report' }),
  })
  .openapi('DirectiveRollup');

const BulkBody = z
  .object({
    scope: z.enum(bulkScopes).openapi({ description: "all (open ones), no_report, awaiting_verification, or selected (then 'actions')" }),
    actions: z
      .array(z.object({ id: z.number().int().min(1), version: z.number().int().min(1).optional() }))
      .max(1000)
      .optional()
      .openapi({ description: 'with scope selected; a version given is checked (409 when stale, nothing changed)' }),
    operation: z.enum(bulkOperations),
    dueOn: DateInput.optional().openapi({ description: 'redate: the new due date (ISO or Jalali)' }),
    days: z.number().int().min(1).max(365).optional().openapi({ description: 'extend: days added to each due date' }),
    reason: z.string().max(2_000).optional().openapi({ description: 'cancel: required; others: kept in the audit trail' }),
    unitCode: z.string().max(100).optional().openapi({ description: 'reassign: the new unit (one action selected)' }),
  })
  .openapi('BulkActionRequest');

const BulkResultSchema = z
  .object({
    operation: z.enum(bulkOperations),
    selected: z.number().int(),
    changed: z.array(z.number().int()),
    skipped: z.array(z.object({ id: z.number().int(), unitCode: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('BulkActionResult');

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
    409: errorContent('A version given is stale: details.stale lists them; nothing changed'),
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
    body: { required: false, content: { 'application/json': { schema: z.object({ dueOn: DateInput.optional() }).openapi('PublishRequest') } } },
  },
  responses: {
    200: jsonContent(TrackedDirectiveSchema, 'The directive'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
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
    422: unprocessable,
  },
});

const rollupRoute = createRoute({
  method: 'get',
  path: '/{id}/rollup',
  tags: ['directives'],
  summary: 'Per-unit status of a directive, with done / in progress / overdue counts',
  request: { params: IdParam },
  responses: { 200: jsonContent(RollupSchema, 'The roll-up'), 401: errorResponses[401], 404: errorResponses[404] },
});

export function assignmentsRoutes(service: AssignmentsService, bulk: BulkActions) {
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
      requireUser(c);
      return c.json(await service.rollup(c.req.valid('param').id), 200);
    });
}
