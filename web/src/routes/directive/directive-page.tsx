/**
 * @module A directive's tracking page: its quote and place in the session, the roll-up across
 * units (done / in progress / overdue, counts, one row per unit), and for managers publishing
 * and the assignment form (units or a group such as «همه استان‌ها», Jalali due date, recipient, priority).
 * The parts are in this folder: `directive-view` lays them out.
 */
import { Show } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { getRollup } from '../../api/directives';
import { ActionsNav } from '../../components/actions-nav';
import { usePageTitle } from '../../components/page-title';
import { AsyncBoundary } from '../../components/states';
import { NotFound } from '../not-found';
import { DirectiveView } from './directive-view';
import '../../styles/actions.css';

/** A directive's id from the address, or null when it cannot be one (`/directives/abc`). */
function directiveId(param: string | undefined): number | null {
  return param && /^[1-9]\d{0,15}$/.test(param) ? Number(param) : null;
}

export function DirectivePage() {
  const params = useParams();
  const id = () => directiveId(params.id);
  const rollup = createAsync(async () => {
    const valid = id();
    return valid === null ? undefined : getRollup(valid);
  });
  return (
    <Show when={id() !== null} fallback={<NotFound />}>
      <section class="page tracking-page directive-page">
        <ActionsNav />
        <AsyncBoundary loadingLabel="در حال بارگذاری رهنمود…" notFound={<DirectiveNotFound />}>
          <Show when={rollup()}>{(loaded) => <DirectiveView rollup={loaded()} />}</Show>
        </AsyncBoundary>
      </section>
    </Show>
  );
}

function DirectiveNotFound() {
  usePageTitle(() => 'رهنمود پیدا نشد');
  return (
    <div class="state-page">
      <h1>رهنمود پیدا نشد</h1>
      <p>
        رهنمودی با این نشانی نیست. <A href="/actions">بازگشت به اقدام‌ها</A>
      </p>
    </div>
  );
}
