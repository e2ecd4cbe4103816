/** @module «پیش‌نویس‌ها»: the imports still under review, newest first, each a link back to its review (managers). */
import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getDrafts } from '../api/imports';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, EmptyState } from '../components/states';
import { formatJalaliDate } from '../lib/jalali-date';
import { formatJalaliDateTime } from '../lib/jalali-datetime';
import { countOf, toPersianDigits } from '../lib/persian-digits';

export function DraftsPage() {
  usePageTitle(() => 'پیش‌نویس‌ها');
  const drafts = createAsync(() => getDrafts());
  return (
    <section class="page" aria-labelledby="drafts-heading">
      <header class="page-header">
        <h1 id="drafts-heading">پیش‌نویس‌ها</h1>
        <p class="page-lead">
          نشست‌هایی که وارد شده‌اند و هنوز منتشر نشده‌اند. <A href="/imports/new">نشست جدید</A>
        </p>
      </header>
      <AsyncBoundary loadingLabel="در حال بارگذاری پیش‌نویس‌ها…">
        <Show when={drafts()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<EmptyState title="پیش‌نویسی در انتظار بررسی نیست." />}>
              <p class="list-summary">{countOf(list().length, 'پیش‌نویس')}</p>
              <ol class="session-list">
                <For each={list()}>
                  {(draft) => (
                    <li class="session-item">
                      <h2 class="session-item-title">
                        <A href={draft.link}>{draft.title}</A>
                      </h2>
                      <p class="muted">
                        {draft.heldOn ? formatJalaliDate(draft.heldOn) : 'بی‌تاریخ'} · وارد شده {formatJalaliDateTime(draft.createdAt)} ·{' '}
                        {toPersianDigits(draft.confirmed)} از {countOf(draft.suggestions, 'رهنمود پیشنهادی')} تأیید شده
                      </p>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}
