/**
 * @module The print-ready report of one directive's or one unit's actions (`/reports/print?directive=…|unit=…`):
 * figures, a summary table, then each unit on its own printed page. The print stylesheet drops the
 * site's chrome and prints black on white.
 */
import { For, Show } from 'solid-js';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import type { ActionSummary, PrintReport } from '../api/action-types';
import { getPrintReport } from '../api/reports';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, EmptyState } from '../components/states';
import { dueStateLabel, formatRate, PRIORITY_LABELS, STATUS_LABELS } from '../lib/action-labels';
import { formatJalaliDate } from '../lib/jalali-date';
import { formatJalaliDateTime, jalaliInputValue } from '../lib/jalali-datetime';
import { toPersianDigits } from '../lib/persian-digits';
import { firstParam } from '../lib/search-params';
import { shortUnitName } from '../lib/unit-names';
import '../styles/actions.css';
import '../styles/print-report.css';

export function PrintReportPage() {
  const [search] = useSearchParams();
  const scope = () => ({ directive: firstParam(search.directive), unit: firstParam(search.unit) });
  const report = createAsync(() => (scope().directive || scope().unit ? getPrintReport(scope()) : Promise.resolve(undefined)));
  usePageTitle(() => report()?.title ?? 'گزارش چاپی');
  return (
    <div class="print-report">
      <Show when={scope().directive || scope().unit} fallback={<EmptyState title="گزارش چاپی برای یک رهنمود یا یک واحد است؛ از صفحهٔ رهنمود یا داشبورد به اینجا بیایید." />}>
        <AsyncBoundary loadingLabel="در حال آماده کردن گزارش…">
          <Show when={report()}>{(loaded) => <ReportView report={loaded()} />}</Show>
        </AsyncBoundary>
      </Show>
    </div>
  );
}

function groupByUnit(actions: ActionSummary[]): Array<{ name: string; code: string; actions: ActionSummary[] }> {
  const groups = new Map<string, { name: string; code: string; actions: ActionSummary[] }>();
  for (const action of actions) {
    const group = groups.get(action.unit.code) ?? { name: action.unit.name, code: action.unit.code, actions: [] };
    group.actions.push(action);
    groups.set(action.unit.code, group);
  }
  return [...groups.values()];
}

const collator = new Intl.Collator('fa');

/** Units in Persian alphabetical order of the name shown (never by their Latin code), then the directive's words. */
function inPersianOrder(actions: ActionSummary[]): ActionSummary[] {
  return [...actions].sort(
    (a, b) => collator.compare(shortUnitName(a.unit.name), shortUnitName(b.unit.name)) || collator.compare(a.directive.quote, b.directive.quote) || a.id - b.id,
  );
}

