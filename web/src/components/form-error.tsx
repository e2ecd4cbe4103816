/** @module The error line under a form or a button row, announced to screen readers; nothing when there is no error. */
import { Show } from 'solid-js';
import { formErrorText } from '../lib/api-error-text';

/**
 * Show `error` as a `.form-error` alert: a string as it is (a check the page made itself),
 * anything else through `describe` (default: the server's message plus which fields were
 * refused and why).
 *
 * @example
 * <FormError error={error()} />
 * <FormError error={error()} describe={describeError} />
 */
export function FormError(props: { error: unknown; describe?: (error: unknown) => string }) {
  const text = (error: unknown) => (typeof error === 'string' ? error : (props.describe ?? formErrorText)(error));
  return (
    <Show when={props.error}>
      {(failure) => (
        <p class="form-error" role="alert">
          {text(failure())}
        </p>
      )}
    </Show>
  );
}
