/**
 * @module HTTP routes of in-app notifications: a director sees their unit's, managers everyone's (or
 * only overdue ones); marking read, each person for themselves. The reminders themselves are created
 * by the scheduler; the rules live in notifications.service.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards';
import { ActionSummarySchema } from '../actions/actions.schemas';
import { notificationKinds } from '../db/schema';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import type { NotificationsService } from './notifications.service';

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    kindLabel: z.string().openapi({ example: 'مهلت گذشته است' }),
    dueOn: z.string().openapi({ description: "ISO; '' when the action had no due date" }),
    dueOnJalali: z.string(),
    detail: z.string().nullable().openapi({ description: 'the reason (returned, cancelled) or the new due date, in Persian' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    emailedAt: z.string().nullable(),
    action: ActionSummarySchema,
  })
  .openapi('Notification');

const NotificationListSchema = z
  .object({ items: z.array(NotificationSchema), total: z.number().int(), unread: z.number().int() })
  .openapi('NotificationList');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['notifications'],
  summary: "Mine: a director's unit; managers see all (unit= to narrow, kind=overdue for the overdue ones)",
  request: {
    query: z.object({
      unread: z.enum(['1', 'true']).optional(),
      kind: z.enum(notificationKinds).optional(),
      unit: z.string().max(100).optional().openapi({ description: 'managers only' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonContent(NotificationListSchema, 'Newest first'), 401: errorResponses[401] },
});

const NotificationGroupSchema = z
  .object({
    directive: z.object({ id: z.number().int(), quote: z.string() }),
    kind: z.enum(notificationKinds),
    kindLabel: z.string(),
    units: z.number().int().openapi({ description: 'how many units the notices of this kind are about' }),
    total: z.number().int(),
    unread: z.number().int(),
    latestAt: z.string(),
    withoutReport: z.number().int().openapi({ description: "the directive's open actions whose unit has sent no report yet" }),
    summary: z.string().openapi({ example: '۱۲ استان هنوز گزارشی نفرستاده‌اند' }),
  })
  .openapi('NotificationGroup');

const groupedRoute = createRoute({
  method: 'get',
  path: '/grouped',
  tags: ['notifications'],
  summary: 'My notifications as one row per directive and kind (newest first), with how many units have not reported',
  responses: { 200: jsonContent(z.object({ items: z.array(NotificationGroupSchema) }), 'Groups'), 401: errorResponses[401] },
});

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

const readRoute = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one notification read',
  request: { params: IdParam },
  responses: {
    200: jsonContent(z.object({ id: z.number().int(), readAt: z.string() }), 'Read'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/read-all',
  tags: ['notifications'],
  summary: 'Mark all my notifications read',
  responses: { 200: jsonContent(z.object({ count: z.number().int() }), 'How many were marked'), 401: errorResponses[401] },
});

export function notificationsRoutes(notifications: NotificationsService) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      return c.json(await notifications.list(user, { unread: q.unread !== undefined, kind: q.kind, unit: q.unit, limit: q.limit, offset: q.offset }), 200);
    })
    .openapi(groupedRoute, async (c) => {
      const user = requireUser(c);
      return c.json({ items: await notifications.grouped(user) }, 200);
    })
    .openapi(readAllRoute, async (c) => {
      const user = requireUser(c);
      return c.json({ count: await notifications.readAll(user) }, 200);
    })
    .openapi(readRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      return c.json(await notifications.read(user, id), 200);
    });
}
