/**
 * @module Unsent form text kept across an expired sign-in: the forms of the page that opted in
 * (`data-keep="name"`) are saved to session storage, keyed by user, page and form, when the
 * server says the session ended, and put back once the same user is signed in on that page.
 */

const PREFIX = 'neshast:draft:';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function draftKey(userId: number, path: string, form: string): string {
  return `${PREFIX}${userId}:${path}:${form}`;
}

/** Fields worth keeping: what a person typed or chose, never a password or a file. */
function keptFields(form: HTMLFormElement): Field[] {
  return [...form.elements].filter(
    (el): el is Field =>
      (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['password', 'file', 'hidden', 'submit', 'button'].includes(el.type))) &&
      el.name !== '',
  );
}

/**
 * Save every opted-in form of the page that holds something typed.
 *
 * @example
 * keepFormDrafts(me.id); // before going to the sign-in page
 */
export function keepFormDrafts(userId: number, root: ParentNode = document): void {
  const path = window.location.pathname;
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-keep]')) {
    const values: Record<string, string | boolean> = {};
    let typed = false;
    for (const field of keptFields(form)) {
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
        values[field.name] = field.checked;
      } else {
        values[field.name] = field.value;
        if (field.value.trim() !== '' && !(field instanceof HTMLSelectElement)) typed = true;
      }
    }
    if (typed) {
      try {
        sessionStorage.setItem(draftKey(userId, path, form.dataset.keep ?? ''), JSON.stringify(values));
      } catch {
        // Storage full or refused: nothing more can be done without a server.
      }
    }
  }
}

/**
 * Put back (once) what was kept for this user, page and form; true when something was restored.
 *
 * @example
 * restoreFormDraft(formElement, me.id);
 */
export function restoreFormDraft(form: HTMLFormElement, userId: number): boolean {
  const key = draftKey(userId, window.location.pathname, form.dataset.keep ?? '');
  const saved = sessionStorage.getItem(key);
  if (!saved) return false;
  sessionStorage.removeItem(key);
  let values: unknown;
  try {
    values = JSON.parse(saved);
  } catch {
    return false;
  }
  if (typeof values !== 'object' || values === null) return false;
  const record = new Map(Object.entries(values));
  for (const field of keptFields(form)) {
    const value = record.get(field.name);
    if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) field.checked = value === true;
    else if (typeof value === 'string') field.value = value;
  }
  return true;
}
