/**
 * @module The managers' dashboard: filters by period (Jalali from/to) and series; totals;
 * completion and on-time rate by province (chart.js, with the same figures as a table); a
 * provinces × directives heat map (colour plus a word in every cell); the overdue list.
 */
import { createMemo, For, Show } from 'solid-js';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import type { Dashboard, MatrixCell } from '../api/action-types';
import { actionsCsvUrl } from '../api/actions';
import { getDashboard, type PeriodFilters } from '../api/reports';
import { DueBadge, ProgressMeter } from '../components/action-badges';
import { Pagination, pageCount, parsePage } from '../components/pagination';
import { ActionsNav } from '../components/actions-nav';
import { RoleGate } from '../components/role-gate';
import { usePageTitle } from '../components/page-title';
import { RateChart } from '../components/rate-chart';
import { AsyncBoundary, EmptyState } from '../components/states';
import { formatRate, STATUS_LABELS } from '../lib/action-labels';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { firstParam } from '../lib/search-params';
import { shortUnitName } from '../lib/unit-names';
import '../styles/actions.css';

function periodFilters(search: Partial<Record<string, string | string[]>>): PeriodFilters {
  return { from: firstParam(search.from), to: firstParam(search.to), series: firstParam(search.series) };
}

export function DashboardPage() {
  usePageTitle(() => 'داشبورد پیگیری');
  const [search, setSearch] = useSearchParams();
  const filters = () => periodFilters(search);
  const dashboard = createAsync(() => getDashboard(filters()));

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim() || undefined;
    setSearch({ from: value('from'), to: value('to'), series: value('series') });
  };

  return (
    <section class="page tracking-page dashboard" aria-labelledby="dashboard-heading">
      <ActionsNav />
      <h1 id="dashboard-heading">داشبورد پیگیری</h1>
      <RoleGate roles={['manager', 'admin']}>
      <form class="filter-form" onSubmit={apply} aria-label="بازه و مجموعه">
        <div class="field">
          <label for="dash-from">نشست‌های از تاریخ</label>
          <input id="dash-from" name="from" inputmode="numeric" value={filters().from ?? ''} aria-describedby="dash-date-hint" />
        </div>
        <div class="field">
          <label for="dash-to">تا تاریخ</label>
          <input id="dash-to" name="to" inputmode="numeric" value={filters().to ?? ''} aria-describedby="dash-date-hint" />
        </div>
        <div class="field">
          <label for="dash-series">مجموعهٔ نشست</label>
          <input id="dash-series" name="series" value={filters().series ?? ''} />
        </div>
        <p id="dash-date-hint" class="field-hint">تاریخ‌ها شمسی، سال/ماه/روز مانند ۱۳۹۹/۱۱/۱۵.</p>
        <div class="form-actions">
          <button type="submit" class="button">نمایش</button>
          <a class="button button-quiet" href={actionsCsvUrl(filters())} download="">
            دریافت CSV
          </a>
        </div>
      </form>
      <AsyncBoundary loadingLabel="در حال بارگذاری داشبورد…">
        <Show when={dashboard()}>
          {(loaded) => (
            <DashboardView
              dashboard={loaded()}
              overduePage={parsePage(search.opage)}
              hrefForOverdue={(page) => {
                const next = new URLSearchParams();
                for (const [key, value] of Object.entries(filters())) if (value) next.set(key, value);
                if (page > 1) next.set('opage', String(page));
                return `/dashboard?${next.toString()}#overdue-heading`;
              }}
            />
          )}
        </Show>
      </AsyncBoundary>
      </RoleGate>
    </section>
  );
}

/** Overdue actions per page of the dashboard's table (the whole list is in «اقدام‌ها» and the CSV). */
const OVERDUE_PAGE_SIZE = 15;

