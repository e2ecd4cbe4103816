/** @module Exports: the CSV of actions (opens in Excel), and my calendar feed of deadlines (choose what it shows, make, replace, revoke; the URL shown once). */
import { createSignal, For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { actionsCsvUrl } from '../api/actions';
import type { CalendarScope } from '../api/action-types';
import { getMe, type AuthUser } from '../api/auth';
import { createCalendarToken, getCalendarToken, revokeCalendarToken } from '../api/reports';
import { ActionsNav, isManagerRole } from '../components/actions-nav';
import { FormError } from '../components/form-error';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, describeError } from '../components/states';
import { useWrite, writeAction } from '../lib/write-action';
import '../styles/actions.css';

export function ExportsPage() {
  usePageTitle(() => 'خروجی و تقویم');
  const me = createAsync(() => getMe());
  return (
    <section class="page tracking-page" aria-labelledby="exports-heading">
      <ActionsNav />
      <h1 id="exports-heading">خروجی و تقویم</h1>
      <section class="panel" aria-labelledby="csv-heading">
        <h2 id="csv-heading">فهرست اقدام‌ها در CSV</h2>
        <p>پرونده‌ای با سرستون‌های فارسی و تاریخ‌های شمسی و میلادی که در Excel درست باز می‌شود.</p>
        <p class="link-row">
          <a class="button" href={actionsCsvUrl({})} download="">
            دریافت همهٔ اقدام‌ها
          </a>
          <a class="button button-quiet" href={actionsCsvUrl({ overdue: '1' })} download="">
            فقط گذشته از مهلت
          </a>
        </p>
        <Show when={isManagerRole(me()?.role)}>
          <p class="muted">
            برای CSV با پالایه‌های دیگر، در صفحهٔ <A href="/actions">اقدام‌ها</A> پالایه بگذارید و «دریافت CSV همین فهرست» را بزنید.
          </p>
        </Show>
        <Show when={me()?.unitCode}>
          {(unit) => (
            <p class="link-row">
              <A href={`/reports/print?unit=${encodeURIComponent(unit())}`}>گزارش چاپی اقدام‌های واحد من</A>
            </p>
          )}
        </Show>
      </section>
      <AsyncBoundary loadingLabel="در حال بارگذاری تقویم…">
        <Show when={me()}>{(user) => <CalendarFeed user={user()} />}</Show>
      </AsyncBoundary>
    </section>
  );
}

/** The scopes in the order offered, with who may choose each (the server checks again). */
const SCOPES: Array<{ scope: CalendarScope; label: string; hint: string; offered: (user: AuthUser) => boolean }> = [
  { scope: 'unit', label: 'اقدام‌های واحد من', hint: 'مهلت اقدام‌هایی که به واحد شما سپرده شده است.', offered: (user) => Boolean(user.unitCode) },
  {
    scope: 'approvals',
    label: 'تأییدهای من',
    hint: 'اقدام‌هایی که منتظر تأیید ستادند و اقدام‌های رهنمودهایی که خودتان سپرده‌اید.',
    offered: (user) => isManagerRole(user.role),
  },
  { scope: 'all', label: 'همهٔ اقدام‌هایی که می‌توانم ببینم', hint: 'مهلت همهٔ اقدام‌های باز همهٔ واحدها.', offered: () => true },
];

const scopeLabel = (scope: CalendarScope | null | undefined) => SCOPES.find((s) => s.scope === scope)?.label ?? '';

/** Make a new calendar link showing `scope` (the old one stops working), or turn the calendar off (null). */
const calendarLinkWrite = writeAction('calendar-link', async (scope: CalendarScope | null) => {
  if (scope === null) {
    await revokeCalendarToken();
    return { kind: 'revoked' as const, url: null };
  }
  const created = await createCalendarToken(scope);
  return { kind: 'made' as const, url: created.url };
});

function CalendarFeed(props: { user: AuthUser }) {
  const token = createAsync(() => getCalendarToken());
  const offered = () => SCOPES.filter((s) => s.offered(props.user));
  const [chosen, setChosen] = createSignal<CalendarScope | null>(null);
  // Until the person picks: the scope of the link they have, else the first offered.
  const scope = () => chosen() ?? token()?.scope ?? offered()[0]?.scope ?? 'all';
  const linking = useWrite(calendarLinkWrite);
  // The URL is shown once, right after it is made; what the last write did, in words.
  const shown = () => {
    const done = linking.submission.result;
    return done?.kind === 'made' && done.url ? new URL(done.url, window.location.origin).href : null;
  };
  const status = () => {
    const done = linking.submission.result;
    if (!done) return '';
    return done.kind === 'made' ? 'نشانی تازه ساخته شد؛ نشانی پیشین دیگر کار نمی‌کند.' : 'تقویم خاموش شد؛ نشانی آن دیگر کار نمی‌کند.';
  };
  const make = () => linking.send(scope());
  const revoke = () => linking.send(null);

  return (
    <section class="panel" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">تقویم مهلت‌ها</h2>
      <p>
        مهلت اقدام‌های شما به صورت رویدادهای تمام‌روز در تقویم (Google Calendar، Outlook، تقویم گوشی). نشانی مانند گذرواژه است: آن را با کسی در میان
        نگذارید.
      </p>
      <p role="status" class="form-status">
        {token()?.active ? `تقویم شما روشن است و «${scopeLabel(token()?.scope)}» را نشان می‌دهد.` : 'تقویم شما خاموش است.'} {status()}
      </p>
      <fieldset class="scope-choice">
        <legend>این تقویم چه مهلت‌هایی را نشان دهد؟</legend>
        <For each={offered()}>
          {(option) => (
            <label class="scope-option">
              <input type="radio" name="calendar-scope" value={option.scope} checked={scope() === option.scope} onChange={() => setChosen(option.scope)} />
              <span>
                <strong>{option.label}</strong>
                <span class="muted"> — {option.hint}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={shown()}>
        {(url) => (
          <div class="issued-url">
            <label for="calendar-url">نشانی تقویم (فقط همین یک بار نشان داده می‌شود):</label>
            <input id="calendar-url" class="url-field" dir="ltr" readOnly value={url()} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void make()}>
          {token()?.active ? 'ساختن نشانی تازه (جایگزین نشانی پیشین)' : 'روشن کردن تقویم'}
        </button>
        <Show when={token()?.active}>
          <button type="button" class="button button-quiet" onClick={() => void revoke()}>
            خاموش کردن تقویم
          </button>
        </Show>
      </div>
      <FormError error={linking.submission.error} describe={describeError} />
    </section>
  );
}
