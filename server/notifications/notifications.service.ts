/**
 * @module Notifications for one user: their page of notices (each with its action), the grouped
 * view (one row per directive and kind), and marking read, each person for themselves.
 */
import type { ActionsService } from '../actions/actions.service';
import type { ActionSummary } from '../actions/actions.schemas';
import type { Clock } from '../clock';
import type { NotificationKind } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { formatJalali } from '../persian/jalali';
import { toPersianDigits } from '../persian/numbers';
import { NOTIFICATION_LABELS } from './events';
import type { NotificationListQuery, NotificationsRepo } from './notifications.repo';

export interface NotificationDto {
  id: number;
  kind: NotificationKind;
  kindLabel: string;
  dueOn: string;
  dueOnJalali: string;
  detail: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
  action: ActionSummary;
}

export interface NotificationGroupDto {
  directive: { id: number; quote: string };
  kind: NotificationKind;
  kindLabel: string;
  units: number;
  total: number;
  unread: number;
  latestAt: string;
  withoutReport: number;
  summary: string;
}

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

export function createNotificationsService(repo: NotificationsRepo, actions: ActionsService, clock: Clock) {
  return {
    async list(user: AuthUser, q: NotificationListQuery): Promise<{ items: NotificationDto[]; total: number; unread: number }> {
      const { rows, total, unread } = await repo.list(user, q);
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
      return { items, total, unread };
    },

    /** One row per directive and kind, as the page shows them (the digest asks for the unread ones only). */
    async grouped(user: AuthUser, options: { unreadOnly?: boolean } = {}): Promise<NotificationGroupDto[]> {
      const rows = await repo.grouped(user, options);
      const silent = await repo.withoutReport([...new Set(rows.map((r) => r.directiveId))]);
      return rows.map((r) => {
        const withoutReport = silent.get(r.directiveId) ?? 0;
        return {
          directive: { id: r.directiveId, quote: r.quote },
          kind: r.kind,
          kindLabel: NOTIFICATION_LABELS[r.kind],
          units: r.units,
          total: r.total,
          unread: r.unread,
          latestAt: r.latestAt,
          withoutReport,
          summary: groupSummary(NOTIFICATION_LABELS[r.kind], r.units, withoutReport),
        };
      });
    },

    async readAll(user: AuthUser): Promise<number> {
      return repo.markAllRead(user, clock.now().toISOString());
    },

    async read(user: AuthUser, id: number): Promise<{ id: number; readAt: string }> {
      if (!(await repo.exists(id))) throw NotFoundError('اعلان');
      if (!(await repo.isVisibleTo(user, id))) throw ForbiddenError('این اعلان مال شما یا واحد شما نیست.');
      const now = clock.now().toISOString();
      const readAt = await repo.markRead(user.id, id, now);
      return { id, readAt: readAt ?? now };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
