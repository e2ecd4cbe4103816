/** @module The action's allowed status steps as buttons; a step that needs a reason (or a second look) opens a small form first. */
import { createSignal, For, Show } from 'solid-js';
import type { ActionDetail, TransitionName } from '../../api/action-types';
import { takeTransition } from '../../api/actions';
import { FormError } from '../../components/form-error';
import { NEEDS_CONFIRMATION, REASON_REQUIRED, STATUS_LABELS, TRANSITION_LABELS } from '../../lib/action-labels';
import type { VersionedGuard } from '../../lib/use-versioned-write';
import { useWrite, writeAction } from '../../lib/write-action';

/** A status step; the result is what the panel says after it ('' when the server refused a stale version). */
const transitionWrite = writeAction('action-transition', async (guard: VersionedGuard, action: ActionDetail, transition: TransitionName, reason?: string) => {
  const result = await guard(() => takeTransition(action.id, { version: action.version, transition, reason: reason || undefined }));
  return result ? `انجام شد: ${TRANSITION_LABELS[transition]}. وضعیت اکنون «${STATUS_LABELS[result.status]}» است.` : '';
});

export function TransitionPanel(props: { action: ActionDetail; guard: VersionedGuard }) {
  const [pending, setPending] = createSignal<TransitionName | null>(null);
  const step = useWrite(transitionWrite);
  const busy = () => step.submission.pending === true;

  const run = async (transition: TransitionName, reason?: string) => {
    if (await step.send(props.guard, props.action, transition, reason)) setPending(null);
  };

  const choose = (transition: TransitionName) => {
    if (REASON_REQUIRED.has(transition) || NEEDS_CONFIRMATION.has(transition)) {
      setPending(transition);
      // The last step's error goes; its «انجام شد» line (there is none after an error) stays.
      if (step.submission.error) step.clear();
      requestAnimationFrame(() => document.getElementById('transition-reason')?.focus() ?? document.getElementById('transition-confirm')?.focus());
    } else void run(transition);
  };

  return (
    <section class="panel" aria-labelledby="transitions-heading">
      <h2 id="transitions-heading">تغییر وضعیت</h2>
      <div class="button-row">
        <For each={props.action.permissions.transitions}>
          {(transition) => (
            <button
              type="button"
              class={`button ${transition === 'verify' || transition === 'request_verification' ? '' : 'button-quiet'}`}
              aria-expanded={REASON_REQUIRED.has(transition) || NEEDS_CONFIRMATION.has(transition) ? pending() === transition : undefined}
              disabled={busy()}
              onClick={() => choose(transition)}
            >
              {TRANSITION_LABELS[transition]}
            </button>
          )}
        </For>
      </div>
      <Show when={pending()}>
        {(transition) => (
          <form
            class="stacked-form transition-form"
            onSubmit={(event) => {
              event.preventDefault();
              const reason = new FormData(event.currentTarget).get('reason');
              void run(transition(), typeof reason === 'string' ? reason.trim() : undefined);
            }}
          >
            <Show
              when={REASON_REQUIRED.has(transition())}
              fallback={<p>«{TRANSITION_LABELS[transition()]}» را تأیید می‌کنید؟</p>}
            >
              <label for="transition-reason">دلیل «{TRANSITION_LABELS[transition()]}» (لازم)</label>
              <textarea id="transition-reason" name="reason" required rows="3" maxlength="2000" />
            </Show>
            <div class="button-row">
              <button id="transition-confirm" type="submit" class="button" disabled={busy()}>
                {TRANSITION_LABELS[transition()]}
              </button>
              <button type="button" class="button button-quiet" onClick={() => setPending(null)}>
                انصراف
              </button>
            </div>
          </form>
        )}
      </Show>
      <FormError error={step.submission.error} />
      <p class="form-status" role="status">
        {step.submission.result ?? ''}
      </p>
    </section>
  );
}
