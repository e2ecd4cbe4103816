/**
 * @module One action: the directive quoted with a link to its place in the session, status and
 * due date, the allowed status steps, the update form (note, percentage, letter, files, request
 * verification), the timeline with evidence downloads, and the audit trail. A write based on a
 * stale version (409) shows what changed and keeps the form for the user to send again.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import type { ActionDetail, ActionSummary, TransitionName } from '../api/action-types';
import { changeAction, getAction, postComment, postFollowUp, takeTransition } from '../api/actions';
import { getUnits } from '../api/reports';
import { DueBadge, PriorityBadge, ProgressMeter, StatusBadge } from '../components/action-badges';
import { ActionsNav } from '../components/actions-nav';
import { EvidenceList } from '../components/evidence-list';
import { FilePicker } from '../components/file-picker';
import { useKeptDraft } from '../components/kept-draft';
import { FormError } from '../components/form-error';
import { usePageTitle } from '../components/page-title';
import { AsyncBoundary } from '../components/states';
import { FOLLOW_UP_LABELS, NEEDS_CONFIRMATION, PRIORITIES, PRIORITY_LABELS, REASON_REQUIRED, STATUS_LABELS, TRANSITION_LABELS } from '../lib/action-labels';
import { conflictCurrent } from '../lib/api-error-text';
import { auditChanges, auditEventLabel } from '../lib/audit-text';
import { formatJalaliDate, formatJalaliDateWithWeekday } from '../lib/jalali-date';
import { formatJalaliDateTime, jalaliInputValue } from '../lib/jalali-datetime';
import { excerpt } from '../lib/excerpt';
import { toPersianDigits } from '../lib/persian-digits';
import { DATE_EXAMPLE, readPercent, readTypedDate } from '../lib/typed-numbers';
import '../styles/actions.css';

export function ActionPage() {
  const params = useParams();
  const id = () => (/^[1-9]\d{0,15}$/.test(params.id ?? '') ? Number(params.id) : null);
  const action = createAsync(async () => {
    const valid = id();
    return valid === null ? undefined : getAction(valid);
  });
  return (
    <section class="page tracking-page action-page">
      <ActionsNav />
      <Show when={id() !== null} fallback={<ActionNotFound />}>
        <AsyncBoundary loadingLabel="در حال بارگذاری اقدام…" notFound={<ActionNotFound />}>
          <Show when={action()}>{(loaded) => <ActionView action={loaded()} />}</Show>
        </AsyncBoundary>
      </Show>
    </section>
  );
}

function ActionNotFound() {
  usePageTitle(() => 'اقدام پیدا نشد');
  return (
    <div class="state-page">
      <h1>اقدام پیدا نشد</h1>
      <p>
        اقدامی با این نشانی نیست. <A href="/actions">بازگشت به اقدام‌ها</A>
      </p>
    </div>
  );
}

/** The notice shown after a 409: the action as it is now; the form keeps what the user typed. */
function ConflictNotice(props: { current: ActionSummary; onDismiss: () => void }) {
  return (
    <div class="conflict-notice" role="alert">
      <p class="state-title">این اقدام در این فاصله تغییر کرده است و کار شما ثبت نشد.</p>
      <p>
        وضعیت اکنون: <strong>{STATUS_LABELS[props.current.status]}</strong>، پیشرفت {toPersianDigits(props.current.progress)}٪
        <Show when={props.current.statusReason}>{(reason) => <> (دلیل: {reason()})</>}</Show>. صفحه با وضعیت تازه به‌روز شد؛ آنچه
        نوشته بودید در فرم مانده است. بازبینی کنید و اگر هنوز لازم است دوباره بفرستید.
      </p>
      <button type="button" class="button button-quiet" onClick={() => props.onDismiss()}>
        دیدم
      </button>
    </div>
  );
}

