/** @module A message in the action's discussion, or a reply to one. */
import { createSignal, Show } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { postComment } from '../../api/actions';
import { FormError } from '../../components/form-error';

/** A message in the action's discussion, or a reply to one; no version needed (it overwrites nothing). */
export function CommentForm(props: { action: ActionDetail; replyTo: number | null; onDone: () => void }) {
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  let idempotencyKey = crypto.randomUUID();
  const fieldId = () => (props.replyTo === null ? 'comment-note' : `reply-note-${props.replyTo}`);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!(formElement instanceof HTMLFormElement)) return;
    const note = String(new FormData(formElement).get('note') ?? '').trim();
    if (!note) return setError(new Error('متن پیام را بنویسید.'));
    setBusy(true);
    setError(null);
    try {
      await postComment(props.action.id, { note, replyTo: props.replyTo ?? undefined }, idempotencyKey);
      idempotencyKey = crypto.randomUUID();
      formElement.reset();
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stacked-form comment-form" onSubmit={(e) => void submit(e)} novalidate>
      <label for={fieldId()}>{props.replyTo === null ? 'پیام به ستاد یا واحد (پرسش، توضیح)' : 'پاسخ شما'}</label>
      <textarea id={fieldId()} name="note" rows="2" maxlength="4000" />
      <FormError error={error()} />
      <div class="button-row">
        <button type="submit" class="button button-quiet" disabled={busy()}>
          {busy() ? 'در حال فرستادن…' : props.replyTo === null ? 'فرستادن پیام' : 'فرستادن پاسخ'}
        </button>
        <Show when={props.replyTo !== null}>
          <button type="button" class="button button-quiet" onClick={() => props.onDone()}>
            انصراف
          </button>
        </Show>
      </div>
    </form>
  );
}
