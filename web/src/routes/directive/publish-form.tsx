/** @module Managers publish a directive that is not yet published, with its Jalali deadline. */
import { createSignal } from 'solid-js';
import type { DirectiveRollup } from '../../api/action-types';
import { publishDirective } from '../../api/directives';
import { FormError } from '../../components/form-error';
import { jalaliInputValue } from '../../lib/jalali-datetime';
import { DATE_EXAMPLE, readTypedDate } from '../../lib/typed-numbers';

export function PublishForm(props: { rollup: DirectiveRollup }) {
  const [error, setError] = createSignal<unknown>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const dueOn = readTypedDate(String(new FormData(event.currentTarget).get('dueOn') ?? ''), 'مهلت');
    setError(null);
    if (!dueOn.ok) return setError(dueOn.error);
    try {
      await publishDirective(props.rollup.directive.id, dueOn.value ?? undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">انتشار رهنمود</h2>
      <form class="stacked-form" onSubmit={(e) => void submit(e)}>
        <label for="publish-due">مهلت (شمسی)</label>
        <input id="publish-due" name="dueOn" inputmode="numeric" autocomplete="off" value={jalaliInputValue(props.rollup.directive.dueOnJalali)} aria-describedby="publish-due-hint" />
        <span id="publish-due-hint" class="field-hint">
          سال/ماه/روز، مانند {DATE_EXAMPLE}
        </span>
        <FormError error={error()} />
        <button type="submit" class="button">
          انتشار
        </button>
      </form>
    </section>
  );
}