function DashboardView(props: { dashboard: Dashboard; overduePage: number; hrefForOverdue: (page: number) => string }) {
  const totals = () => props.dashboard.totals;
  const provinces = () => props.dashboard.provinces.filter((p) => p.total > 0);
  return (
    <>
      <ul class="count-tiles" aria-label="همهٔ اقدام‌ها">
        <li>
          <span class="tile-number">{toPersianDigits(totals().total)}</span> اقدام
        </li>
        <li class="tile-done">
          <span class="tile-number">{toPersianDigits(totals().done)}</span> انجام‌شده
        </li>
        <li class="tile-overdue">
          <span class="tile-number">{toPersianDigits(totals().overdue)}</span> گذشته از مهلت
        </li>
        <li>
          <span class="tile-number">{formatRate(totals().completionRate)}</span> نرخ انجام
        </li>
        <li>
          <span class="tile-number">{formatRate(totals().onTimeRate)}</span> انجام در مهلت
        </li>
      </ul>

      <section class="panel" aria-labelledby="rates-heading">
        <h2 id="rates-heading">نرخ انجام و انجام در مهلت به تفکیک استان</h2>
        <Show when={provinces().length > 0} fallback={<EmptyState title="در این بازه اقدامی به استان‌ها واگذار نشده است." />}>
          <RateChart provinces={provinces()} describedBy="rates-table-caption" />
          <details class="table-fallback" open={provinces().length <= 3}>
            <summary>جدول نرخ‌ها</summary>
            <div class="table-scroll">
              <table class="data-table" id="rates-table">
                <caption id="rates-table-caption">نرخ انجام و انجام در مهلت هر استان</caption>
                <thead>
                  <tr>
                    <th scope="col">استان</th>
                    <th scope="col">اقدام</th>
                    <th scope="col">انجام‌شده</th>
                    <th scope="col">گذشته از مهلت</th>
                    <th scope="col">نرخ انجام</th>
                    <th scope="col">انجام در مهلت</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={provinces()}>
                    {(p) => (
                      <tr>
                        <th scope="row">
                          <A href={`/reports/print?unit=${encodeURIComponent(p.unit.code)}`}>{shortUnitName(p.unit.name)}</A>
                        </th>
                        <td>{toPersianDigits(p.total)}</td>
                        <td>{toPersianDigits(p.done)}</td>
                        <td>{toPersianDigits(p.overdue)}</td>
                        <td>{formatRate(p.completionRate)}</td>
                        <td>{formatRate(p.onTimeRate)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </details>
        </Show>
      </section>

      <HeatMap matrix={props.dashboard.matrix} />

      <OverdueTable actions={props.dashboard.overdue} page={props.overduePage} hrefFor={props.hrefForOverdue} />
    </>
  );
}

/** The overdue actions as a short table, a page at a time (as cards they made the page 35,000 px tall). */
function OverdueTable(props: { actions: Dashboard['overdue']; page: number; hrefFor: (page: number) => string }) {
  const pages = () => pageCount(props.actions.length, OVERDUE_PAGE_SIZE);
  const page = () => Math.min(props.page, pages());
  const shown = () => props.actions.slice((page() - 1) * OVERDUE_PAGE_SIZE, page() * OVERDUE_PAGE_SIZE);
  return (
    <section class="panel" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">گذشته از مهلت ({toPersianDigits(props.actions.length)})</h2>
      <Show when={props.actions.length > 0} fallback={<p class="muted">اقدامی از مهلت نگذشته است.</p>}>
        <div class="table-scroll">
          <table class="data-table overdue-table">
            <caption class="visually-hidden">اقدام‌های گذشته از مهلت، بیشترین تأخیر نخست</caption>
            <thead>
              <tr>
                <th scope="col">واحد</th>
                <th scope="col">رهنمود</th>
                <th scope="col">مهلت</th>
                <th scope="col">پیشرفت</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(action) => (
                  <tr>
                    <th scope="row">
                      <A href={`/actions/${action.id}`}>{shortUnitName(action.unit.name)}</A>
                    </th>
                    <td>«{excerpt(action.directive.quote, 10)}»</td>
                    <td>
                      <Show when={action.dueOn} fallback="—">
                        {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
                      </Show>{' '}
                      <DueBadge state={action.dueState} daysLeft={action.daysLeft} quiet />
                    </td>
                    <td>
                      <ProgressMeter value={action.progress} label={`پیشرفت ${action.unit.name}`} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Pagination page={page()} pageCount={pages()} hrefFor={props.hrefFor} label="صفحه‌های گذشته از مهلت" />
        <p class="link-row">
          <A href="/actions?overdue=1">همهٔ اقدام‌های گذشته از مهلت در فهرست اقدام‌ها</A>
        </p>
      </Show>
    </section>
  );
}

/** The short word in a heat-map cell: the status, with progress while work goes on. */
function cellText(cell: MatrixCell): string {
  if (cell.dueState === 'overdue') return `گذشته (${toPersianDigits(cell.progress)}٪)`;
  if (cell.status === 'in_progress') return `${toPersianDigits(cell.progress)}٪`;
  return STATUS_LABELS[cell.status];
}

function cellClass(cell: MatrixCell): string {
  return cell.dueState === 'overdue' ? 'heat-overdue' : `heat-${cell.status}`;
}

function HeatMap(props: { matrix: Dashboard['matrix'] }) {
  const cells = createMemo(() => new Map(props.matrix.cells.map((c) => [`${c.unitCode}|${c.directiveId}`, c])));
  const rows = () => props.matrix.units.filter((u) => props.matrix.cells.some((c) => c.unitCode === u.code));
  return (
    <section class="panel" aria-labelledby="heat-heading">
      <h2 id="heat-heading">استان‌ها × رهنمودها</h2>
      <Show when={props.matrix.directives.length > 0 && rows().length > 0} fallback={<p class="muted">رهنمودی در این بازه واگذار نشده است.</p>}>
        <ul class="heat-legend" aria-label="راهنمای رنگ‌ها">
          <li class="heat-done">انجام‌شده</li>
          <li class="heat-awaiting_verification">در انتظار تأیید</li>
          <li class="heat-in_progress">در حال انجام (درصد)</li>
          <li class="heat-open">باز</li>
          <li class="heat-overdue">گذشته از مهلت</li>
          <li class="heat-blocked">متوقف</li>
        </ul>
        <ol class="heat-directives">
          <For each={props.matrix.directives}>
            {(d, i) => (
              <li id={`heat-d-${d.id}`}>
                <strong>ر{toPersianDigits(i() + 1)}</strong>: <A href={`/directives/${d.id}`}>«{excerpt(d.quote, 12)}»</A>
                <span class="muted">
                  {' '}
                  ({d.sessionTitle}
                  <Show when={d.heldOn}>{(h) => <>، {formatJalaliDate(h())}</>}</Show>)
                </span>
              </li>
            )}
          </For>
        </ol>
        <div class="table-scroll">
          <table class="heat-map">
            <caption class="visually-hidden">وضعیت اقدام هر واحد برای هر رهنمود</caption>
            <thead>
              <tr>
                <th scope="col">واحد</th>
                <For each={props.matrix.directives}>
                  {(d, i) => (
                    <th scope="col">
                      <A href={`/directives/${d.id}`} aria-describedby={`heat-d-${d.id}`}>
                        ر{toPersianDigits(i() + 1)}
                      </A>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(unit) => (
                  <tr>
                    <th scope="row">{shortUnitName(unit.name).replace(/^استان\s+/u, '')}</th>
                    <For each={props.matrix.directives}>
                      {(d) => {
                        const cell = () => cells().get(`${unit.code}|${d.id}`);
                        return (
                          <Show when={cell()} fallback={<td class="heat-none">—</td>}>
                            {(c) => (
                              <td class={cellClass(c())}>
                                <A href={`/actions/${c().actionId}`}>{cellText(c())}</A>
                              </td>
                            )}
                          </Show>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="muted">{countOf(rows().length, 'واحد')}، {countOf(props.matrix.directives.length, 'رهنمود')}</p>
      </Show>
    </section>
  );
}
