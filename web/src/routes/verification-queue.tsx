/**
 * @module The managers' verification queue: each action awaiting verification with its latest
 * report and evidence, verified (closed) or returned with a reason in place.
 */
import { createSignal, For, Show } from 'solid-js';
import { A, createAsync, revalidate } from '@solidjs/router';
import type { ActionSummary } from '../api/action-types';
import { getAction, getVerificationQueue, takeTransition } from '../api/actions';
import { ProgressMeter } from '../components/action-badges';
import { ActionsNav } from '../components/actions-nav';
import { EvidenceList } from '../components/evidence-list';
import { FormError } from '../components/form-error';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, EmptyState } from '../components/states';
import { FOLLOW_UP_LABELS } from '../lib/action-labels';
import { useVersionedWrite, type VersionedGuard } from '../lib/use-versioned-write';
import { useWrite, writeAction } from '../lib/write-action';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { formatJalaliDateTime } from '../lib/jalali-datetime';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import '../styles/actions.css';

export function VerificationQueue() {
  usePageTitle(() => 'صف تأیید');
  const queue = createAsync(() => getVerificationQueue());
  return (
    <section class="page tracking-page" aria-labelledby="queue-heading">
      <ActionsNav />
      <h1 id="queue-heading">صف تأیید</h1>
      <p class="page-lead">اقدام‌هایی که واحدها برای بستن فرستاده‌اند، به ترتیب درخواست (قدیمی‌ترین نخست). پیش از تأیید، مستندها را ببینید.</p>
      <AsyncBoundary loadingLabel="در حال بارگذاری صف تأیید…">
        <Show when={queue()}>
          {(list) => (
            <>
              <p class="list-summary" role="status">
                {countOf(list().total, 'اقدام در انتظار تأیید')}
              </p>
              <Show when={list().items.length > 0} fallback={<EmptyState title="اقدامی در انتظار تأیید نیست." />}>
                <ol class="action-list queue-list">
                  <For each={list().items}>{(action) => <QueueItem action={action} />}</For>
                </ol>
              </Show>
            </>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}

type QueueStep = 'verify' | 'return';

/** Verify or return one action of the queue, with the version the queue showed. */
const queueStepWrite = writeAction('queue-step', async (guard: VersionedGuard, action: ActionSummary, transition: QueueStep, reason?: string) => {
  await guard(() => takeTransition(action.id, { version: action.version, transition, reason }));
  return transition;
});

function QueueItem(props: { action: ActionSummary }) {
  // The latest report and its evidence, so the manager sees what they are closing.
  const detail = createAsync(() => getAction(props.action.id).catch(() => undefined));
  const latest = () => detail()?.timeline.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
  const files = () => detail()?.timeline.flatMap((t) => t.files) ?? [];
  const [returning, setReturning] = createSignal(false);
  const headingId = () => `queue-${props.action.id}`;

  // A stale version (someone acted on it meanwhile) is said in place and the queue is fetched again.
  const { conflict, dismiss, guard } = useVersionedWrite(() => revalidate([getVerificationQueue.key, getAction.key]));
  const queueStep = useWrite(queueStepWrite, ([, action]) => action.id === props.action.id);
  const busy = () => queueStep.submission.pending === true;
  const shownError = () => {
    const current = conflict();
    return current ? `این اقدام در این فاصله تغییر کرد (اکنون نسخهٔ ${toPersianDigits(current.version)}). صف به‌روز شد؛ دوباره بررسی کنید.` : queueStep.submission.error;
  };
  const step = (transition: QueueStep, reason?: string) => {
    dismiss();
    void queueStep.send(guard, props.action, transition, reason);
  };

  return (
    <li class="action-card queue-item" aria-labelledby={headingId()}>
      <h2 class="action-card-title" id={headingId()}>
        <A href={`/actions/${props.action.id}`}>{props.action.unit.name}</A>
      </h2>
      <p class="action-card-quote">«{excerpt(props.action.directive.quote, 18)}»</p>
      <div class="action-card-facts">
        <ProgressMeter value={props.action.progress} label={`پیشرفت ${props.action.unit.name}`} />
        <span>
          مهلت: <Show when={props.action.dueOn} fallback="ندارد">{(d) => formatJalaliDate(d())}</Show>
        </span>
        <span>درخواست: {formatJalaliDateTime(props.action.updatedAt)}</span>
      </div>
      <Show when={latest()}>
        {(entry) => (
          <div class="queue-evidence">
            <p>
              <strong>{FOLLOW_UP_LABELS[entry().kind]}</strong> · {entry().author?.displayName ?? 'سامانه'}
              <Show when={entry().letterNumber}>
                {(letter) => (
                  <>
                    {' '}
                    · نامهٔ <bdi>{toPersianDigits(letter())}</bdi>
                    <Show when={entry().letterDate}>{(d) => <> مورخ {formatJalaliDate(d())}</>}</Show>
                  </>
                )}
              </Show>
            </p>
            <Show when={entry().note}>{(note) => <p class="timeline-note">{note()}</p>}</Show>
          </div>
        )}
      </Show>
      <EvidenceList files={files()} label={`مستندهای ${props.action.unit.name}`} />
      <div class="button-row">
        <button type="button" class="button" disabled={busy()} onClick={() => step('verify')}>
          تأیید و بستن
        </button>
        <button type="button" class="button button-quiet" aria-expanded={returning()} disabled={busy()} onClick={() => setReturning(!returning())}>
          بازگرداندن
        </button>
      </div>
      <Show when={returning()}>
        <form
          class="stacked-form"
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
            step('return', reason);
          }}
        >
          <label for={`return-reason-${props.action.id}`}>دلیل بازگرداندن (لازم)</label>
          <textarea id={`return-reason-${props.action.id}`} name="reason" required rows="2" maxlength="2000" />
          <button type="submit" class="button button-quiet" disabled={busy()}>
            بازگرداندن به واحد
          </button>
        </form>
      </Show>
      <FormError error={shownError()} />
    </li>
  );
}
