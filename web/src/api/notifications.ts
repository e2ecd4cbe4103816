/** @module In-app reminders: the list, the unread count for the header, marking read. */
import { query, revalidate } from '@solidjs/router';
import type { NotificationList } from './action-types';
import { apiRequest } from './client';
import type { NotificationGroupDto } from '../../../server/notifications/notifications.service';

/**
 * My notifications, newest first (a director: their unit's; a manager: everyone's).
 *
 * @example
 * const list = createAsync(() => getNotifications(false));
 */
export const getNotifications = query(
  (unreadOnly: boolean) => apiRequest<NotificationList>('/notifications', { query: { unread: unreadOnly ? '1' : undefined, limit: 100 } }),
  'notifications',
);

/** One row per directive and kind, as `GET /api/notifications/grouped` lists it. */
export type NotificationGroup = NotificationGroupDto;

/**
 * My notifications as one row per directive and kind (a manager's many reminders, summarised).
 *
 * @example
 * const groups = createAsync(() => getNotificationGroups());
 */
export const getNotificationGroups = query(
  async () => (await apiRequest<{ items: NotificationGroup[] }>('/notifications/grouped')).items,
  'notificationGroups',
);

/** Just the unread count (one item fetched), for the header. */
export const getUnreadCount = query(
  async () => (await apiRequest<NotificationList>('/notifications', { query: { unread: '1', limit: 1 } })).unread,
  'unreadCount',
);

export async function markNotificationRead(id: number): Promise<void> {
  await apiRequest(`/notifications/${id}/read`, { method: 'POST' });
  await revalidate([getNotifications.key, getUnreadCount.key, getNotificationGroups.key]);
}

export async function markAllNotificationsRead(): Promise<number> {
  const { count } = await apiRequest<{ count: number }>('/notifications/read-all', { method: 'POST' });
  await revalidate([getNotifications.key, getUnreadCount.key, getNotificationGroups.key]);
  return count;
}