function ActionView(props: { action: ActionDetail }) {
  // Headed with the task (the directive's words), not the unit: a director's units are all the same.
  const task = () => excerpt(props.action.directive.quote, 14);
  usePageTitle(() => task());
  const [conflict, setConflict] = createSignal<ActionSummary | null>(null);
  const units = createAsync(() => getUnits().catch(() => undefined));
  const unitName = createMemo(() => {
    const names = new Map((units()?.items ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? code;
  });
  /** Every write goes through here: a 409 becomes the conflict notice, anything else is the caller's to show. */
  const guard = async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await write();
      setConflict(null);
      return result;
    } catch (error) {
      const current = conflictCurrent(error);
      if (current) {
        setConflict(current);
        // Fetch the full action as it is now (the page shows the fresh state; the next send uses its version).
        await revalidate(getAction.key);
        return undefined;
      }
      throw error;
    }
  };

  return (
    <article aria-labelledby="action-title">
      <header class="page-header">
        <p class="eyebrow">
          <StatusBadge status={props.action.status} />
          <DueBadge state={props.action.dueState} daysLeft={props.action.daysLeft} />
          <PriorityBadge priority={props.action.priority} />
        </p>
        <h1 id="action-title" class="action-task">{task()}</h1>
        <figure class="directive-quote">
          <blockquote>
            <p>{props.action.directive.quote}</p>
          </blockquote>
          <figcaption>
            <Show when={props.action.directive.speaker}>{(speaker) => <span>{speaker()} · </span>}</Show>
            <A href={props.action.link}>دیدن این رهنمود در متن نشست «{props.action.session.title}»</A>
            {' · '}
            <A href={`/directives/${props.action.directive.id}`}>وضعیت همهٔ واحدها</A>
          </figcaption>
        </figure>
        <dl class="action-facts">
          <div>
            <dt>واحد</dt>
            <dd>{props.action.unit.name}</dd>
          </div>
          <div>
            <dt>وضعیت</dt>
            <dd>
              {STATUS_LABELS[props.action.status]}
              <Show when={props.action.statusReason}>{(reason) => <span class="status-reason"> (دلیل: {reason()})</span>}</Show>
            </dd>
          </div>
          <div>
            <dt>مهلت</dt>
            <dd>
              <Show when={props.action.dueOn} fallback="تعیین نشده">
                {(dueOn) => <time datetime={dueOn()}>{formatJalaliDateWithWeekday(dueOn())}</time>}
              </Show>
              <Show when={props.action.directive.dueRule}>{(rule) => <span class="due-rule"> («{rule()}»)</span>}</Show>
            </dd>
          </div>
          <div>
            <dt>پیشرفت</dt>
            <dd>
              <ProgressMeter value={props.action.progress} label="پیشرفت این اقدام" />
            </dd>
          </div>
          <Show when={props.action.recipient}>
            {(recipient) => (
              <div>
                <dt>گیرنده</dt>
                <dd>{recipient().name}</dd>
              </div>
            )}
          </Show>
          <div>
            <dt>واگذاری</dt>
            <dd>{formatJalaliDateTime(props.action.createdAt)}</dd>
          </div>
          <Show when={props.action.directive.refs.length > 0}>
            <div>
              <dt>مستند</dt>
              <dd>{props.action.directive.refs.join('، ')}</dd>
            </div>
          </Show>
        </dl>
      </header>

      <Show when={conflict()}>{(current) => <ConflictNotice current={current()} onDismiss={() => setConflict(null)} />}</Show>

      <Show when={props.action.permissions.transitions.length > 0}>
        <TransitionPanel action={props.action} guard={guard} />
      </Show>

      <Show when={props.action.permissions.canPostUpdate}>
        <UpdateForm action={props.action} guard={guard} />
      </Show>

      <Show when={props.action.permissions.canReassign}>
        <RescheduleForm action={props.action} guard={guard} />
      </Show>

      <Timeline action={props.action} />
      <AuditTrail action={props.action} unitName={unitName()} />
    </article>
  );
}

type Guard = <T>(write: () => Promise<T>) => Promise<T | undefined>;

