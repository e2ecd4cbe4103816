/** @module HTTP routes of my calendar feed link: whether it is active (and its scope), make a new one with a scope, revoke it. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards';
import { calendarScopes } from '../db/schema';
import { newRouter } from '../http/router';
import { errorResponses, jsonBody, jsonContent } from '../http/schemas';
import { calendarFeedUrl, type CalendarTokenService } from './calendar-token.service';

const TokenSchema = z
  .object({
    active: z.boolean(),
    url: z.string().nullable().openapi({ description: 'shown only when created; keep it secret', example: '/api/calendar/abc….ics' }),
    scope: z.enum(calendarScopes).nullable().openapi({ description: "what the feed shows: my unit's actions, my approvals (managers), or all I may read; null when off" }),
  })
  .openapi('CalendarToken');

const NewTokenSchema = z
  .object({ scope: z.enum(calendarScopes).optional().openapi({ description: "omitted: managers 'all', others 'unit'" }) })
  .strict()
  .openapi('NewCalendarToken');

const tokenStatusRoute = createRoute({
  method: 'get',
  path: '/token',
  tags: ['exports'],
  summary: 'Whether my calendar feed is active (the URL itself is shown only once, when created)',
  responses: { 200: jsonContent(TokenSchema, 'Status'), 401: errorResponses[401] },
});

const tokenCreateRoute = createRoute({
  method: 'post',
  path: '/token',
  tags: ['exports'],
  summary: 'Create (or replace) my secret calendar feed URL with its scope; any earlier URL stops working',
  request: { body: { ...jsonBody(NewTokenSchema), required: false } },
  responses: { 201: jsonContent(TokenSchema, 'The new feed URL'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
});

const tokenRevokeRoute = createRoute({
  method: 'delete',
  path: '/token',
  tags: ['exports'],
  summary: 'Revoke my calendar feed URL',
  responses: { 200: jsonContent(TokenSchema, 'Revoked'), 401: errorResponses[401] },
});

export function calendarTokenRoutes(tokens: CalendarTokenService, publicUrl?: string) {
  const base = (c: { req: { url: string } }) => publicUrl ?? new URL(c.req.url).origin;
  return newRouter()
    .openapi(tokenStatusRoute, async (c) => {
      const user = requireUser(c);
      return c.json({ ...(await tokens.status(user)), url: null }, 200);
    })
    .openapi(tokenCreateRoute, async (c) => {
      const user = requireUser(c);
      const { token, scope } = await tokens.create(user, c.req.valid('json')?.scope);
      return c.json({ active: true, url: calendarFeedUrl(base(c), token), scope }, 201);
    })
    .openapi(tokenRevokeRoute, async (c) => {
      const user = requireUser(c);
      await tokens.revoke(user);
      return c.json({ active: false, url: null, scope: null }, 200);
    });
}
