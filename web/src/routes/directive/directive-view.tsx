/** @module One directive laid out: quote, suggested deadline, the roll-up across units (with the bulk panel for managers), related directives, and publishing or assignment. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import type { DirectiveRollup } from '../../api/action-types';
import { actionsCsvUrl } from '../../api/actions';
import { getMe } from '../../api/auth';
import { ProvinceStrip } from '../../components/province-strip';
import { DueBadge, ProgressMeter, StatusBadge } from '../../components/action-badges';
import { isManagerRole } from '../../components/actions-nav';
import { usePageTitle } from '../../components/page-title';
import { RelatedDirectives } from '../../components/related-directives';
import { formatJalaliDate } from '../../lib/jalali-date';
import { countOf, toPersianDigits } from '../../lib/persian-digits';
import { shortUnitName } from '../../lib/unit-names';
import { AssignForm } from './assign-form';
import { BulkPanel } from './bulk-panel';
import { PublishForm } from './publish-form';

/** Units in Persian alphabetical order, as every list of units. */
const unitOrder = new Intl.Collator('fa');

export function DirectiveView(props: { rollup: DirectiveRollup }) {
  usePageTitle(() => 'پیگیری رهنمود');
  const me = createAsync(() => getMe());
  const directive = () => props.rollup.directive;
  const counts = () => props.rollup.counts;
  const reported = createMemo(() => new Set(props.rollup.reported));
  // A withdrawn session's directive is read-only (only managers ever see it): no bulk steps, no assigning.
  const withdrawn = () => directive().session.withdrawal;
  const manages = () => isManagerRole(me()?.role) && directive().status === 'published' && !withdrawn();
  // The actions the manager picked for one step over many (ids).
  const [picked, setPicked] = createSignal<ReadonlySet<number>>(new Set());
  const pick = (id: number, on: boolean) => {
    const next = new Set(picked());
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <article aria-labelledby="directive-title">
      <header class="page-header">
        <h1 id="directive-title">پیگیری رهنمود</h1>
        <figure class="directive-quote">
          <blockquote>
            <p>{directive().quote}</p>
          </blockquote>
          <figcaption>
            <A href={directive().link}>دیدن در متن نشست «{directive().session.title}»</A>
            <Show when={directive().session.heldOn}>{(heldOn) => <span> · {formatJalaliDate(heldOn())}</span>}</Show>
          </figcaption>
        </figure>
        <p class="muted">
          مهلت پیشنهادی:{' '}
          <Show when={directive().dueOn} fallback="ندارد">
            {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
          </Show>
          <Show when={directive().dueRule}>{(rule) => <> («{rule()}»)</>}</Show>
          {directive().status === 'published' ? '' : ' · هنوز منتشر نشده است'}
        </p>
        <Show when={withdrawn()}>
          {(w) => (
            <div class="withdrawn-notice" role="note">
              <p>
                <strong class="badge badge-withdrawn">پس‌گرفته‌شده</strong> این رهنمود از نشستی است که در {formatJalaliDate(w().at.slice(0, 10))} پس گرفته شد؛ فقط
                خواندنی است.
              </p>
              <p>دلیل: {w().reason}</p>
              <p class="muted">
                <Show when={props.rollup.withdrawalCancelled.length > 0}>{countOf(props.rollup.withdrawalCancelled.length, 'اقدام باز')} آن با پس‌گرفتن نشست لغو شد. </Show>
                برای تغییر، نخست نشست را از صفحهٔ خودش بازگردانید.
              </p>
            </div>
          )}
        </Show>
        <Show when={manages() && props.rollup.withdrawalCancelled.length > 0}>
          <p class="restore-notice" role="note">
            {countOf(props.rollup.withdrawalCancelled.length, 'اقدام')} با پس‌گرفتن نشست لغو شد و با بازگرداندن آن باز نشد، چون مهلتش گذشته یا کهنه است. برای بازگشایی، آن‌ها را
            در «کار با چند اقدام با هم» برگزینید و با مهلت تازه باز کنید.
          </p>
        </Show>
      </header>

      <section class="panel" aria-labelledby="rollup-heading">
        <h2 id="rollup-heading">وضعیت در واحدها</h2>
        <ul class="count-tiles">
          <li class="tile-done">
            <span class="tile-number">{toPersianDigits(counts().done)}</span> از {toPersianDigits(counts().total)} انجام‌شده
          </li>
          <li class="tile-progress">
            <span class="tile-number">{toPersianDigits(counts().inProgress)}</span> در حال انجام
          </li>
          <li class="tile-awaiting">
            <span class="tile-number">{toPersianDigits(counts().awaitingVerification)}</span> در انتظار تأیید
          </li>
          <li class="tile-overdue">
            <span class="tile-number">{toPersianDigits(counts().overdue)}</span> گذشته از مهلت
          </li>
          <li>
            <span class="tile-number">{toPersianDigits(counts().open)}</span> باز
          </li>
          <Show when={counts().blocked > 0}>
            <li>
              <span class="tile-number">{toPersianDigits(counts().blocked)}</span> متوقف
            </li>
          </Show>
          <Show when={counts().cancelled > 0}>
            <li>
              <span class="tile-number">{toPersianDigits(counts().cancelled)}</span> لغوشده
            </li>
          </Show>
        </ul>
        <p class="link-row">
          <A href={`/reports/print?directive=${directive().id}`}>گزارش چاپی</A>
          <a href={actionsCsvUrl({ directive: String(directive().id) })} download="">
            دریافت CSV
          </a>
        </p>
        <Show when={props.rollup.units.length > 0} fallback={<p class="muted">این رهنمود هنوز به واحدی واگذار نشده است.</p>}>
          <ProvinceStrip units={props.rollup.units} reported={reported()} />
          <Show when={manages()}>
            <BulkPanel rollup={props.rollup} reported={reported()} picked={picked()} setPicked={setPicked} />
          </Show>
          <div class="table-scroll">
            <table class="data-table rollup-table">
              <caption class="visually-hidden">وضعیت اقدام هر واحد</caption>
              <thead>
                <tr>
                  <Show when={manages()}>
                    <th scope="col" class="select-cell">
                      <span class="visually-hidden">انتخاب</span>
                    </th>
                  </Show>
                  <th scope="col">واحد</th>
                  <th scope="col">وضعیت</th>
                  <th scope="col">پیشرفت</th>
                  <th scope="col">مهلت</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...props.rollup.units].sort((a, b) => unitOrder.compare(shortUnitName(a.unit.name), shortUnitName(b.unit.name)))}>
                  {(action) => (
                    <tr>
                      <Show when={manages()}>
                        <td class="select-cell">
                          <input
                            type="checkbox"
                            id={`pick-${action.id}`}
                            aria-label={`انتخاب ${shortUnitName(action.unit.name)}`}
                            checked={picked().has(action.id)}
                            onChange={(e) => pick(action.id, e.currentTarget.checked)}
                          />
                        </td>
                      </Show>
                      <th scope="row">
                        <A href={`/actions/${action.id}`}>{shortUnitName(action.unit.name)}</A>
                        <Show when={!reported().has(action.id) && action.status !== 'done' && action.status !== 'cancelled'}>
                          <span class="muted"> (بی‌گزارش)</span>
                        </Show>
                      </th>
                      <td>
                        <StatusBadge status={action.status} />
                      </td>
                      <td>
                        <ProgressMeter value={action.progress} label={`پیشرفت ${action.unit.name}`} />
                      </td>
                      <td>
                        <Show when={action.dueOn} fallback="—">
                          {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
                        </Show>{' '}
                        <DueBadge state={action.dueState} daysLeft={action.daysLeft} quiet />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <Show when={directive().status === 'published' && !withdrawn()}>
        <RelatedDirectives id={directive().id} />
      </Show>

      <Show when={isManagerRole(me()?.role) && !withdrawn()}>
        <Show when={directive().status === 'published'} fallback={<PublishForm rollup={props.rollup} />}>
          <AssignForm rollup={props.rollup} />
        </Show>
      </Show>
    </article>
  );
}
