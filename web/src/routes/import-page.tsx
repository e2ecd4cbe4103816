/**
 * @module «نشست جدید»: paste a write-up or upload a transcript (/imports/new), then review the
 * draft (/imports/:slug): the repaired text with repairs marked and suggested directives
 * highlighted in place, each suggestion's cues, assignee, recipient and Jalali deadline to
 * edit, confirm or reject; mark a missed directive by selecting text; publish.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
import {
  addSuggestion,
  createImport,
  getImport,
  getImportJob,
  isImportJob,
  publishImport,
  updateSuggestion,
  type ImportDraft,
  type ImportFields,
  type ImportJob,
  type ImportSuggestion,
  type SuggestionPatch,
} from '../api/imports';
import { publishedState } from '../components/publish-summary';
import { FormError } from '../components/form-error';
import { useKeptDraft } from '../components/kept-draft';
import { RoleGate } from '../components/role-gate';
import { UnitPicker } from '../components/unit-picker';
import { FilePicker } from '../components/file-picker';
import { SourceDocument } from '../components/source-document';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary, describeError } from '../components/states';
import { excerpt } from '../lib/excerpt';
import { reviewPieces } from '../lib/import-segments';
import { jalaliFieldValue } from '../lib/jalali-input';
import { DATE_EXAMPLE, readTypedDate } from '../lib/typed-numbers';
import { formatJalaliDate } from '../lib/jalali-date';
import { DIRECTIVE_KINDS, directiveKindLabel, SESSION_KINDS, sessionKindLabel } from '../lib/labels';
import { countOf, formatMediaTime, toPersianDigits } from '../lib/persian-digits';
import '../styles/imports.css';

/** Repairs that changed words, underlined in the text; the rest (joined lines) are only listed. */
const MARKED_REPAIRS: ReadonlySet<string> = new Set(['reversed-line', 'entity', 'soft-hyphen', 'duplicate-paragraph']);

const REVIEW_LABELS: Record<ImportSuggestion['review'], string> = { pending: 'بررسی نشده', confirmed: 'تأیید شده', rejected: 'رد شده' };

export function ImportPage() {
  const params = useParams();
  return (
    <Show
      when={params.slug}
      fallback={
        <RoleGate roles={['manager', 'admin']}>
          <NewImportForm />
        </RoleGate>
      }
    >
      {(slug) => <DraftLoader slug={slug()} />}
    </Show>
  );
}

/** Step 1: the source and the session's facts. */
function NewImportForm() {
  usePageTitle(() => 'نشست جدید');
  const navigate = useNavigate();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // Pasted text survives a session that expired before «بررسی متن» (a chosen file cannot be kept).
  const keepDraft = useKeptDraft(() => setError('متنی که پیش از پایان نشست نوشته بودید برگردانده شد؛ اگر پرونده‌ای برگزیده بودید، دوباره برگزینید.'));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const upload = form.get('file');
    const file = upload instanceof File && upload.size > 0 ? upload : undefined;
    const text = String(form.get('text') ?? '');
    setError(null);
    if (!file && text.trim() === '') return setError('متن نشست را بچسبانید یا پرونده‌ای برگزینید.');
    const heldOn = readTypedDate(value('heldOn'), 'تاریخ نشست');
    if (!heldOn.ok) return setError(heldOn.error);
    const fields: ImportFields = { text };
    if (value('title')) fields.title = value('title');
    if (heldOn.value) fields.heldOn = heldOn.value;
    const kind = SESSION_KINDS.find((k) => k === value('kind'));
    if (kind) fields.kind = kind;
    if (value('mediaUrl')) fields.mediaUrl = value('mediaUrl');
    setBusy(true);
    setProgress(null);
    try {
      const created = await createImport(fields, file);
      const slug = isImportJob(created) ? await followJob(created) : created.slug;
      if (slug) navigate(`/imports/${encodeURIComponent(slug)}`);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
      setProgress(null);
    }
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
    if (job.state === 'failed') {
      setError(job.error?.message ?? 'پرونده خوانده نشد.');
      return null;
    }
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
          {error() ?? ''}
        </p>
        <p class="import-progress" role="status" aria-live="polite">
          {progress() ? jobProgressText(progress() as ImportJob) : ''}
        </p>
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? 'در حال بررسی متن…' : 'بررسی متن و پیشنهاد رهنمودها'}
        </button>
      </form>
    </section>
  );
}

