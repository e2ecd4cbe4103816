/** @module Step 1 of «نشست جدید»: the source (pasted text or a file) and the session's facts; a document is read as a job whose pages are counted aloud. */
import { createSignal, For, onCleanup } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { createImport, getImportJob, isImportJob, type ImportFields, type ImportJob } from '../../api/imports';
import { useKeptDraft } from '../../components/kept-draft';
import { FilePicker } from '../../components/file-picker';
import { usePageTitle } from '../../components/page-title';
import { formErrorText } from '../../lib/api-error-text';
import { DATE_EXAMPLE, readTypedDate } from '../../lib/typed-numbers';
import { SESSION_KINDS, sessionKindLabel } from '../../lib/labels';
import { toPersianDigits } from '../../lib/persian-digits';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

/**
 * Send the form's source and facts; a document comes back as a job that `follow` waits for. The
 * result is the new draft's slug (null when the page was left before the job finished).
 */
const importWrite = writeAction('import-new', async (form: FormData, follow: (job: ImportJob) => Promise<string | null>) => {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const upload = form.get('file');
  const file = upload instanceof File && upload.size > 0 ? upload : undefined;
  const text = String(form.get('text') ?? '');
  if (!file && text.trim() === '') refuse('متن نشست را بچسبانید یا پرونده‌ای برگزینید.');
  const heldOn = readTypedDate(value('heldOn'), 'تاریخ نشست');
  if (!heldOn.ok) refuse(heldOn.error);
  const fields: ImportFields = { text };
  if (value('title')) fields.title = value('title');
  if (heldOn.value) fields.heldOn = heldOn.value;
  const kind = SESSION_KINDS.find((k) => k === value('kind'));
  if (kind) fields.kind = kind;
  if (value('mediaUrl')) fields.mediaUrl = value('mediaUrl');
  const created = await createImport(fields, file);
  return { slug: isImportJob(created) ? await follow(created) : created.slug };
});

/** Step 1: the source and the session's facts. */
export function NewImportForm() {
  usePageTitle(() => 'نشست جدید');
  const navigate = useNavigate();
  const importing = useWrite(importWrite);
  // Pasted text survives a session that expired before «بررسی متن» (a chosen file cannot be kept).
  const [restored, setRestored] = createSignal('');
  const keepDraft = useKeptDraft(() => setRestored('متنی که پیش از پایان نشست نوشته بودید برگردانده شد؛ اگر پرونده‌ای برگزیده بودید، دوباره برگزینید.'));
  // The error line: the restored-text note until the form is sent, then how the sending failed.
  const errorText = () => {
    if (!importing.submission.input) return restored();
    const failure: unknown = importing.submission.error;
    if (failure === undefined) return '';
    // With the reason the server gave per field (a text over the length limit), not only «درخواست نامعتبر است.».
    return typeof failure === 'string' ? failure : formErrorText(failure);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    setProgress(null);
    const created = await importing.send(new FormData(event.currentTarget), followJob);
    setProgress(null);
    if (created?.slug) navigate(`/imports/${encodeURIComponent(created.slug)}`);
  };

  // A document is read off the server's request loop: follow its job, showing page k of n.
  const [progress, setProgress] = createSignal<ImportJob | null>(null);
  let stopped = false;
  onCleanup(() => {
    stopped = true;
  });
  const followJob = async (started: ImportJob): Promise<string | null> => {
    let job = started;
    while (!stopped && (job.state === 'queued' || job.state === 'running')) {
      setProgress(job);
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await getImportJob(job.id);
    }
    if (job.state === 'failed') refuse(job.error?.message ?? 'پرونده خوانده نشد.');
    return job.slug;
  };

  return (
    <section class="page import-page" aria-labelledby="import-heading">
      <header class="page-header">
        <h1 id="import-heading">نشست جدید</h1>
        <p class="page-lead">
          متن خبر یا گزارش نشست را بچسبانید، یا پرونده‌ی PDF، Word، تصویر اسکن‌شده، متن، مارک‌داون یا زیرنویس (VTT و SRT) را بارگذاری کنید. متن بازسازی می‌شود و
          رهنمودها برای بررسی شما پیشنهاد می‌شوند؛ تا انتشار، نشست به کسی نشان داده نمی‌شود. <A href="/imports">پیش‌نویس‌ها</A>
        </p>
      </header>
      <form class="import-form" data-keep="new-import" ref={keepDraft} onSubmit={submit} aria-describedby="import-error" novalidate>
        <div class="field">
          <label for="import-text">متن نشست</label>
          <textarea id="import-text" name="text" rows="12" dir="rtl" placeholder="متن را این‌جا بچسبانید…" />
        </div>
        <div class="field">
          <FilePicker
            id="import-file"
            name="file"
            label="یا پرونده (PDF، Word ‎.docx، تصویر ‎.png/‎.jpg تا ۱۵ مگابایت؛ ‎.txt، ‎.md، ‎.vtt، ‎.srt تا ۲ مگابایت)"
            accept=".pdf,.docx,.png,.jpg,.jpeg,.txt,.md,.vtt,.srt,application/pdf,image/png,image/jpeg,text/plain,text/markdown,text/vtt"
          />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="import-title">عنوان (اختیاری)</label>
            <input id="import-title" name="title" type="text" maxLength={500} />
          </div>
          <div class="field">
            <label for="import-date">تاریخ نشست (شمسی)</label>
            <input id="import-date" name="heldOn" type="text" inputMode="numeric" autocomplete="off" aria-describedby="import-date-hint" />
            <span id="import-date-hint" class="field-hint">
              سال/ماه/روز، مانند {DATE_EXAMPLE}. مهلت‌ها («دو هفته»، «سه ماه آینده») از این تاریخ حساب می‌شوند.
            </span>
          </div>
          <div class="field">
            <label for="import-kind">نوع</label>
            <select id="import-kind" name="kind">
              <option value="">خودکار</option>
              <For each={SESSION_KINDS}>{(kind) => <option value={kind}>{sessionKindLabel(kind)}</option>}</For>
            </select>
          </div>
        </div>
        <div class="field">
          <label for="import-media">پیوند فایل صوتی یا تصویری (اختیاری)</label>
          <input id="import-media" name="mediaUrl" type="url" dir="ltr" placeholder="https://…" />
        </div>
        <p id="import-error" class="form-error" role="alert">
          {errorText()}
        </p>
        <p class="import-progress" role="status" aria-live="polite">
          {progress() ? jobProgressText(progress() as ImportJob) : ''}
        </p>
        <button type="submit" class="button" disabled={importing.submission.pending === true}>
          {importing.submission.pending ? 'در حال بررسی متن…' : 'بررسی متن و پیشنهاد رهنمودها'}
        </button>
      </form>
    </section>
  );
}

/** «در حال نویسه‌خوانی: صفحهٔ ۳ از ۱۰» for a job's stage. */
function jobProgressText(job: ImportJob): string {
  const pages = job.total > 0 ? `: صفحهٔ ${toPersianDigits(Math.min(job.done + 1, job.total))} از ${toPersianDigits(job.total)}` : '';
  if (job.stage === 'queued') return `«${job.fileName}» در نوبت خواندن است…`;
  if (job.stage === 'reading') return `در حال خواندن PDF${pages}`;
  if (job.stage === 'ocr') return `در حال نویسه‌خوانی تصویر${pages}`;
  if (job.stage === 'extracting') return 'در حال بازسازی متن و یافتن رهنمودها…';
  return '';
}
