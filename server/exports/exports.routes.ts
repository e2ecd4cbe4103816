/**
 * @module Exports: CSV of actions (Excel-ready), and the personal ICS feed behind a secret,
 * revocable URL (the one data route that needs no cookie: the token is the credential).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { requireUser } from '../auth/guards';
import { actionFilterOf } from '../actions/action-list-filter';
import { ActionListQuery } from '../actions/actions.schemas';
import type { ActionsService } from '../actions/actions.service';
import { OPEN_STATUSES } from '../actions/status-rules';
import { actionUnitScope } from '../actions/read-scope';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { NotFoundError } from '../errors';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { formatJalali } from '../persian/jalali';
import { toPersianDigits } from '../persian/numbers';
import { toCsv } from './csv';
import { buildCalendar } from './ics';

const PRIORITY_LABELS = { low: 'کم', normal: 'عادی', high: 'زیاد', urgent: 'فوری' } as const;
const DUE_LABELS = { none: 'بدون مهلت', on_track: 'در مهلت', due_soon: 'نزدیک مهلت', due_today: 'مهلت امروز', overdue: 'گذشته از مهلت', closed: 'بسته' } as const;

export const CSV_HEADER = [
  'شناسه',
  'رهنمود',
  'نشست',
  'تاریخ نشست (شمسی)',
  'تاریخ نشست (میلادی)',
  'واحد مسئول',
  'کد واحد',
  'گیرنده',
  'وضعیت',
  'پیشرفت (درصد)',
  'اولویت',
  'مهلت (شمسی)',
  'مهلت (میلادی)',
  'وضعیت مهلت',
  'تاریخ بستن (شمسی)',
  'تاریخ بستن (میلادی)',
  'پیوند',
];

const csvRoute = createRoute({
  method: 'get',
  path: '/actions.csv',
  tags: ['exports'],
  summary: 'Actions as CSV (UTF-8 with BOM, CRLF, Persian headers, Jalali and ISO dates); same filters as GET /api/actions',
  request: { query: ActionListQuery.omit({ limit: true, offset: true }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

const TokenSchema = z
  .object({
    active: z.boolean(),
    url: z.string().nullable().openapi({ description: 'shown only when created; keep it secret', example: '/api/calendar/abc….ics' }),
  })
  .openapi('CalendarToken');

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
  summary: 'Create (or replace) my secret calendar feed URL; any earlier URL stops working',
  responses: { 201: jsonContent(TokenSchema, 'The new feed URL'), 401: errorResponses[401] },
});

const tokenRevokeRoute = createRoute({
  method: 'delete',
  path: '/token',
  tags: ['exports'],
  summary: 'Revoke my calendar feed URL',
  responses: { 200: jsonContent(TokenSchema, 'Revoked'), 401: errorResponses[401] },
});

const feedRoute = createRoute({
  method: 'get',
  path: '/{file}',
  tags: ['exports'],
  summary: 'My deadlines as an ICS calendar: GET /api/calendar/<token>.ics (no cookie; the token is the credential)',
  request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/).openapi({ param: { name: 'file', in: 'path' } }) }) },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

/** Tokens are stored hashed: a copy of the database does not open anyone's feed. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function exportsRoutes(actions: ActionsService) {
  return newRouter().openapi(csvRoute, async (c) => {
    requireUser(c);
    const { items } = await actions.list(actionFilterOf(c.req.valid('query'), actions.today()), 1_000_000);
    const origin = new URL(c.req.url).origin;
    const csv = toCsv(
      CSV_HEADER,
      items.map((a) => [
        a.id,
        a.directive.quote,
        a.session.title,
        a.session.heldOn ? formatJalali(a.session.heldOn) : '',
        a.session.heldOn,
        a.unit.name,
        a.unit.code,
        a.recipient?.name ?? '',
        a.statusLabel,
        a.progress,
        PRIORITY_LABELS[a.priority],
        a.dueOnJalali,
        a.dueOn,
        DUE_LABELS[a.dueState],
        a.closedAt ? formatJalali(a.closedAt.slice(0, 10)) : '',
        a.closedAt ? a.closedAt.slice(0, 10) : '',
        `${origin}/actions/${a.id}`,
      ]),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="neshast-actions-${actions.today()}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
}

export function calendarRoutes(db: Db, actions: ActionsService, publicUrl?: string) {
  const feedUrl = (c: { req: { url: string } }, token: string) => `${(publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '')}/api/calendar/${token}.ics`;
  return newRouter()
    .openapi(tokenStatusRoute, async (c) => {
      const user = requireUser(c);
      const [row] = await db.select({ token: users.calendarToken }).from(users).where(eq(users.id, user.id)).limit(1);
      return c.json({ active: Boolean(row?.token), url: null }, 200);
    })
    .openapi(tokenCreateRoute, async (c) => {
      const user = requireUser(c);
      const token = randomBytes(24).toString('base64url');
      await db.update(users).set({ calendarToken: tokenHash(token) }).where(eq(users.id, user.id));
      return c.json({ active: true, url: feedUrl(c, token) }, 201);
    })
    .openapi(tokenRevokeRoute, async (c) => {
      const user = requireUser(c);
      await db.update(users).set({ calendarToken: null }).where(eq(users.id, user.id));
      return c.json({ active: false, url: null }, 200);
    })
    .openapi(feedRoute, async (c) => {
      const token = c.req.valid('param').file.replace(/\.ics$/, '');
      const [owner] = await db.select().from(users).where(eq(users.calendarToken, tokenHash(token))).limit(1);
      if (!owner || owner.disabled) throw NotFoundError('تقویم');
      const scope = actionUnitScope(owner) ?? undefined;
      const { items } = await actions.list({ unitCodes: scope, statuses: [...OPEN_STATUSES] }, 1_000_000);
      const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
      const calendar = buildCalendar(
        `مهلت‌های نشست: ${owner.displayName}`,
        items
          .filter((a) => a.dueOn !== null)
          .map((a) => ({
            uid: `action-${a.id}@neshast`,
            date: a.dueOn ?? '',
            summary: `مهلت: ${a.unit.name}: ${a.directive.quote.slice(0, 60)}${a.directive.quote.length > 60 ? '…' : ''}`,
            description: [
              `«${a.directive.quote}»`,
              `نشست: ${a.session.title}`,
              // Read by people in their calendar: Persian digits, the date as they write it.
              `وضعیت: ${a.statusLabel} (${toPersianDigits(a.progress)}٪)`,
              `مهلت: ${toPersianDigits((a.dueOnJalali ?? '').replaceAll('-', '/'))}`,
              `${base}/actions/${a.id}`,
            ].join('\n'),
            url: `${base}/actions/${a.id}`,
            stamp: a.updatedAt,
          })),
      );
      return c.body(calendar, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="neshast.ics"',
        'Cache-Control': 'private, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      });
    });
}