const OCR_DOUBT = 'low-confidence';

/** A repair or a doubtful OCR word, as the transcript marks it. */
interface TextMark {
  kind: string;
  start: number | null;
  end: number | null;
  note: string;
}

function markClass(marks: readonly TextMark[]): string | undefined {
  const classes = [marks.some((m) => m.kind !== OCR_DOUBT) ? 'repair-mark' : '', marks.some((m) => m.kind === OCR_DOUBT) ? 'ocr-doubt' : ''].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
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

function DraftLoader(props: { slug: string }) {
  const loaded = createAsync(() => getImport(props.slug));
  return (
    <AsyncBoundary loadingLabel="در حال بارگذاری پیش‌نویس…">
      <Show when={loaded()}>{(draft) => <DraftReview initial={draft()} />}</Show>
    </AsyncBoundary>
  );
}

function recount(suggestions: ImportSuggestion[]): ImportDraft['counts'] {
  const n = (review: ImportSuggestion['review']) => suggestions.filter((s) => s.review === review).length;
  const pendingCandidates = suggestions.filter((s) => s.review === 'pending' && s.origin === 'candidate').length;
  return { pending: n('pending') - pendingCandidates, candidates: pendingCandidates, confirmed: n('confirmed'), rejected: n('rejected') };
}

/** A candidate under the threshold joins the suggestions once a reviewer confirms it. */
const inMainList = (s: ImportSuggestion) => s.origin !== 'candidate' || s.review === 'confirmed';
const candidateRank = (s: ImportSuggestion) => Number(s.anchor.replace(/^c/, '')) || 0;

/** Step 2: review and publish. */
function DraftReview(props: { initial: ImportDraft }) {
  const [draft, setDraft] = createSignal<ImportDraft>(props.initial);
  usePageTitle(() => `بررسی: ${draft().title}`);
  const navigate = useNavigate();
  const ordered = createMemo(() => draft().suggestions.filter(inMainList).sort((a, b) => a.start - b.start || a.id - b.id));
  const candidates = createMemo(() => draft().suggestions.filter((s) => !inMainList(s)).sort((a, b) => candidateRank(a) - candidateRank(b)));
  const numberOf = createMemo(() => new Map([...ordered(), ...candidates()].map((s, i) => [s.id, i + 1])));
  const shownRepairs = createMemo(() => draft().repairs.filter((r) => r.kind !== 'normalize'));
  // Marked in the text: repairs that changed words. Joined lines (a pasted article or a document has
  // one per printed line) are only counted, or every line would be underlined and the real repairs lost.
  const markedRepairs = createMemo(() => shownRepairs().filter((r) => MARKED_REPAIRS.has(r.kind)));
  const layoutRepairs = createMemo(() => shownRepairs().filter((r) => !MARKED_REPAIRS.has(r.kind)));
  // OCR words it was unsure of are marked like repairs, with their own look.
  const marks = createMemo((): TextMark[] => [
    ...markedRepairs(),
    ...(draft().document?.lowConfidence ?? []).map((w) => ({ kind: OCR_DOUBT, start: w.start, end: w.end, note: `نویسه‌خوان مطمئن نبود (اطمینان ${toPersianDigits(w.confidence)}٪)` })),
  ]);
  const pageOf = (index: number) => draft().document?.paragraphPages[index] ?? null;

  const replace = (updated: ImportSuggestion) => {
    const others = draft().suggestions.filter((s) => s.id !== updated.id);
    const suggestions = [...others, updated];
    setDraft({ ...draft(), suggestions, counts: recount(suggestions) });
  };

  // Selection → a span of the text, for «add a missed directive».
  let transcript: HTMLDivElement | undefined;
  const [selection, setSelection] = createSignal<{ start: number; end: number } | null>(null);
  const [addError, setAddError] = createSignal<string | null>(null);
  const onSelectionChange = () => setSelection(selectedSpan(transcript));
  onMount(() => document.addEventListener('selectionchange', onSelectionChange));
  onCleanup(() => document.removeEventListener('selectionchange', onSelectionChange));

  const addSelected = async () => {
    const span = selection();
    setAddError(null);
    if (!span) return setAddError('ابتدا بخشی از متن را با موس یا لمس انتخاب کنید.');
    try {
      const added = await addSuggestion(draft().slug, span);
      replace(added);
      window.getSelection()?.removeAllRanges();
      requestAnimationFrame(() => document.getElementById(`s-${added.id}`)?.focus());
    } catch (failure) {
      setAddError(describeError(failure));
    }
  };

  const [rejectRest, setRejectRest] = createSignal(false);
  // Confirmed suggestions with a unit: publishing assigns them (issue 14).
  const toAssign = () => draft().suggestions.filter((s) => s.review === 'confirmed' && s.assignee && s.kind !== 'policy');
  const [publishing, setPublishing] = createSignal(false);
  const [publishError, setPublishError] = createSignal<string | null>(null);
  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      const result = await publishImport(draft().slug, rejectRest());
      // The session page shows what publishing did (actions created, units not assigned and why).
      navigate(result.link, { state: publishedState(result) });
    } catch (failure) {
      setPublishError(describeError(failure));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <article class="page import-review" aria-labelledby="review-heading">
      <header class="page-header">
        <p class="eyebrow">
          <span class="kind-badge session-kind">{sessionKindLabel(draft().kind)}</span> پیش‌نویس نشست
        </p>
        <h1 id="review-heading">{draft().title}</h1>
        <p class="review-facts">
          <span>{draft().heldOn ? formatJalaliDate(draft().heldOn ?? '') : 'بی‌تاریخ (مهلت‌ها حساب نشدند)'}</span>
          <span>
            {countOf(draft().suggestions.length, 'رهنمود پیشنهادی')}: {toPersianDigits(draft().counts.confirmed)} تأییدشده،{' '}
            {toPersianDigits(draft().counts.rejected)} ردشده، {toPersianDigits(draft().counts.pending)} بررسی‌نشده
          </span>
        </p>
      </header>

      <Show when={draft().sameText.length > 0}>
        <div class="state state-notice duplicate-warning" role="alert">
          <p>همین متن پیش‌تر وارد شده است؛ پیش از انتشار نسخهٔ دوم، آن را ببینید:</p>
          <ul>
            <For each={draft().sameText}>
              {(other) => (
                <li>
                  <A href={other.link}>{other.title}</A> ({other.status === 'draft' ? 'پیش‌نویس' : 'منتشرشده'})
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <Show when={draft().status === 'published'}>
        <p class="state state-empty" role="status">
          این نشست منتشر شده است. <A href={`/sessions/${draft().slug}`}>دیدن نشست</A>
        </p>
      </Show>

      <div class="review-layout">
        <section class="review-text" aria-labelledby="review-text-heading">
          <h2 id="review-text-heading">متن بازسازی‌شده</h2>
          <p class="review-legend">
            <span class="suggestion-mark review-pending">رهنمود پیشنهادی</span> <span class="repair-mark">بخش اصلاح‌شده</span> (نشانگر را روی آن نگه دارید تا اصلاح را
            ببینید)
          </p>
          <div class="add-missed" role="group" aria-labelledby="add-missed-label">
            <span id="add-missed-label" class="visually-hidden">
              افزودن رهنمودی که پیشنهاد نشده
            </span>
            <button type="button" class="button button-quiet" onClick={addSelected} disabled={draft().status !== 'draft'}>
              افزودن رهنمود از متن انتخاب‌شده
            </button>
            <span class="field-hint" aria-live="polite">
              {selection() ? `انتخاب: «${excerpt(draft().text.slice(selection()?.start ?? 0, selection()?.end ?? 0), 8)}»` : 'جمله‌ای را در متن انتخاب کنید.'}
            </span>
            <FormError error={addError()} />
          </div>
          <Show when={draft().document}>{(document) => <SourceDocument document={document()} text={draft().text} />}</Show>
          <div class="review-transcript" ref={transcript}>
            <For each={draft().paragraphs}>
              {(paragraph, index) => (
                <p class="review-paragraph">
                  <Show when={pageOf(index())}>
                    {(page) => (
                      <span class="paragraph-page" title={`صفحهٔ ${toPersianDigits(page())} پرونده`}>
                        ص {toPersianDigits(page())}
                      </span>
                    )}
                  </Show>
                  <Show when={paragraph.speaker}>
                    <span class="passage-speaker">{paragraph.speaker}: </span>
                  </Show>
                  <Show when={typeof paragraph.mediaStartMs === 'number'}>
                    <span class="passage-time">{formatMediaTime(paragraph.mediaStartMs ?? 0)} </span>
                  </Show>
                  <For each={reviewPieces(paragraph, ordered().filter((s) => s.review !== 'rejected'), marks())}>
                    {(piece) => (
                      <Show
                        when={piece.suggestion}
                        fallback={
                          <span
                            data-start={piece.start}
                            class={markClass(piece.repairs)}
                            title={piece.repairs.length > 0 ? piece.repairs.map((r) => r.note).join('؛ ') : undefined}
                          >
                            {piece.text}
                          </span>
                        }
                      >
                        {(suggestion) => (
                          <mark
                            data-start={piece.start}
                            data-suggestion={suggestion().id}
                            class={`suggestion-mark kind-${suggestion().kind} review-${suggestion().review} ${markClass(piece.repairs) ?? ''}`.trim()}
                            title={[`رهنمود ${toPersianDigits(numberOf().get(suggestion().id) ?? 0)}`, ...piece.repairs.map((r) => r.note)].join('؛ ')}
                          >
                            {piece.text}
                          </mark>
                        )}
                      </Show>
                    )}
                  </For>
                </p>
              )}
            </For>
          </div>
          <Show when={shownRepairs().length > 0}>
            <details class="repair-list">
              <summary>{countOf(shownRepairs().length, 'اصلاح')} در متن انجام شد</summary>
              <ul>
                <For each={markedRepairs()}>
                  {(repair) => (
                    <li>
                      سطر {toPersianDigits(repair.line)}: {toPersianDigits(repair.note)}
                      <Show when={repair.kind === 'reversed-line'}>
                        <span class="repair-before">
                          {' '}
                          (پیش از این: «{excerpt(repair.before, 10)}»)
                        </span>
                      </Show>
                    </li>
                  )}
                </For>
                <Show when={layoutRepairs().length > 0}>
                  <li>{countOf(layoutRepairs().length, 'سطر شکسته')} به جمله‌ی پیش از خود پیوسته شد (در متن نشانه‌گذاری نشده است).</li>
                </Show>
              </ul>
            </details>
          </Show>
        </section>

        <section class="review-suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">رهنمودهای پیشنهادی</h2>
          <Show when={ordered().length > 0} fallback={<p>رهنمودی پیدا نشد؛ اگر رهنمودی در متن هست، آن را انتخاب کنید و بیفزایید.</p>}>
            <ol class="suggestion-list">
              <For each={ordered()}>
                {(suggestion) => (
                  <SuggestionCard
                    suggestion={suggestion}
                    number={numberOf().get(suggestion.id) ?? 0}
                    draft={draft()}
                    onChange={replace}
                  />
                )}
              </For>
            </ol>
          </Show>
          <Show when={candidates().length > 0}>
            <details class="candidate-list">
              <summary>
                {countOf(candidates().length, 'رهنمود احتمالی دیگر')}
                <span class="field-hint"> — جمله‌هایی که امتیازشان به آستانهٔ پیشنهاد نرسید، به ترتیب احتمال</span>
              </summary>
              <ol class="suggestion-list">
                <For each={candidates()}>
                  {(suggestion) => (
                    <SuggestionCard suggestion={suggestion} number={numberOf().get(suggestion.id) ?? 0} draft={draft()} onChange={replace} />
                  )}
                </For>
              </ol>
            </details>
          </Show>
        </section>
      </div>

      <Show when={draft().status === 'draft'}>
        <section class="publish-box" aria-labelledby="publish-heading">
          <h2 id="publish-heading">انتشار</h2>
          <p>
            با انتشار، نشست و {countOf(draft().counts.confirmed, 'رهنمود تأییدشده')} برای همه دیده می‌شود و در جست‌وجو می‌آید؛ رهنمودهای ردشده منتشر نمی‌شوند.
          </p>
          <Show when={toAssign().length > 0}>
            <p class="publish-assign">
              {countOf(toAssign().length, 'رهنمود')} همان دم به واحدی که برگزیده‌اید سپرده می‌شود و اقدامش ساخته می‌شود
              {toAssign().some((s) => !s.due) ? '؛ رهنمودِ بی‌مهلت واگذار نمی‌شود تا مهلتش را بنویسید.' : '.'}
            </p>
          </Show>
          <Show when={draft().counts.pending > 0}>
            <div class="field-check">
              <input id="reject-rest" type="checkbox" checked={rejectRest()} onChange={(e) => setRejectRest(e.currentTarget.checked)} />
              <label for="reject-rest">{countOf(draft().counts.pending, 'رهنمود بررسی‌نشده')} رد شوند</label>
            </div>
          </Show>
          <FormError error={publishError()} />
          <button type="button" class="button" onClick={publish} disabled={publishing() || (draft().counts.pending > 0 && !rejectRest())}>
            {publishing() ? 'در حال انتشار…' : 'انتشار نشست'}
          </button>
        </section>
      </Show>
    </article>
  );
}

/** One suggestion: why it was suggested, its fields, confirm and reject. */
function SuggestionCard(props: { suggestion: ImportSuggestion; number: number; draft: ImportDraft; onChange: (s: ImportSuggestion) => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const id = () => `s-${props.suggestion.id}`;
  const editable = () => props.draft.status === 'draft';

  const save = async (patch: SuggestionPatch) => {
    setError(null);
    setSaving(true);
    try {
      props.onChange(await updateSuggestion(props.draft.slug, props.suggestion.id, patch));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  const onDue = (value: string) => {
    const typed = value.trim();
    if (typed === '') return void save({ due: null });
    const due = readTypedDate(typed, 'مهلت');
    if (!due.ok) return setError(due.error);
    void save({ due: due.value });
  };

  return (
    <li id={id()} tabIndex={-1} class={`suggestion-card review-${props.suggestion.review}`} aria-labelledby={`${id()}-title`}>
      <h3 id={`${id()}-title`} class="suggestion-title">
        <span>رهنمود {toPersianDigits(props.number)}</span>
        <span class={`kind-badge kind-${props.suggestion.kind}`}>{directiveKindLabel(props.suggestion.kind)}</span>
        <span class={`review-badge review-${props.suggestion.review}`}>{REVIEW_LABELS[props.suggestion.review]}</span>
        <Show when={props.suggestion.origin === 'added'}>
          <span class="review-badge">افزوده‌ی بازبین</span>
        </Show>
        <Show when={props.suggestion.origin === 'candidate'}>
          <span class="review-badge">احتمالی</span>
        </Show>
      </h3>
      <blockquote class="suggestion-quote">{props.suggestion.quote}</blockquote>
      <Show when={props.suggestion.speaker}>
        <p class="suggestion-speaker">گوینده: {props.suggestion.speaker}</p>
      </Show>
      <div class="suggestion-cues">
        <span class="fact-label">چرا پیشنهاد شد:</span>
        <ul class="chip-list" aria-label="نشانه‌های رهنمود">
          <For each={props.suggestion.cues}>
            {(cue) => <li class={`chip ${cue.weight < 0 ? 'cue-against' : 'cue-for'}`}>{cue.weight < 0 ? `− ${cue.label}` : cue.label}</li>}
          </For>
        </ul>
      </div>
      <div class="suggestion-fields">
        <div class="field">
          <label for={`${id()}-kind`}>نوع</label>
          <select id={`${id()}-kind`} disabled={!editable()} onChange={(e) => void save({ kind: DIRECTIVE_KINDS.find((k) => k === e.currentTarget.value) })}>
            <For each={DIRECTIVE_KINDS}>
              {(kind) => (
                <option value={kind} selected={kind === props.suggestion.kind}>
                  {directiveKindLabel(kind)}
                </option>
              )}
            </For>
          </select>
        </div>
        <UnitPicker
          id={`${id()}-assignee`}
          label="واحد مسئول"
          value={props.suggestion.assignee?.code ?? ''}
          units={props.draft.units}
          disabled={!editable()}
          onChange={(code) => void save({ assignee: code })}
        />
        <UnitPicker
          id={`${id()}-recipient`}
          label="گیرنده"
          value={props.suggestion.recipient?.code ?? ''}
          units={props.draft.units}
          disabled={!editable()}
          onChange={(code) => void save({ recipient: code })}
        />
        <div class="field">
          <label for={`${id()}-due`}>مهلت (شمسی)</label>
          <input
            id={`${id()}-due`}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={jalaliFieldValue(props.suggestion.due)}
            disabled={!editable()}
            aria-describedby={props.suggestion.dueRule ? `${id()}-rule` : `${id()}-due-hint`}
            onChange={(e) => onDue(e.currentTarget.value)}
          />
          <Show
            when={props.suggestion.dueRule}
            fallback={
              <span id={`${id()}-due-hint`} class="field-hint">
                {props.suggestion.due ? 'سال/ماه/روز' : 'متن مهلتی نگفته است؛ اگر لازم است بنویسید.'}
              </span>
            }
          >
            <span id={`${id()}-rule`} class="field-hint">
              از متن: «{props.suggestion.dueRule}»
            </span>
          </Show>
        </div>
      </div>
      <Show when={props.suggestion.refs.length > 0}>
        <p class="suggestion-refs">ارجاع: {props.suggestion.refs.join('، ')}</p>
      </Show>
      <FormError error={error()} />
      <div class="suggestion-actions">
        <button
          type="button"
          class="button"
          aria-pressed={props.suggestion.review === 'confirmed'}
          disabled={!editable() || saving()}
          onClick={() => void save({ review: props.suggestion.review === 'confirmed' ? 'pending' : 'confirmed' })}
        >
          {props.suggestion.review === 'confirmed' ? 'تأیید شد ✓' : 'تأیید'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={props.suggestion.review === 'rejected'}
          disabled={!editable() || saving()}
          onClick={() => void save({ review: props.suggestion.review === 'rejected' ? 'pending' : 'rejected' })}
        >
          {props.suggestion.review === 'rejected' ? 'رد شد' : 'رد'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
      </div>
    </li>
  );
}

/** The span of the draft's text the user selected inside `root`, or null. */
function selectedSpan(root: HTMLElement | undefined): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = pointOffset(root, range.startContainer, range.startOffset);
  const b = pointOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The text offset of a DOM point inside a piece (`data-start` on the element, offset in its text node). */
function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    return piece ? Number(piece.dataset.start) + offset : null;
  }
  if (node instanceof HTMLElement) {
    // A point between children: the start of the child after it, or the end of the one before.
    const after = node.childNodes[offset];
    const before = node.childNodes[offset - 1];
    const start = (n: Node | undefined) => (n instanceof HTMLElement ? n.closest<HTMLElement>('[data-start]') ?? n.querySelector<HTMLElement>('[data-start]') : null);
    const next = start(after);
    if (next) return Number(next.dataset.start);
    const prev = start(before);
    if (prev) return Number(prev.dataset.start) + (prev.textContent ?? '').length;
  }
  return null;
}
