/** @module The progress update on an action: note, percentage, letter number and Jalali date, files, request verification. */
import { createSignal, Show } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { postFollowUp } from '../../api/actions';
import { FilePicker } from '../../components/file-picker';
import { useKeptDraft } from '../../components/kept-draft';
import { FormError } from '../../components/form-error';
import { toPersianDigits } from '../../lib/persian-digits';
import { DATE_EXAMPLE, readPercent, readTypedDate } from '../../lib/typed-numbers';
import type { VersionedGuard } from '../../lib/use-versioned-write';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf,image/*';

/**
 * A progress update read from its form; the result is what the form says after it ('' when the
 * server refused a stale version). The idempotency key makes a retried click store the update once.
 */
const updateWrite = writeAction('action-update', async (guard: VersionedGuard, action: ActionDetail, form: FormData, idempotencyKey: string) => {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const progress = readPercent(text('progress') ?? '');
  const letterDate = readTypedDate(text('letterDate') ?? '', 'تاریخ نامه');
  if (!progress.ok) refuse(progress.error);
  if (!letterDate.ok) refuse(letterDate.error);
  const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  const result = await guard(() =>
    postFollowUp(
      action.id,
      {
        // A note, letter or file alone is appended without the version (it cannot conflict);
        // a new percentage or a request for verification is checked against what the page showed.
        version: progress.value !== null || form.get('requestVerification') === 'on' ? action.version : undefined,
        note: text('note'),
        progress: progress.value ?? undefined,
        letterNumber: text('letterNumber'),
        letterDate: letterDate.value ?? undefined,
        requestVerification: form.get('requestVerification') === 'on',
        files,
      },
      idempotencyKey,
    ),
  );
  if (!result) return '';
  return result.status === 'awaiting_verification'
    ? 'گزارش ثبت شد و برای تأیید به ستاد فرستاده شد.'
    : `گزارش ثبت شد؛ پیشرفت اکنون ${toPersianDigits(result.progress)}٪ است.`;
});

/** The director's (or manager's) progress update: note, percentage, letter number and Jalali date, files, request verification. */
export function UpdateForm(props: { action: ActionDetail; guard: VersionedGuard }) {
  const update = useWrite(updateWrite);
  // One key per intended update: a retry of the same click is stored once; a new update gets a new key.
  let idempotencyKey = crypto.randomUUID();
  const canRequest = () => props.action.status === 'open' || props.action.status === 'in_progress';
  // What was typed before the session expired comes back once the same user is signed in again.
  const [restored, setRestored] = createSignal('');
  const keepRestored = useKeptDraft(() => setRestored('آنچه پیش از پایان نشست نوشته بودید برگردانده شد؛ بازبینی کنید و بفرستید.'));
  // Once an update is sent, the line says how it went (nothing while it is under way).
  const done = () => (update.submission.input ? update.submission.result ?? '' : restored());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!(formElement instanceof HTMLFormElement)) return;
    if (await update.send(props.guard, props.action, new FormData(formElement), idempotencyKey)) {
      formElement.reset();
      idempotencyKey = crypto.randomUUID();
    }
  };

  return (
    <section class="panel" aria-labelledby="update-heading">
      <h2 id="update-heading">گزارش پیشرفت</h2>
      <form class="stacked-form update-form" data-keep="update" ref={keepRestored} onSubmit={(e) => void submit(e)} novalidate>
        <label for="update-note">شرح کار انجام‌شده</label>
        <textarea id="update-note" name="note" rows="4" maxlength="10000" />
        <div class="form-grid">
          <div class="field">
            <label for="update-progress">درصد پیشرفت</label>
            {/* Text, not type=number: Chromium drops Persian digits typed into a number field. */}
            <input id="update-progress" name="progress" type="text" inputmode="numeric" autocomplete="off" aria-describedby="progress-hint" />
            <span id="progress-hint" class="field-hint">
              اکنون {toPersianDigits(props.action.progress)}٪؛ عددی از ۰ تا ۱۰۰
            </span>
          </div>
          <div class="field">
            <label for="update-letter-number">شمارهٔ نامه</label>
            <input id="update-letter-number" name="letterNumber" maxlength="100" />
          </div>
          <div class="field">
            <label for="update-letter-date">تاریخ نامه (شمسی)</label>
            <input id="update-letter-date" name="letterDate" inputmode="numeric" autocomplete="off" aria-describedby="letter-date-hint" />
            <span id="letter-date-hint" class="field-hint">
              سال/ماه/روز، مانند {DATE_EXAMPLE}
            </span>
          </div>
        </div>
        <FilePicker id="update-files" name="files" label="پرونده‌های مستند" hint="PDF، تصویر یا سند اداری؛ هر کدام تا ۲۰ مگابایت" multiple accept={ACCEPTED_FILES} />
        <Show when={canRequest()}>
          <div class="field-check">
            <input id="update-request-verification" name="requestVerification" type="checkbox" aria-describedby="request-hint" />
            <label for="update-request-verification">درخواست تأیید و بستن اقدام</label>
          </div>
          <p id="request-hint" class="field-hint">
            برای درخواست تأیید، مستندی (شمارهٔ نامه یا پرونده) لازم است.
          </p>
        </Show>
        <FormError error={update.submission.error} />
        <p class="form-status" role="status">
          {done()}
        </p>
        <button type="submit" class="button" disabled={update.submission.pending === true}>
          {update.submission.pending ? 'در حال ثبت…' : 'ثبت گزارش'}
        </button>
      </form>
    </section>
  );
}
