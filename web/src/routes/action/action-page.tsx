/**
 * @module One action: the directive quoted with a link to its place in the session, status and
 * due date, the allowed status steps, the update form (note, percentage, letter, files, request
 * verification), the timeline with evidence downloads, and the audit trail. A write based on a
 * stale version (409) shows what changed and keeps the form for the user to send again.
 * The parts are in this folder: `action-view` lays them out.
 */
import { Show } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { getAction } from '../../api/actions';
import { ActionsNav } from '../../components/actions-nav';
import { usePageTitle } from '../../components/page-title';
import { AsyncBoundary } from '../../components/states';
import { ActionView } from './action-view';
import '../../styles/actions.css';

export function ActionPage() {
  const params = useParams();
  const id = () => (/^[1-9]\d{0,15}$/.test(params.id ?? '') ? Number(params.id) : null);
  const action = createAsync(async () => {
    const valid = id();
    return valid === null ? undefined : getAction(valid);
  });
  return (
    <section class="page tracking-page action-page">
      <ActionsNav />
      <Show when={id() !== null} fallback={<ActionNotFound />}>
        <AsyncBoundary loadingLabel="در حال بارگذاری اقدام…" notFound={<ActionNotFound />}>
          <Show when={action()}>{(loaded) => <ActionView action={loaded()} />}</Show>
        </AsyncBoundary>
      </Show>
    </section>
  );
}

function ActionNotFound() {
  usePageTitle(() => 'اقدام پیدا نشد');
  return (
    <div class="state-page">
      <h1>اقدام پیدا نشد</h1>
      <p>
        اقدامی با این نشانی نیست. <A href="/actions">بازگشت به اقدام‌ها</A>
      </p>
    </div>
  );
}