function ReportView(props: { report: PrintReport }) {
  const f = () => props.report.figures;
  const actions = () => inPersianOrder(props.report.actions);
  return (
    <article aria-labelledby="report-title">
      <div class="print-toolbar no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          چاپ گزارش
        </button>
        <A href={props.report.scope.directiveId ? `/directives/${props.report.scope.directiveId}` : '/dashboard'}>بازگشت</A>
      </div>
      <header class="report-header">
        {/* The office's letter head: number and attachments are written in by hand (or by the secretariat). */}
        <dl class="letter-head">
          <div>
            <dt>شماره:</dt>
            <dd class="letter-blank" />
          </div>
          <div>
            <dt>تاریخ:</dt>
            <dd>{jalaliInputValue(props.report.generatedAtJalali)}</dd>
          </div>
          <div>
            <dt>پیوست:</dt>
            <dd class="letter-blank" />
          </div>
        </dl>
        <h1 id="report-title">{props.report.title}</h1>
        <p>تاریخ گزارش: {jalaliInputValue(props.report.generatedAtJalali)}</p>
      </header>
      <table class="report-figures">
        <caption>خلاصه</caption>
        <tbody>
          <tr>
            <th scope="row">همهٔ اقدام‌ها</th>
            <td>{toPersianDigits(f().total)}</td>
            <th scope="row">انجام‌شده</th>
            <td>{toPersianDigits(f().done)}</td>
          </tr>
          <tr>
            <th scope="row">باز</th>
            <td>{toPersianDigits(f().open)}</td>
            <th scope="row">گذشته از مهلت</th>
            <td>{toPersianDigits(f().overdue)}</td>
          </tr>
          <tr>
            <th scope="row">نرخ انجام</th>
            <td>{formatRate(f().completionRate)}</td>
            <th scope="row">انجام در مهلت</th>
            <td>{formatRate(f().onTimeRate)}</td>
          </tr>
        </tbody>
      </table>
      <Show when={props.report.actions.length > 0} fallback={<p>اقدامی برای گزارش نیست.</p>}>
        <div class="table-scroll">
        <table class="report-table">
          <caption>فهرست اقدام‌ها</caption>
          <thead>
            <tr>
              <th scope="col">واحد</th>
              <Show when={!props.report.scope.directiveId}>
                <th scope="col">رهنمود</th>
              </Show>
              <th scope="col">وضعیت</th>
              <th scope="col">پیشرفت</th>
              <th scope="col">مهلت</th>
            </tr>
          </thead>
          <tbody>
            <For each={actions()}>
              {(a) => (
                <tr>
                  <td>{shortUnitName(a.unit.name)}</td>
                  <Show when={!props.report.scope.directiveId}>
                    <td>{a.directive.quote.length > 90 ? `${a.directive.quote.slice(0, 90)}…` : a.directive.quote}</td>
                  </Show>
                  <td>{STATUS_LABELS[a.status]}</td>
                  <td>{toPersianDigits(a.progress)}٪</td>
                  <td>
                    {a.dueOn ? formatJalaliDate(a.dueOn) : '—'}
                    <Show when={a.dueState === 'overdue'}> ({dueStateLabel(a.dueState, a.daysLeft)})</Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        </div>
        <For each={groupByUnit(actions())}>
          {(group) => (
            <section class="report-unit" aria-label={group.name}>
              <h2>{group.name}</h2>
              <For each={group.actions}>
                {(a) => (
                  <div class="report-action">
                    <blockquote>«{a.directive.quote}»</blockquote>
                    <p class="report-source">
                      {a.session.title}
                      {a.session.heldOn ? `، ${formatJalaliDate(a.session.heldOn)}` : ''}
                    </p>
                    <dl class="report-facts">
                      <div>
                        <dt>وضعیت</dt>
                        <dd>
                          {STATUS_LABELS[a.status]}
                          {a.statusReason ? ` (دلیل: ${a.statusReason})` : ''}
                        </dd>
                      </div>
                      <div>
                        <dt>پیشرفت</dt>
                        <dd>{toPersianDigits(a.progress)}٪</dd>
                      </div>
                      <div>
                        <dt>مهلت</dt>
                        <dd>
                          {a.dueOn ? formatJalaliDate(a.dueOn) : 'ندارد'} · {dueStateLabel(a.dueState, a.daysLeft)}
                        </dd>
                      </div>
                      <div>
                        <dt>اولویت</dt>
                        <dd>{PRIORITY_LABELS[a.priority]}</dd>
                      </div>
                      <Show when={a.recipient}>
                        {(r) => (
                          <div>
                            <dt>گیرنده</dt>
                            <dd>{r().name}</dd>
                          </div>
                        )}
                      </Show>
                      <Show when={a.closedAt}>
                        {(closed) => (
                          <div>
                            <dt>بسته شد</dt>
                            <dd>{formatJalaliDateTime(closed())}</dd>
                          </div>
                        )}
                      </Show>
                    </dl>
                  </div>
                )}
              </For>
            </section>
          )}
        </For>
      </Show>
      <footer class="signature-block">
        <div>
          <p>تهیه‌کننده</p>
          <p class="signature-line">نام و نام خانوادگی، سمت، امضا</p>
        </div>
        <div>
          <p>تأییدکننده</p>
          <p class="signature-line">نام و نام خانوادگی، سمت، امضا</p>
        </div>
      </footer>
    </article>
  );
}
