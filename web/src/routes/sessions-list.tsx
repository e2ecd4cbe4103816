/** @module Home page: every session, newest first, a page at a time. */
import { For, Show } from 'solid-js';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { getSessionPage, SESSIONS_PAGE_SIZE } from '../api/sessions';
import { usePageTitle } from '../components/page-title';
import { Pagination, pageCount, parsePage } from '../components/pagination';
import { SessionFacts } from '../components/session-facts';
import { AsyncBoundary, EmptyState } from '../components/states';
import { countOf } from '../lib/persian-digits';
// Managers also see withdrawn sessions here, marked (the server lists them only for managers).
import '../styles/session-correction.css';

export function SessionsList() {
  const [searchParams] = useSearchParams();
  const page = () => parsePage(searchParams.page);
  const sessions = createAsync(() => getSessionPage(page()));
  usePageTitle(() => 'نشست‌ها');

  return (
    <section class="page" aria-labelledby="sessions-heading">
      <header class="page-header">
        <h1 id="sessions-heading">نشست‌ها</h1>
        <p class="page-lead">وبینارها، نشست‌ها و اطلاعیه‌ها با رهنمودهایی که در آن‌ها داده شد؛ تازه‌ترین در بالا.</p>
      </header>
      <AsyncBoundary loadingLabel="در حال بارگذاری فهرست نشست‌ها…">
        <Show when={sessions()}>
          {(list) => (
            <Show
              when={list().items.length > 0}
              fallback={
                <EmptyState title={list().total > 0 ? 'این صفحه نشستی ندارد.' : 'هنوز نشستی ثبت نشده است.'}>
                  <Show when={list().total > 0}>
                    <p>
                      <A href="/">بازگشت به صفحه نخست فهرست</A>
                    </p>
                  </Show>
                </EmptyState>
              }
            >
              <p class="list-summary">{countOf(list().total, 'نشست')}</p>
              <ol class="session-list">
                <For each={list().items}>
                  {(session) => (
                    <li class="session-item">
                      <h2 class="session-item-title">
                        <A href={`/sessions/${encodeURIComponent(session.slug)}`}>{session.title}</A>
                        <Show when={session.status === 'withdrawn'}>
                          {' '}
                          <span class="withdrawn-mark">پس‌گرفته‌شده</span>
                        </Show>
                      </h2>
                      <SessionFacts session={session} />
                      <Show when={session.withdrawal}>{(w) => <p class="muted">دلیل پس‌گرفتن: {w().reason}</p>}</Show>
                    </li>
                  )}
                </For>
              </ol>
              <Pagination
                page={page()}
                pageCount={pageCount(list().total, SESSIONS_PAGE_SIZE)}
                hrefFor={(p) => (p === 1 ? '/' : `/?page=${p}`)}
                label="صفحه‌های فهرست نشست‌ها"
              />
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}
