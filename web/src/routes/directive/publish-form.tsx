/** @module Managers publish a directive that is not yet published, with its Jalali deadline. */
import type { DirectiveRollup } from '../../api/action-types';
import { publishDirective } from '../../api/directives';
import { FormError } from '../../components/form-error';
import { jalaliInputValue } from '../../lib/jalali-datetime';
import { DATE_EXAMPLE, readTypedDate } from '../../lib/typed-numbers';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

/** Publish a directive with the deadline typed in the form (empty: its own). */
const publishWrite = writeAction('directive-publish', async (directiveId: number, form: FormData) => {
  const dueOn = readTypedDate(String(form.get('dueOn') ?? ''), 'مهلت');
  if (!dueOn.ok) refuse(dueOn.error);
  return publishDirective(directiveId, dueOn.value ?? undefined);
});

export function PublishForm(props: { rollup: DirectiveRollup }) {
  const publish = useWrite(publishWrite);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // A second submit before the first answers would be a stale write (409) or a second copy.
    if (!(event.currentTarget instanceof HTMLFormElement) || publish.submission.pending === true) return;
    void publish.send(props.rollup.directive.id, new FormData(event.currentTarget));
  };
  return (
    <section class="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">انتشار رهنمود</h2>
      <form class="stacked-form" onSubmit={submit}>
        <label for="publish-due">مهلت (شمسی)</label>
        <input id="publish-due" name="dueOn" inputmode="numeric" autocomplete="off" value={jalaliInputValue(props.rollup.directive.dueOnJalali)} aria-describedby="publish-due-hint" />
        <span id="publish-due-hint" class="field-hint">
          سال/ماه/روز، مانند {DATE_EXAMPLE}
        </span>
        <FormError error={publish.submission.error} />
        <button type="submit" class="button" disabled={publish.submission.pending === true}>
          انتشار
        </button>
      </form>
    </section>
  );
}
