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

/** Managers: how many reports wait for their verification (the header's second badge; hidden when none, to keep the header one row). */
export function QueueLink() {
  const queue = createAsync(() => getVerificationQueue().catch(() => undefined));
  return (
    <Show when={(queue()?.total ?? 0) > 0}>
      <A href="/verification" class="queue-link" activeClass="is-active">
        <span class="visually-hidden">صف </span>تأیید
        <span class="unread-count">
          <span class="visually-hidden">، در انتظار: </span>
          {toPersianDigits(queue()?.total ?? 0)}
        </span>
      </A>
    </Show>
  );
}