/** The allowed steps as buttons; a step that needs a reason (or a second look) opens a small form first. */
function TransitionPanel(props: { action: ActionDetail; guard: Guard }) {
  const [pending, setPending] = createSignal<TransitionName | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');

  const run = async (transition: TransitionName, reason?: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const result = await props.guard(() => takeTransition(props.action.id, { version: props.action.version, transition, reason: reason || undefined }));
      if (result) {
        setPending(null);
        setDone(`انجام شد: ${TRANSITION_LABELS[transition]}. وضعیت اکنون «${STATUS_LABELS[result.status]}» است.`);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const choose = (transition: TransitionName) => {
    if (REASON_REQUIRED.has(transition) || NEEDS_CONFIRMATION.has(transition)) {
      setPending(transition);
      setError(null);
      requestAnimationFrame(() => document.getElementById('transition-reason')?.focus() ?? document.getElementById('transition-confirm')?.focus());
    } else void run(transition);
  };

  return (
    <section class="panel" aria-labelledby="transitions-heading">
      <h2 id="transitions-heading">تغییر وضعیت</h2>
      <div class="button-row">
        <For each={props.action.permissions.transitions}>
          {(transition) => (
            <button
              type="button"
              class={`button ${transition === 'verify' || transition === 'request_verification' ? '' : 'button-quiet'}`}
              aria-expanded={REASON_REQUIRED.has(transition) || NEEDS_CONFIRMATION.has(transition) ? pending() === transition : undefined}
              disabled={busy()}
              onClick={() => choose(transition)}
            >
              {TRANSITION_LABELS[transition]}
            </button>
          )}
        </For>
      </div>
      <Show when={pending()}>
        {(transition) => (
          <form
            class="stacked-form transition-form"
            onSubmit={(event) => {
              event.preventDefault();
              const reason = new FormData(event.currentTarget).get('reason');
              void run(transition(), typeof reason === 'string' ? reason.trim() : undefined);
            }}
          >
            <Show
              when={REASON_REQUIRED.has(transition())}
              fallback={<p>«{TRANSITION_LABELS[transition()]}» را تأیید می‌کنید؟</p>}
            >
              <label for="transition-reason">دلیل «{TRANSITION_LABELS[transition()]}» (لازم)</label>
              <textarea id="transition-reason" name="reason" required rows="3" maxlength="2000" />
            </Show>
            <div class="button-row">
              <button id="transition-confirm" type="submit" class="button" disabled={busy()}>
                {TRANSITION_LABELS[transition()]}
              </button>
              <button type="button" class="button button-quiet" onClick={() => setPending(null)}>
                انصراف
              </button>
            </div>
          </form>
        )}
      </Show>
      <FormError error={error()} />
      <p class="form-status" role="status">
        {done()}
      </p>
    </section>
  );
}

const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf,image/*';

/** The director's (or manager's) progress update: note, percentage, letter number and Jalali date, files, request verification. */
function UpdateForm(props: { action: ActionDetail; guard: Guard }) {
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');
  // One key per intended update: a retry of the same click is stored once; a new update gets a new key.
  let idempotencyKey = crypto.randomUUID();
  const canRequest = () => props.action.status === 'open' || props.action.status === 'in_progress';
  // What was typed before the session expired comes back once the same user is signed in again.
  const keepRestored = useKeptDraft(() => setDone('آنچه پیش از پایان نشست نوشته بودید برگردانده شد؛ بازبینی کنید و بفرستید.'));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!(formElement instanceof HTMLFormElement)) return;
    const form = new FormData(formElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const progress = readPercent(text('progress') ?? '');
    const letterDate = readTypedDate(text('letterDate') ?? '', 'تاریخ نامه');
    setDone('');
    if (!progress.ok) return setError(progress.error);
    if (!letterDate.ok) return setError(letterDate.error);
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const result = await props.guard(() =>
        postFollowUp(
          props.action.id,
          {
            // A note, letter or file alone is appended without the version (it cannot conflict);
            // a new percentage or a request for verification is checked against what the page showed.
            version: progress.value !== null || form.get('requestVerification') === 'on' ? props.action.version : undefined,
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
      if (result) {
        formElement.reset();
        idempotencyKey = crypto.randomUUID();
        setDone(
          result.status === 'awaiting_verification'
            ? 'گزارش ثبت شد و برای تأیید به ستاد فرستاده شد.'
            : `گزارش ثبت شد؛ پیشرفت اکنون ${toPersianDigits(result.progress)}٪ است.`,
        );
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
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
        <FormError error={error()} />
        <p class="form-status" role="status">
          {done()}
        </p>
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? 'در حال ثبت…' : 'ثبت گزارش'}
        </button>
      </form>
    </section>
  );
}

/** Managers: a new due date (Jalali) or priority, with a reason, recorded in the audit trail. */
function RescheduleForm(props: { action: ActionDetail; guard: Guard }) {
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const typedDue = String(form.get('dueOn') ?? '').trim();
    const priority = String(form.get('priority') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    const changes: { dueOn?: string; priority?: string } = {};
    const dueOn = readTypedDate(typedDue, 'مهلت تازه');
    if (!dueOn.ok) return setError(dueOn.error);
    if (dueOn.value && typedDue !== jalaliInputValue(props.action.dueOnJalali)) changes.dueOn = dueOn.value;
    if (priority && priority !== props.action.priority) changes.priority = priority;
    setError(null);
    setDone('');
    if (!changes.dueOn && !changes.priority) {
      setDone('چیزی تغییر نکرده است.');
      return;
    }
    try {
      const result = await props.guard(() => changeAction(props.action.id, { version: props.action.version, ...changes, reason: reason || undefined }));
      if (result) setDone(`ثبت شد. مهلت: ${result.dueOn ? formatJalaliDate(result.dueOn) : 'ندارد'}، اولویت: ${PRIORITY_LABELS[result.priority]}.`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <details class="panel">
      <summary>
        <h2 class="summary-heading">تغییر مهلت یا اولویت</h2>
      </summary>
      <form class="stacked-form" onSubmit={(e) => void submit(e)}>
        <div class="form-grid">
          <div class="field">
            <label for="reschedule-due">مهلت تازه (شمسی)</label>
            <input id="reschedule-due" name="dueOn" inputmode="numeric" value={jalaliInputValue(props.action.dueOnJalali)} />
          </div>
          <div class="field">
            <label for="reschedule-priority">اولویت</label>
            <select id="reschedule-priority" name="priority">
              <For each={PRIORITIES}>
                {(p) => (
                  <option value={p} selected={p === props.action.priority}>
                    {PRIORITY_LABELS[p]}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <label for="reschedule-reason">دلیل تغییر</label>
        <input id="reschedule-reason" name="reason" maxlength="2000" />
        <FormError error={error()} />
        <p class="form-status" role="status">
          {done()}
        </p>
        <button type="submit" class="button button-quiet">
          ثبت تغییر
        </button>
      </form>
    </details>
  );
}

function Timeline(props: { action: ActionDetail }) {
  const entries = () => [...props.action.timeline].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const byId = createMemo(() => new Map(props.action.timeline.map((f) => [f.id, f])));
  const [replyTo, setReplyTo] = createSignal<number | null>(null);
  return (
    <section class="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">روند پیگیری و گفت‌وگو ({toPersianDigits(props.action.timeline.length)})</h2>
      <Show when={props.action.permissions.canComment}>
        <CommentForm action={props.action} replyTo={null} onDone={() => undefined} />
      </Show>
      <Show when={entries().length > 0} fallback={<p class="muted">هنوز گزارشی ثبت نشده است.</p>}>
        <ol class="timeline">
          <For each={entries()}>
            {(entry) => (
              <li class={`timeline-entry timeline-${entry.kind}`} id={`f-${entry.id}`}>
                <p class="timeline-head">
                  <strong>{FOLLOW_UP_LABELS[entry.kind]}</strong>
                  <span> · {entry.author?.displayName ?? 'سامانه'}</span>
                  <span> · </span>
                  <time datetime={entry.createdAt}>{formatJalaliDateTime(entry.createdAt)}</time>
                </p>
                <Show when={entry.replyTo !== null ? byId().get(entry.replyTo ?? 0) : undefined}>
                  {(answered) => (
                    <p class="timeline-reply-to">
                      <a href={`#f-${answered().id}`}>در پاسخ به {answered().author?.displayName ?? 'سامانه'}</a>: «{excerpt(answered().note ?? '', 12)}»
                    </p>
                  )}
                </Show>
                <Show when={entry.note}>{(note) => <p class="timeline-note">{note()}</p>}</Show>
                <ul class="timeline-facts">
                  <Show when={entry.progress !== null}>
                    <li>پیشرفت: {toPersianDigits(entry.progress ?? 0)}٪</li>
                  </Show>
                  <Show when={entry.letterNumber}>
                    {(letter) => (
                      <li>
                        نامهٔ شمارهٔ <bdi>{toPersianDigits(letter())}</bdi>
                        <Show when={entry.letterDate}>{(date) => <> مورخ {formatJalaliDate(date())}</>}</Show>
                      </li>
                    )}
                  </Show>
                </ul>
                <EvidenceList files={entry.files} label="پرونده‌های مستند" />
                <Show when={entry.kind === 'comment' && props.action.permissions.canComment}>
                  <Show
                    when={replyTo() === entry.id}
                    fallback={
                      <button type="button" class="button button-quiet button-small" onClick={() => setReplyTo(entry.id)}>
                        پاسخ
                      </button>
                    }
                  >
                    <CommentForm action={props.action} replyTo={entry.id} onDone={() => setReplyTo(null)} />
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** A message in the action's discussion, or a reply to one; no version needed (it overwrites nothing). */
function CommentForm(props: { action: ActionDetail; replyTo: number | null; onDone: () => void }) {
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  let idempotencyKey = crypto.randomUUID();
  const fieldId = () => (props.replyTo === null ? 'comment-note' : `reply-note-${props.replyTo}`);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!(formElement instanceof HTMLFormElement)) return;
    const note = String(new FormData(formElement).get('note') ?? '').trim();
    if (!note) return setError(new Error('متن پیام را بنویسید.'));
    setBusy(true);
    setError(null);
    try {
      await postComment(props.action.id, { note, replyTo: props.replyTo ?? undefined }, idempotencyKey);
      idempotencyKey = crypto.randomUUID();
      formElement.reset();
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stacked-form comment-form" onSubmit={(e) => void submit(e)} novalidate>
      <label for={fieldId()}>{props.replyTo === null ? 'پیام به ستاد یا واحد (پرسش، توضیح)' : 'پاسخ شما'}</label>
      <textarea id={fieldId()} name="note" rows="2" maxlength="4000" />
      <FormError error={error()} />
      <div class="button-row">
        <button type="submit" class="button button-quiet" disabled={busy()}>
          {busy() ? 'در حال فرستادن…' : props.replyTo === null ? 'فرستادن پیام' : 'فرستادن پاسخ'}
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

function AuditTrail(props: { action: ActionDetail; unitName: (code: string) => string }) {
  const entries = () => [...props.action.audit].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <details class="panel audit-trail">
      <summary>
        <h2 class="summary-heading">سابقهٔ تغییرها ({toPersianDigits(props.action.audit.length)})</h2>
      </summary>
      <div class="table-scroll">
        <table class="data-table audit-table">
          <caption class="visually-hidden">چه کسی، کی، چه چیزی را از چه به چه تغییر داد</caption>
          <thead>
            <tr>
              <th scope="col">زمان</th>
              <th scope="col">کاربر</th>
              <th scope="col">رویداد</th>
              <th scope="col">پیش ← پس</th>
            </tr>
          </thead>
          <tbody>
            <For each={entries()}>
              {(entry) => (
                <tr>
                  <td data-label="زمان">
                    <time datetime={entry.at}>{formatJalaliDateTime(entry.at)}</time>
                  </td>
                  <td data-label="کاربر">{entry.actor?.displayName ?? 'سامانه'}</td>
                  <td data-label="رویداد">{auditEventLabel(entry)}</td>
                  <td data-label="پیش ← پس">
                    <ul class="change-list">
                      <For each={auditChanges(entry, props.unitName)} fallback={<li>—</li>}>
                        {(change) => (
                          <li>
                            {change.field}: {change.before ?? '—'} ← {change.after ?? '—'}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}
