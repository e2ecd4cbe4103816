/**
 * @module Writes as router actions (`action()` of @solidjs/router): a form reads whether its write
 * is under way, how it failed and what it returned from `useSubmission(write)`, instead of keeping
 * busy, error and done signals of its own.
 */
import { onCleanup } from 'solid-js';
import { action, json, useAction, useSubmission, useSubmissions, type Action, type CustomResponse } from '@solidjs/router';

/** An API write as a router action: called with `A`, its submission's `result` is `R`. */
export type Write<A extends unknown[], R> = Action<A, CustomResponse<R>>;

/**
 * An API write as an action named `name`. The API modules refresh the queries each write changes,
 * so the router's own refresh after an action (every query in the cache) is turned off. `write`
 * must not resolve to null or undefined: the router drops such a submission as if it never was.
 *
 * @example
 * const publish = writeAction('publish-import', (slug: string, rejectRest: boolean) => publishImport(slug, rejectRest));
 * const submission = useSubmission(publish); // .pending, .error, .result
 */
export function writeAction<A extends unknown[], R extends object | string | number | boolean>(name: string, write: (...args: A) => Promise<R>): Write<A, R> {
  return action(async (...args: A) => json(await write(...args), { revalidate: [] }), name);
}

/**
 * Stop a write before it is sent, with a check the page made itself: the submission's error is
 * these words, which `FormError` shows as they are.
 *
 * @example
 * if (!note) refuse('متن پیام را بنویسید.');
 */
export function refuse(message: string): never {
  throw message;
}

/**
 * A write as a form uses it: `submission` (the latest: `.pending`, `.error`, `.result`), `send`,
 * which first clears the earlier submissions (so an old error or result never shows again) and
 * never rejects (a failure is the submission's `error`; `send` then resolves to undefined), and
 * `clear` (also run when the form goes away). `filter` picks this form's submissions when several forms share the write (by its arguments).
 *
 * @example
 * const comment = useWrite(commentWrite, ([, replyTo]) => replyTo === props.replyTo);
 * if (await comment.send(id, replyTo, note)) form.reset();
 * <button disabled={comment.submission.pending}>…</button> <FormError error={comment.submission.error} />
 */
export function useWrite<A extends unknown[], R>(write: Write<A, R>, filter?: (args: A) => boolean) {
  const submissions = useSubmissions(write, filter);
  const submission = useSubmission(write, filter);
  // The router types the call through `Parameters<Action<…>>`, which TypeScript cannot reduce for a generic A.
  const call = useAction(write) as unknown as (...args: A) => Promise<R>;
  const clear = () => {
    for (const old of [...submissions]) old.clear();
  };
  const send = (...args: A): Promise<R | undefined> => {
    clear();
    return call(...args).catch(() => undefined);
  };
  // Like signals of the form's own, what it showed goes with it.
  onCleanup(clear);
  return { submission, send, clear };
}
