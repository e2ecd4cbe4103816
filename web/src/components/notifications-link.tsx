/** @module The header's reminders link with the unread count (polite: read by screen readers as part of the link). */
import { Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getUnreadCount } from '../api/notifications';
import { getVerificationQueue } from '../api/actions';
import { toPersianDigits } from '../lib/persian-digits';

export function NotificationsLink() {
  const unread = createAsync(() => getUnreadCount().catch(() => 0));
  return (
    <A href="/notifications" class="notifications-link" activeClass="is-active">
      اعلان‌ها
      <Show when={(unread() ?? 0) > 0}>
        <span class="unread-count">
          <span class="visually-hidden">، خوانده‌نشده: </span>
          {toPersianDigits(unread() ?? 0)}
        </span>
      </Show>
    </A>
  );
}

/** Managers: the verification queue with how many wait (the header's second badge). */
export function QueueLink() {
  const queue = createAsync(() => getVerificationQueue().catch(() => undefined));
  return (
    <A href="/verification" class="notifications-link queue-link" activeClass="is-active">
      صف تأیید
      <Show when={(queue()?.total ?? 0) > 0}>
        <span class="unread-count">
          <span class="visually-hidden">، در انتظار: </span>
          {toPersianDigits(queue()?.total ?? 0)}
        </span>
      </Show>
    </A>
  );
}
