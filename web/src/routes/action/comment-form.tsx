/** @module A message in the action's discussion, or a reply to one. */
import { Show } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { postComment } from '../../api/actions';
import { FormError } from '../../components/form-error';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

/** A message in the action's discussion, or a reply to one (`replyTo`); the key makes a retried click store it once. */
const commentWrite = writeAction('action-comment', async (actionId: number, replyTo: number | null, note: string, idempotencyKey: string) => {
  if (!note) refuse('متن پیام را بنویسید.');
  return postComment(actionId, { note, replyTo: replyTo ?? undefined }, idempotencyKey);
});

/** A message in the action's discussion, or a reply to one; no version needed (it overwrites nothing). */
export function CommentForm(props: { action: ActionDetail; replyTo: number | null; onDone: () => void }) {
  // The top form and each reply form show only their own submission.
  const comment = useWrite(commentWrite, ([actionId, replyTo]) => actionId === props.action.id && replyTo === props.replyTo);
  let idempotencyKey = crypto.randomUUID();
  const fieldId = () => (props.replyTo === null ? 'comment-note' : `reply-note-${props.replyTo}`);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!(formElement instanceof HTMLFormElement)) return;
    const note = String(new FormData(formElement).get('note') ?? '').trim();
    if (await comment.send(props.action.id, props.replyTo, note, idempotencyKey)) {
      idempotencyKey = crypto.randomUUID();
      formElement.reset();
      props.onDone();
    }
  };
  return (
    <form class="stacked-form comment-form" onSubmit={(e) => void submit(e)} novalidate>
      <label for={fieldId()}>{props.replyTo === null ? 'پیام به ستاد یا واحد (پرسش، توضیح)' : 'پاسخ شما'}</label>
      <textarea id={fieldId()} name="note" rows="2" maxlength="4000" />
      <FormError error={comment.submission.error} />
      <div class="button-row">
        <button type="submit" class="button button-quiet" disabled={comment.submission.pending === true}>
          {comment.submission.pending ? 'در حال فرستادن…' : props.replyTo === null ? 'فرستادن پیام' : 'فرستادن پاسخ'}
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
