/**
 * @module In-app notifications: a director sees their unit's, managers everyone's (or only
 * overdue ones); marking read, each person for themselves (notification_reads). The reminders
 * themselves are created by the scheduler.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { requireUser } from '../auth/guards';
import { ActionSummarySchema } from '../actions/actions.schemas';
import type { ActionsService } from '../actions/actions.service';
import { isManager } from '../actions/status-rules';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { actionItems, directives, notificationKinds, notificationReads, notifications } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import { formatJalali } from '../persian/jalali';
import { NOTIFICATION_LABELS } from './events';
import { toPersianDigits } from '../persian/numbers';

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

/**
 * One group's line for people: «مهلت گذشته است: ۳۰ واحد؛ ۱۲ واحد هنوز گزارشی نفرستاده‌اند».
 *
 * @example
 * groupSummary('مهلت گذشته است', 30, 12)
 */
export function groupSummary(label: string, units: number, withoutReport: number): string {
  const head = `${label}: ${toPersianDigits(units)} واحد`;
  return withoutReport > 0 ? `${head}؛ ${toPersianDigits(withoutReport)} واحد هنوز گزارشی نفرستاده‌اند` : head;
}

/** Which units' notifications this user sees; null = all. */
function scope(user: AuthUser, unit?: string): string[] | null {
  if (isManager(user.role)) return unit ? [unit] : null;
  return user.unitCode ? [user.unitCode] : [];
}

/**
 * The notifications this user sees: their unit's (reminders and what happened to its actions), or
 * for managers every unit's reminders; plus what was addressed to them by name (issue 14).
 */
function visibleTo(user: AuthUser, unit?: string): SQL {
  const units = scope(user, unit);
  const inUnits = units ? inArray(notifications.unitCode, units.length ? units : ['']) : undefined;
  const forUnit = isManager(user.role)
    ? and(isNull(notifications.recipientUserId), eq(notifications.eventKey, ''), inUnits)
    : and(isNull(notifications.recipientUserId), inUnits);
  const mine = and(eq(notifications.recipientUserId, user.id), unit ? eq(notifications.unitCode, unit) : undefined);
  return or(forUnit, mine) ?? sql`0`;
}

export function notificationsRoutes(db: Db, actions: ActionsService, clock: Clock) {
  /** This user's read of each notification (null when unread). */
  const myRead = (userId: number) => and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId));
  return newRouter()
    .openapi(listRoute, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const where: SQL[] = [visibleTo(user, q.unit)];
      if (q.kind) where.push(eq(notifications.kind, q.kind));
      const unreadWhere = [...where, isNull(notificationReads.readAt)];
      if (q.unread) where.push(isNull(notificationReads.readAt));
      const [rows, [total], [unread]] = await Promise.all([
        db
          .select({ n: notifications, readAt: notificationReads.readAt })
          .from(notifications)
          .leftJoin(notificationReads, myRead(user.id))
          .where(and(...where))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: count() }).from(notifications).leftJoin(notificationReads, myRead(user.id)).where(and(...where)),
        db.select({ n: count() }).from(notifications).leftJoin(notificationReads, myRead(user.id)).where(and(...unreadWhere)),
      ]);
      const summaries = await actions.list({ ids: [...new Set(rows.map((r) => r.n.actionId))] }, 10_000);
      const byId = new Map(summaries.items.map((a) => [a.id, a]));
      const items = rows.flatMap(({ n: r, readAt }) => {
        const action = byId.get(r.actionId);
        return action
          ? [
              {
                id: r.id,
                kind: r.kind,
                kindLabel: NOTIFICATION_LABELS[r.kind],
                dueOn: r.dueOn,
                dueOnJalali: r.dueOn ? formatJalali(r.dueOn) : '',
                detail: r.detail,
                createdAt: r.createdAt,
                readAt,
                emailedAt: r.emailedAt,
                action,
              },
            ]
          : [];
      });
      return c.json({ items, total: total?.n ?? 0, unread: unread?.n ?? 0 }, 200);
    })
    .openapi(groupedRoute, async (c) => {
      const user = requireUser(c);
      const rows = await db
        .select({
          directiveId: directives.id,
          quote: directives.quote,
          kind: notifications.kind,
          units: sql<number>`count(DISTINCT ${notifications.unitCode})`,
          total: count(),
          unread: sql<number>`sum(CASE WHEN ${notificationReads.readAt} IS NULL THEN 1 ELSE 0 END)`,
          latestAt: sql<string>`max(${notifications.createdAt})`,
        })
        .from(notifications)
        .innerJoin(actionItems, eq(actionItems.id, notifications.actionId))
        .innerJoin(directives, eq(directives.id, actionItems.directiveId))
        .leftJoin(notificationReads, myRead(user.id))
        .where(visibleTo(user))
        .groupBy(directives.id, notifications.kind)
        .orderBy(desc(sql`max(${notifications.createdAt})`))
        .limit(100);
      const ids = [...new Set(rows.map((r) => r.directiveId))];
      const silent = new Map<number, number>();
      if (ids.length > 0) {
        const counted = await db
          .select({ directiveId: actionItems.directiveId, n: count() })
          .from(actionItems)
          .where(
            and(
              inArray(actionItems.directiveId, ids),
              inArray(actionItems.status, ['open', 'in_progress', 'awaiting_verification', 'blocked']),
              sql`NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.action_id = ${actionItems.id} AND f.kind IN ('progress', 'request_verification'))`,
            ),
          )
          .groupBy(actionItems.directiveId);
        for (const row of counted) silent.set(row.directiveId, row.n);
      }
      const items = rows.map((r) => {
        const withoutReport = silent.get(r.directiveId) ?? 0;
        return {
          directive: { id: r.directiveId, quote: r.quote },
          kind: r.kind,
          kindLabel: NOTIFICATION_LABELS[r.kind],
          units: Number(r.units),
          total: Number(r.total),
          unread: Number(r.unread ?? 0),
          latestAt: r.latestAt,
          withoutReport,
          summary: groupSummary(NOTIFICATION_LABELS[r.kind], Number(r.units), withoutReport),
        };
      });
      return c.json({ items }, 200);
    })
    .openapi(readAllRoute, async (c) => {
      const user = requireUser(c);
      const now = clock.now().toISOString();
      const inScope = sql`AND ${visibleTo(user)}`;
      // One statement: every notification this user sees and has not read yet gets this user's read.
      const result = await db.run(sql`
        INSERT INTO ${notificationReads} (notification_id, user_id, read_at)
        SELECT ${notifications.id}, ${user.id}, ${now} FROM ${notifications}
        WHERE NOT EXISTS (SELECT 1 FROM ${notificationReads} WHERE ${notificationReads.notificationId} = ${notifications.id} AND ${notificationReads.userId} = ${user.id}) ${inScope}`);
      return c.json({ count: result.rowsAffected }, 200);
    })
    .openapi(readRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id)).limit(1);
      if (!row) throw NotFoundError('اعلان');
      const [visible] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), visibleTo(user))).limit(1);
      if (!visible) throw ForbiddenError('این اعلان مال شما یا واحد شما نیست.');
      await db.insert(notificationReads).values({ notificationId: id, userId: user.id, readAt: clock.now().toISOString() }).onConflictDoNothing();
      const [mine] = await db.select({ readAt: notificationReads.readAt }).from(notificationReads).where(and(eq(notificationReads.notificationId, id), eq(notificationReads.userId, user.id)));
      return c.json({ id, readAt: mine?.readAt ?? clock.now().toISOString() }, 200);
    });
}
