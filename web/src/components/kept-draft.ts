/** @module A form's ref that puts back what its user typed before their session expired (see lib/kept-drafts). */
import { createEffect, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { getMe } from '../api/auth';
import { restoreFormDraft } from '../lib/kept-drafts';

/**
 * Give the form `data-keep="name"` and this ref; `onRestored` runs once if text came back.
 *
 * @example
 * const keep = useKeptDraft(() => setNote('آنچه نوشته بودید برگردانده شد.'));
 * <form data-keep="update" ref={keep}>…</form>
 */
export function useKeptDraft(onRestored?: () => void): (form: HTMLFormElement) => void {
  const me = createAsync(() => getMe());
  const [form, setForm] = createSignal<HTMLFormElement>();
  let done = false;
  createEffect(() => {
    const element = form();
    const user = me();
    if (!element || !user || done) return;
    done = true;
    if (restoreFormDraft(element, user.id)) onRestored?.();
  });
  return setForm;
}
