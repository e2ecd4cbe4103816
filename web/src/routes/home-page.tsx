/**
 * @module The home page by role (issue 14): a director lands on «کارتابل من» (returned to me with the
 * reason, overdue, due this week, recently verified); a manager on what waits for them (awaiting
 * verification, provinces behind, due this week); everyone then sees the latest sessions (staff:
 * search in the header and the sessions list, as before).
 */
import { For, Show, type JSX } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import type { ActionSummary } from '../api/action-types';
import { getAllActions, getMyActions, getVerificationQueue } from '../api/actions';
import { getMe } from '../api/auth';
import { getDrafts } from '../api/imports';
import { DueBadge } from '../components/action-badges';
import { isManagerRole } from '../components/actions-nav';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { shortUnitName } from '../lib/unit-names';
import { SessionsList } from './sessions-list';
import '../styles/actions.css';

const RECENT_DAYS = 14;

export function HomePage() {
  const me = createAsync(() => getMe().catch(() => null));
  return (
    <>
      <Show when={me()?.role === 'director'}>
        <DirectorDesk />
      </Show>
      <Show when={isManagerRole(me()?.role)}>
        <ManagerHome />
      </Show>
      <SessionsList />
    </>
  );
}

/** One group of the desk: a heading with its count and the actions, or a quiet line when there are none. */
function DeskGroup(props: { id: string; title: string; items: ActionSummary[]; empty: string; detail?: (a: ActionSummary) => JSX.Element }) {
  return (
    <section class={`desk-group desk-${props.id}`} aria-labelledby={`desk-${props.id}-heading`}>
      <h2 id={`desk-${props.id}-heading`}>
        {props.title} ({toPersianDigits(props.items.length)})
      </h2>
      <Show when={props.items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul class="desk-list">
          <For each={props.items}>
            {(action) => (
              <li class="desk-item">
                <A href={`/actions/${action.id}`}>«{excerpt(action.directive.quote, 12)}»</A>
                <span class="muted"> · {shortUnitName(action.unit.name)}</span>
                <Show when={action.dueOn}>
                  {(due) => (
                    <span class="muted">
                      {' '}
                      · مهلت <time datetime={due()}>{formatJalaliDate(due())}</time>
                    </span>
                  )}
                </Show>{' '}
                <DueBadge state={action.dueState} daysLeft={action.daysLeft} quiet />
                {props.detail?.(action)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** «کارتابل من»: what the director's unit must do, the returned ones first. */
function DirectorDesk() {
  const mine = createAsync(() => getMyActions());
  const groups = () => {
    const items = mine()?.items ?? [];
    const today = mine()?.today ?? '';
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString();
    const returned = items.filter((a) => a.status === 'in_progress' && a.statusReason);
    const taken = new Set(returned.map((a) => a.id));
    return {
      returned,
      overdue: items.filter((a) => !taken.has(a.id) && a.dueState === 'overdue'),
      dueSoon: items.filter((a) => !taken.has(a.id) && (a.dueState === 'due_soon' || a.dueState === 'due_today')),
      verified: items.filter((a) => a.status === 'done' && (a.closedAt ?? '') >= since),
    };
  };
  return (
    <section class="page desk" aria-labelledby="desk-heading">
      <header class="page-header">
        <h1 id="desk-heading">کارتابل من</h1>
        <p class="page-lead">آنچه واحد شما باید انجام دهد؛ برگشت‌خورده‌ها در بالا.</p>
      </header>
      <Show when={mine()} fallback={<p class="muted">در حال بارگذاری کارتابل…</p>}>
        <DeskGroup
          id="returned"
          title="برگشت‌خورده به من"
          items={groups().returned}
          empty="اقدامی برنگشته است."
          detail={(a) => <p class="desk-reason">دلیل: {a.statusReason}</p>}
        />
        <DeskGroup id="overdue" title="گذشته از مهلت" items={groups().overdue} empty="اقدامی از مهلت نگذشته است." />
        <DeskGroup id="due" title="مهلت در همین هفته" items={groups().dueSoon} empty="مهلتی در این هفته نیست." />
        <DeskGroup id="verified" title="به‌تازگی تأییدشده" items={groups().verified} empty="در دو هفتهٔ گذشته اقدامی تأیید نشده است." />
        <p>
          <A href="/actions">همهٔ اقدام‌های واحد</A>
        </p>
      </Show>
    </section>
  );
}

/** A manager's home: the queue, the provinces furthest behind, and what is due this week. */
function ManagerHome() {
  const queue = createAsync(() => getVerificationQueue());
  const drafts = createAsync(() => getDrafts().catch(() => []));
  const overdue = createAsync(() => getAllActions({ overdue: '1' }));
  const open = createAsync(() => getAllActions({ status: 'open,in_progress,blocked' }));
  const behind = () => {
    const counts = new Map<string, { name: string; n: number }>();
    for (const a of overdue()?.items ?? []) {
      const entry = counts.get(a.unit.code) ?? { name: shortUnitName(a.unit.name), n: 0 };
      entry.n++;
      counts.set(a.unit.code, entry);
    }
    const collator = new Intl.Collator('fa');
    return [...counts.entries()].sort((x, y) => y[1].n - x[1].n || collator.compare(x[1].name, y[1].name)).slice(0, 10);
  };
  const dueThisWeek = () => {
    const byDirective = new Map<number, { quote: string; id: number; count: number; due: string | null }>();
    for (const a of open()?.items ?? []) {
      if (a.dueState !== 'due_soon' && a.dueState !== 'due_today') continue;
      const entry = byDirective.get(a.directive.id) ?? { quote: a.directive.quote, id: a.directive.id, count: 0, due: a.dueOn };
      entry.count++;
      byDirective.set(a.directive.id, entry);
    }
    return [...byDirective.values()];
  };
  return (
    <section class="page desk" aria-labelledby="manager-home-heading">
      <header class="page-header">
        <h1 id="manager-home-heading">کار امروز</h1>
      </header>
      <section class="desk-group" aria-labelledby="queue-heading">
        <h2 id="queue-heading">در انتظار تأیید من ({toPersianDigits(queue()?.total ?? 0)})</h2>
        <Show when={(queue()?.total ?? 0) > 0} fallback={<p class="muted">چیزی در صف تأیید نیست.</p>}>
          <p>
            <A href="/verification">رفتن به صف تأیید</A>
          </p>
        </Show>
      </section>
      <section class="desk-group" aria-labelledby="behind-heading">
        <h2 id="behind-heading">استان‌های عقب‌مانده</h2>
        <Show when={behind().length > 0} fallback={<p class="muted">هیچ واحدی اقدام گذشته از مهلت ندارد.</p>}>
          <ol class="desk-list">
            <For each={behind()}>
              {([code, entry]) => (
                <li>
                  <A href={`/actions?unit=${encodeURIComponent(code)}&overdue=1`}>{entry.name}</A>: {countOf(entry.n, 'اقدام')} گذشته از مهلت
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <section class="desk-group" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">پیش‌نویس‌های در انتظار بررسی ({toPersianDigits(drafts()?.length ?? 0)})</h2>
        <Show when={(drafts()?.length ?? 0) > 0} fallback={<p class="muted">پیش‌نویسی در انتظار نیست.</p>}>
          <p>
            <A href="/imports">دیدن پیش‌نویس‌ها</A>
          </p>
        </Show>
      </section>
      <section class="desk-group" aria-labelledby="week-heading">
        <h2 id="week-heading">رهنمودهای با مهلت در همین هفته</h2>
        <Show when={dueThisWeek().length > 0} fallback={<p class="muted">مهلتی در این هفته نیست.</p>}>
          <ul class="desk-list">
            <For each={dueThisWeek()}>
              {(d) => (
                <li>
                  <A href={`/directives/${d.id}`}>«{excerpt(d.quote, 12)}»</A>
                  <span class="muted"> · {countOf(d.count, 'واحد')} هنوز باز</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </section>
  );
}
