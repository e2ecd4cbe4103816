/**
 * @module The only drizzle code for in-app notifications: which rows a user sees (their unit's,
 * or every unit's reminders for managers, plus what was addressed to them), and each person's reads.
 */
import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { isManager } from '../actions/status-rules';
import type { Db } from '../db/client';
import { actionItems, directives, notificationReads, notifications, type NotificationKind } from '../db/schema';
import type { AuthUser } from '../http/app-env';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationListQuery {
  unread?: boolean;
  kind?: NotificationKind;
  /** Managers only: one unit's notifications. */
  unit?: string;
  limit: number;
  offset: number;
}

export interface NotificationGroupRow {
  directiveId: number;
  quote: string;
  kind: NotificationKind;
  units: number;
  total: number;
  unread: number;
  latestAt: string;
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
export function visibleTo(user: AuthUser, unit?: string): SQL {
  const units = scope(user, unit);
  const inUnits = units ? inArray(notifications.unitCode, units.length ? units : ['']) : undefined;
  const forUnit = isManager(user.role)
    ? and(isNull(notifications.recipientUserId), eq(notifications.eventKey, ''), inUnits)
    : and(isNull(notifications.recipientUserId), inUnits);
  const mine = and(eq(notifications.recipientUserId, user.id), unit ? eq(notifications.unitCode, unit) : undefined);
  return or(forUnit, mine) ?? sql`0`;
}

export function createNotificationsRepo(db: Db) {
  /** This user's read of each notification (null when unread). */
  const myRead = (userId: number) => and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId));

  return {
    /** One page of what the user sees, newest first, with the total and the unread count. */
    async list(user: AuthUser, q: NotificationListQuery): Promise<{ rows: Array<{ n: NotificationRow; readAt: string | null }>; total: number; unread: number }> {
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
      return { rows, total: total?.n ?? 0, unread: unread?.n ?? 0 };
    },

    /** What the user sees (with `unreadOnly`: has not read), one row per directive and kind, newest first. */
    async grouped(user: AuthUser, options: { unreadOnly?: boolean } = {}): Promise<NotificationGroupRow[]> {
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
        .where(and(visibleTo(user), options.unreadOnly ? isNull(notificationReads.readAt) : undefined))
        .groupBy(directives.id, notifications.kind)
        .orderBy(desc(sql`max(${notifications.createdAt})`))
        .limit(100);
      return rows.map((r) => ({ ...r, units: Number(r.units), total: Number(r.total), unread: Number(r.unread ?? 0) }));
    },

    /** For each directive: its open actions whose unit has sent no report yet. */
    async withoutReport(directiveIds: number[]): Promise<Map<number, number>> {
      const silent = new Map<number, number>();
      if (directiveIds.length === 0) return silent;
      const counted = await db
        .select({ directiveId: actionItems.directiveId, n: count() })
        .from(actionItems)
        .where(
          and(
            inArray(actionItems.directiveId, directiveIds),
            inArray(actionItems.status, ['open', 'in_progress', 'awaiting_verification', 'blocked']),
            sql`NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.action_id = ${actionItems.id} AND f.kind IN ('progress', 'request_verification'))`,
          ),
        )
        .groupBy(actionItems.directiveId);
      for (const row of counted) silent.set(row.directiveId, row.n);
      return silent;
    },

    /** One statement: every notification this user sees and has not read yet gets this user's read. */
    async markAllRead(user: AuthUser, now: string): Promise<number> {
      const inScope = sql`AND ${visibleTo(user)}`;
      const result = await db.run(sql`
        INSERT INTO ${notificationReads} (notification_id, user_id, read_at)
        SELECT ${notifications.id}, ${user.id}, ${now} FROM ${notifications}
        WHERE NOT EXISTS (SELECT 1 FROM ${notificationReads} WHERE ${notificationReads.notificationId} = ${notifications.id} AND ${notificationReads.userId} = ${user.id}) ${inScope}`);
      return result.rowsAffected;
    },

    async exists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id)).limit(1);
      return row !== undefined;
    },

    async isVisibleTo(user: AuthUser, id: number): Promise<boolean> {
      const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), visibleTo(user))).limit(1);
      return row !== undefined;
    },

    /** Record the user's read (an earlier one stays) and return when it was read. */
    async markRead(userId: number, id: number, now: string): Promise<string | undefined> {
      await db.insert(notificationReads).values({ notificationId: id, userId, readAt: now }).onConflictDoNothing();
      const [mine] = await db
        .select({ readAt: notificationReads.readAt })
        .from(notificationReads)
        .where(and(eq(notificationReads.notificationId, id), eq(notificationReads.userId, userId)));
      return mine?.readAt;
    },
  };
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
