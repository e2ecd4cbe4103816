/**
 * @module "اقدام‌های من": a director's own unit's actions (overdue first, then by due date) with
 * unread reminders; a manager's every action with filters in the URL, paging and a CSV of the same filters.
 */
import { For, Show } from 'solid-js';
import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import type { ActionList } from '../api/action-types';
import { actionFilters, actionsCsvUrl, ACTIONS_PAGE_SIZE, getActions, getMyActions, type ActionFilters } from '../api/actions';
import { getMe } from '../api/auth';
import { getNotifications } from '../api/notifications';
import { getUnits } from '../api/reports';
import { ActionCard } from '../components/action-card';
import { ActionsNav, isManagerRole } from '../components/actions-nav';
import { UnitPicker } from '../components/unit-picker';
import { usePageTitle } from '../components/page-title';
import { Pagination, pageCount, parsePage } from '../components/pagination';
import { AsyncBoundary, EmptyState } from '../components/states';
import { STATUS_LABELS } from '../lib/action-labels';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import '../styles/actions.css';

export function ActionsList() {
  const me = createAsync(() => getMe());
  const manager = () => isManagerRole(me()?.role);
  usePageTitle(() => (manager() ? 'اقدام‌ها' : 'اقدام‌های من'));
  return (
    <section class="page tracking-page" aria-labelledby="actions-heading">
      <ActionsNav />
      <h1 id="actions-heading">{manager() ? 'اقدام‌ها' : 'اقدام‌های من'}</h1>
      <AsyncBoundary loadingLabel="در حال بارگذاری اقدام‌ها…">
        <Show when={me()}>{(user) => (isManagerRole(user().role) ? <ManagerActions /> : <MyActions />)}</Show>
      </AsyncBoundary>
    </section>
  );
}

function Summary(props: { list: ActionList }) {
  // Counted over the whole list by the server, not over the page shown.
  const overdue = () => props.list.dueCounts.overdue;
  const soon = () => props.list.dueCounts.dueSoon;
  return (
    <p class="list-summary" role="status">
      {countOf(props.list.total, 'اقدام')}
      <Show when={overdue() > 0}>
        <span class="due-badge due-overdue">{countOf(overdue(), 'گذشته از مهلت')}</span>
      </Show>
      <Show when={soon() > 0}>
        <span class="due-badge due-due_soon">{countOf(soon(), 'نزدیک مهلت')}</span>
      </Show>
    </p>
  );
}

function MyActions() {
  const mine = createAsync(() => getMyActions());
  const unread = createAsync(() => getNotifications(true));
  return (
    <>
      <p class="page-lead">اقدام‌هایی که به واحد شما واگذار شده است؛ اقدام‌های گذشته از مهلت نخست و سپس به ترتیب مهلت.</p>
      <Show when={unread()?.items.length ? unread() : undefined}>
        {(list) => (
          <section class="reminder-strip" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">یادآوری‌های تازه ({toPersianDigits(list().unread)})</h2>
            <ul>
              <For each={list().items.slice(0, 5)}>
                {(n) => (
                  <li>
                    <span class={`due-badge due-${n.kind}`}>{n.kindLabel}</span>{' '}
                    <A href={`/actions/${n.action.id}`}>{n.action.directive.quote.slice(0, 80)}…</A>
                  </li>
                )}
              </For>
            </ul>
            <A href="/notifications">همهٔ اعلان‌ها</A>
          </section>
        )}
      </Show>
      <Show when={mine()}>
        {(list) => (
          <>
            <Summary list={list()} />
            <Show when={list().items.length > 0} fallback={<EmptyState title="اقدامی به واحد شما واگذار نشده است." />}>
              <ol class="action-list">
                <For each={list().items}>{(action) => <ActionCard action={action} />}</For>
              </ol>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

const STATUS_FILTERS: Array<{ value: string; label: string }> = [
  { value: '', label: 'همه' },
  { value: 'open,in_progress,awaiting_verification,blocked', label: 'باز (همهٔ وضعیت‌های باز)' },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

function ManagerActions() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const filters = () => actionFilters(search);
  const page = () => parsePage(search.page);
  const list = createAsync(() => getActions(filters(), page()));
  const units = createAsync(() => getUnits());

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const next: Record<string, string | undefined> = { page: undefined };
    for (const key of ['unit', 'status', 'from', 'to', 'series'] as const) next[key] = String(form.get(key) ?? '').trim() || undefined;
    next.overdue = form.get('overdue') ? '1' : undefined;
    setSearch(next);
  };
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...filters(), page: String(p) }));
    return `/actions?${params.toString()}`;
  };
  const current = (): ActionFilters => filters();

  return (
    <>
      <form class="filter-form" onSubmit={apply} aria-label="پالایش اقدام‌ها">
        <UnitPicker
          id="filter-unit"
          name="unit"
          label="واحد"
          emptyLabel="همهٔ واحدها"
          units={(units()?.items ?? []).filter((u) => u.kind !== 'group')}
          value={current().unit ?? null}
        />
        <div class="field">
          <label for="filter-status">وضعیت</label>
          <select id="filter-status" name="status" value={current().status ?? ''}>
            <For each={STATUS_FILTERS}>{(s) => <option value={s.value}>{s.label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="filter-from">نشست‌های از تاریخ</label>
          <input id="filter-from" name="from" inputmode="numeric" value={current().from ?? ''} aria-describedby="date-hint" />
        </div>
        <div class="field">
          <label for="filter-to">تا تاریخ</label>
          <input id="filter-to" name="to" inputmode="numeric" value={current().to ?? ''} aria-describedby="date-hint" />
        </div>
        <div class="field">
          <label for="filter-series">مجموعهٔ نشست</label>
          <input id="filter-series" name="series" value={current().series ?? ''} />
        </div>
        <div class="field field-check">
          <input id="filter-overdue" name="overdue" type="checkbox" checked={Boolean(current().overdue)} />
          <label for="filter-overdue">فقط گذشته از مهلت</label>
        </div>
        <p id="date-hint" class="field-hint">تاریخ‌ها شمسی، سال/ماه/روز مانند ۱۳۹۹/۱۱/۱۵.</p>
        <div class="form-actions">
          <button type="submit" class="button">پالایش</button>
          <button type="button" class="button button-quiet" onClick={() => navigate('/actions')}>
            پاک کردن پالایه‌ها
          </button>
          <a class="button button-quiet" href={actionsCsvUrl(filters())} download="">
            دریافت CSV همین فهرست
          </a>
        </div>
      </form>
      <Show when={list()}>
        {(loaded) => (
          <>
            <Summary list={loaded()} />
            <Show when={loaded().items.length > 0} fallback={<EmptyState title="اقدامی با این پالایه‌ها پیدا نشد." />}>
              <ol class="action-list">
                <For each={loaded().items}>{(action) => <ActionCard action={action} showUnit />}</For>
              </ol>
            </Show>
            <Pagination page={page()} pageCount={pageCount(loaded().total, ACTIONS_PAGE_SIZE)} hrefFor={hrefFor} label="صفحه‌های اقدام‌ها" />
          </>
        )}
      </Show>
    </>
  );
}
