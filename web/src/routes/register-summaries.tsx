/**
 * @module Per speaker and per series: how many directives were given, assigned, done on time,
 * done late and still open; every number links to the register filtered to the list behind it.
 */
import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getDirectiveSummaries, registerHref, type DirectiveSummaries, type RegisterFilters } from '../api/register';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary } from '../components/states';
import { toPersianDigits } from '../lib/persian-digits';
import '../styles/actions.css';
import '../styles/register.css';

export function RegisterSummariesPage() {
  usePageTitle(() => 'خلاصه رهنمودها');
  const bySpeaker = createAsync(() => getDirectiveSummaries('speaker', {}));
  const bySeries = createAsync(() => getDirectiveSummaries('series', {}));
  return (
    <section class="page register-page" aria-labelledby="summaries-heading">
      <header class="page-header">
        <h1 id="summaries-heading">خلاصه رهنمودها</h1>
        <p class="page-lead">
          هر عدد پیوندی است به فهرست رهنمودهای پشت آن. «در مهلت» و «با تأخیر»: همه اقدام‌ها انجام و تأیید شده، هر یک تا پایان روز مهلتش یا پس از آن.
        </p>
        <p class="link-row no-print">
          <A href="/directives">بازگشت به فهرست رهنمودها</A>
        </p>
      </header>
      <AsyncBoundary loadingLabel="در حال بارگذاری خلاصه‌ها…">
        <Show when={bySpeaker()}>{(s) => <SummaryTable title="به تفکیک گوینده" head="گوینده" field="speaker" summaries={s()} />}</Show>
        <Show when={bySeries()}>{(s) => <SummaryTable title="به تفکیک مجموعه نشست" head="مجموعه" field="series" summaries={s()} />}</Show>
      </AsyncBoundary>
    </section>
  );
}

const COLUMNS: Array<{ key: 'given' | 'assigned' | 'doneOnTime' | 'doneLate' | 'open'; label: string; state?: string }> = [
  { key: 'given', label: 'داده‌شده' },
  { key: 'assigned', label: 'واگذارشده', state: 'assigned' },
  { key: 'doneOnTime', label: 'انجام در مهلت', state: 'done_on_time' },
  { key: 'doneLate', label: 'انجام با تأخیر', state: 'done_late' },
  { key: 'open', label: 'هنوز باز', state: 'open' },
];

function SummaryTable(props: { title: string; head: string; field: 'speaker' | 'series'; summaries: DirectiveSummaries }) {
  const id = () => `summary-${props.field}`;
  return (
    <section class="panel" aria-labelledby={id()}>
      <h2 id={id()}>{props.title}</h2>
      <div class="table-scroll">
        <table class="data-table summary-table">
          <thead>
            <tr>
              <th scope="col">{props.head}</th>
              <For each={COLUMNS}>{(c) => <th scope="col">{c.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.summaries.rows}>
              {(row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <For each={COLUMNS}>
                    {(c) => {
                      const filters = (): RegisterFilters | null => (row.key === null ? null : { [props.field]: row.key, state: c.state });
                      return (
                        <td>
                          <Show when={filters()} fallback={toPersianDigits(row[c.key])}>
                            {(f) => (
                              <A href={registerHref(f())} aria-label={`${c.label}: ${toPersianDigits(row[c.key])} رهنمود از ${row.label}`}>
                                {toPersianDigits(row[c.key])}
                              </A>
                            )}
                          </Show>
                          <Show when={c.key === 'open' && row.overdue > 0}>
                            {' '}
                            <A class="due-badge due-overdue" href={registerHref({ [props.field]: row.key ?? undefined, state: 'overdue' })}>
                              {toPersianDigits(row.overdue)} گذشته از مهلت
                            </A>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
