/** @module Reminders: due soon, due today and overdue notices for my unit's actions (a manager: everyone's), marking them read. */
import { For, Show } from 'solid-js';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { getNotificationGroups, getNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications';
import { getMe } from '../api/auth';
import { ActionsNav, isManagerRole } from '../components/actions-nav';
import { FormError } from '../components/form-error';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, EmptyState, describeError } from '../components/states';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { formatJalaliDateTime } from '../lib/jalali-datetime';
import { shortUnitName } from '../lib/unit-names';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { useWrite, writeAction } from '../lib/write-action';
import '../styles/actions.css';

/** Mark one notification read (its id), or all of them (null). */
const markReadWrite = writeAction('notifications-read', async (id: number | null) => {
  await (id === null ? markAllNotificationsRead() : markNotificationRead(id));
  return true;
});

export function NotificationsPage() {
  usePageTitle(() => 'اعلان‌ها');
  const [search, setSearch] = useSearchParams();
  const unreadOnly = () => search.unread === '1';
  const list = createAsync(() => getNotifications(unreadOnly()));
  const me = createAsync(() => getMe());
  const marking = useWrite(markReadWrite);
  return (
    <section class="page tracking-page" aria-labelledby="notifications-heading">
      <ActionsNav />
      <h1 id="notifications-heading">اعلان‌ها</h1>
      <div class="button-row">
        <div class="field-check">
          <input id="unread-only" type="checkbox" checked={unreadOnly()} onChange={(e) => setSearch({ unread: e.currentTarget.checked ? '1' : undefined })} />
          <label for="unread-only">فقط خوانده‌نشده‌ها</label>
        </div>
        <button type="button" class="button button-quiet" onClick={() => void marking.send(null)}>
          همه خوانده شد
        </button>
      </div>
      <FormError error={marking.submission.error} describe={describeError} />
      <Show when={isManagerRole(me()?.role)}>
        <NotificationGroups />
      </Show>
      <AsyncBoundary loadingLabel="در حال بارگذاری اعلان‌ها…">
        <Show when={list()}>
          {(loaded) => (
            <>
              <p class="list-summary" role="status">
                {countOf(loaded().total, 'اعلان')}، {countOf(loaded().unread, 'خوانده‌نشده')}
              </p>
              <Show when={loaded().items.length > 0} fallback={<EmptyState title="اعلانی نیست." />}>
                <ul class="notification-list">
                  <For each={loaded().items}>
                    {(n) => (
                      <li classList={{ 'notification-item': true, 'is-unread': !n.readAt }}>
                        <p class="notification-head">
                          <span class={`due-badge due-${n.kind}`}>{n.kindLabel}</span>
                          <Show when={!n.readAt}>
                            <span class="unread-dot">تازه</span>
                          </Show>
                          <span class="muted">
                            <Show when={n.dueOn}>{(dueOn) => <>مهلت {formatJalaliDate(dueOn())} · </>}</Show>
                            {formatJalaliDateTime(n.createdAt)}
                          </span>
                        </p>
                        <Show when={n.detail}>{(detail) => <p class="notification-detail">{toPersianDigits(detail())}</p>}</Show>
                        <p>
                          <A href={`/actions/${n.action.id}`}>
                            {shortUnitName(n.action.unit.name)}: «{excerpt(n.action.directive.quote, 14)}»
                          </A>
                        </p>
                        <Show when={!n.readAt}>
                          <button type="button" class="button button-quiet" onClick={() => void marking.send(n.id)}>
                            خواندم
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}

/** Managers: one row per directive and kind («مهلت گذشته است: ۳۱ واحد؛ ۱۲ واحد هنوز گزارشی نفرستاده‌اند»), before the full list. */
function NotificationGroups() {
  const groups = createAsync(() => getNotificationGroups().catch(() => []));
  return (
    <Show when={(groups() ?? []).length > 0}>
      <section class="panel notification-groups" aria-labelledby="groups-heading">
        <h2 id="groups-heading">خلاصه بر پایهٔ رهنمود</h2>
        <ul class="notification-list">
          <For each={groups()}>
            {(g) => (
              <li classList={{ 'notification-item': true, 'is-unread': g.unread > 0 }}>
                <p class="notification-head">
                  <span class={`due-badge due-${g.kind}`}>{g.kindLabel}</span>
                  <Show when={g.unread > 0}>
                    <span class="unread-dot">{toPersianDigits(g.unread)} تازه</span>
                  </Show>
                  <span class="muted">{formatJalaliDateTime(g.latestAt)}</span>
                </p>
                <p>
                  <A href={`/directives/${g.directive.id}`}>«{excerpt(g.directive.quote, 14)}»</A>
                </p>
                <p class="notification-detail">{g.summary}</p>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
