/** @module HTTP routes for reports: the dashboard (managers) and print-ready report data (a directive's or a unit's actions). */
import { createRoute, z } from '@hono/zod-openapi';
import { isManager } from '../actions/status-rules';
import { requireRole, requireUser } from '../auth/guards';
import type { ActionsService } from '../actions/actions.service';
import type { DirectivesService } from '../directives/directives.service';
import { BadRequestError, NotFoundError } from '../errors';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { formatJalali } from '../persian/jalali';
import type { UnitsService } from '../units/units.service';
import { buildDashboard, figures } from './dashboard';
import { DashboardSchema, PeriodQuery, PrintReportSchema } from './reports.schemas';

const dashboardRoute = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['reports'],
  summary: 'Completion and on-time rate per province, provinces × directives matrix, overdue list (managers)',
  request: { query: PeriodQuery },
  responses: { 200: jsonContent(DashboardSchema, 'The dashboard'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
});

const printRoute = createRoute({
  method: 'get',
  path: '/print',
  tags: ['reports'],
  summary: "Print-ready data for one directive's or one unit's actions (give directive= or unit=)",
  request: { query: PeriodQuery.extend({ directive: z.coerce.number().int().optional(), unit: z.string().max(100).optional() }) },
  responses: { 200: jsonContent(PrintReportSchema, 'The report'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
});

export function reportsRoutes(actions: ActionsService, directives: DirectivesService, units: UnitsService) {
  return newRouter()
    .openapi(dashboardRoute, async (c) => {
      requireRole(c, 'manager', 'admin');
      const q = c.req.valid('query');
      const [{ items, today }, catalogue] = await Promise.all([
        actions.list({ heldFrom: q.from, heldTo: q.to, series: q.series }, 1_000_000),
        units.byCodes(),
      ]);
      const provinces = [...catalogue.values()].filter((u) => u.kind === 'province');
      return c.json(
        { today, filters: { from: q.from ?? null, to: q.to ?? null, series: q.series ?? null }, ...buildDashboard(items, provinces) },
        200,
      );
    })
    .openapi(printRoute, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      if (q.directive === undefined && !q.unit) throw BadRequestError('scope_required', 'گزارش چاپی برای یک رهنمود (directive=) یا یک واحد (unit=) است.');
      let title: string;
      if (q.unit) {
        const unit = (await units.byCodes([q.unit])).get(q.unit);
        if (!unit) throw NotFoundError('واحد');
        title = `گزارش اقدام‌های ${unit.name}`;
      } else {
        if (q.directive === undefined) throw NotFoundError('رهنمود');
        // A draft or rejected directive is answered like one that does not exist (its quote is not public).
        const found = await directives.readable(q.directive, user);
        title = `گزارش پیگیری رهنمود «${found.directive.quote.slice(0, 80)}${found.directive.quote.length > 80 ? '…' : ''}»`;
      }
      const { items } = await actions.list(
        {
          directiveId: q.directive,
          unitCodes: q.unit ? [q.unit] : undefined,
          heldFrom: q.from,
          heldTo: q.to,
          series: q.series,
          // A withdrawn session's actions: managers and admins only.
          ...(isManager(user.role) ? {} : { publishedOnly: true }),
        },
        1_000_000,
      );
      const now = new Date(`${actions.today()}T12:00:00Z`);
      return c.json(
        {
          title,
          generatedAt: actions.today(),
          generatedAtJalali: formatJalali(now.toISOString().slice(0, 10)),
          scope: { directiveId: q.directive ?? null, unitCode: q.unit ?? null },
          figures: figures(items),
          actions: items,
        },
        200,
      );
    });
}
