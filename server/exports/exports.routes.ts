/**
 * @module Exports: CSV of actions (Excel-ready), and the personal ICS feed behind a secret,
 * revocable URL (the one data route that needs no cookie: the token is the credential; the token
 * itself is managed in server/users/calendar-token.*).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { isManager } from '../actions/status-rules';
import { requireUser } from '../auth/guards';
import { actionFilterOf } from '../actions/action-list-filter';
import { ActionListQuery } from '../actions/actions.schemas';
import type { ActionsService } from '../actions/actions.service';
import { NotFoundError } from '../errors';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { formatJalali } from '../persian/jalali';
import { toPersianDigits } from '../persian/numbers';
import { toCsv } from './csv';
import { CALENDAR_SCOPE_LABELS, defaultCalendarScope } from '../users/calendar-scope';
import type { CalendarTokenService } from '../users/calendar-token.service';
import { feedActions } from './calendar-feed';
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

const feedRoute = createRoute({
  method: 'get',
  path: '/{file}',
  tags: ['exports'],
  summary: "My deadlines as an ICS calendar: GET /api/calendar/<token>.ics (no cookie; the token is the credential); the link's scope, checked against my role and unit now",
  request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/).openapi({ param: { name: 'file', in: 'path' } }) }) },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function exportsRoutes(actions: ActionsService) {
  return newRouter().openapi(csvRoute, async (c) => {
    const user = requireUser(c);
    // A withdrawn session's actions: managers and admins only, as in the list.
    const filter = { ...actionFilterOf(c.req.valid('query'), actions.today()), ...(isManager(user.role) ? {} : { publishedOnly: true }) };
    const { items } = await actions.list(filter, 1_000_000);
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

/** The feed itself: the one data route that needs no cookie (the token names the reader). */
export function calendarFeedRoutes(tokens: CalendarTokenService, actions: ActionsService, publicUrl?: string) {
  return newRouter()
    .openapi(feedRoute, async (c) => {
      const owner = await tokens.owner(c.req.valid('param').file.replace(/\.ics$/, ''));
      if (!owner) throw NotFoundError('تقویم');
      const scope = owner.calendarScope ?? defaultCalendarScope(owner);
      const items = await feedActions(actions, owner, scope);
      const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
      const calendar = buildCalendar(
        `مهلت‌های نشست (${CALENDAR_SCOPE_LABELS[scope]}): ${owner.displayName}`,
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
