/**
 * @module A manager's tools on a published session (issue 14, item 5): «ویرایش» corrects its facts
 * and fixes its text paragraph by paragraph (directive quotes stay as they are: the server refuses a
 * fix inside one and says which), «پس‌گرفتن» withdraws it with a reason and «بازگرداندن» restores a
 * withdrawn one (its cancelled actions stay cancelled). Also the «پس‌گرفته‌شده» banner managers see
 * on a withdrawn session. The server checks role and version again.
 */
import { createSignal, For, Show } from 'solid-js';
import { correctSession, restoreSession, withdrawSession, type SessionCorrection } from '../api/sessions';
import type { SessionDetail } from '../api/types';
import { formatJalaliDate } from '../lib/jalali-date';
import { jalaliFieldValue } from '../lib/jalali-input';
import { SESSION_KINDS, sessionKindLabel, type SessionKind } from '../lib/labels';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { readTypedDate } from '../lib/typed-numbers';
import { refuse, useWrite, writeAction } from '../lib/write-action';
import { FormError } from './form-error';
import '../styles/session-correction.css';

/** «الف، ب, ج» → ['الف', 'ب', 'ج'] (Persian or Latin comma). */
function listOf(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function WithdrawnBanner(props: { session: SessionDetail }) {
  return (
    <Show when={props.session.withdrawal}>
      {(withdrawal) => (
        <div class="state state-error withdrawn-banner" role="status">
          <p class="state-title">
            <span class="withdrawn-badge">پس‌گرفته‌شده</span> این نشست در {formatJalaliDate(withdrawal().at.slice(0, 10))} پس گرفته شد و جز مدیران کسی آن را نمی‌بیند.
          </p>
          <p>دلیل: {withdrawal().reason}</p>
        </div>
      )}
    </Show>
  );
}

type Mode = 'none' | 'edit' | 'withdraw' | 'restore';

export function SessionManagerTools(props: { session: SessionDetail }) {
  const [mode, setMode] = createSignal<Mode>('none');
  const [done, setDone] = createSignal('');
  const toggle = (next: Mode) => {
    setDone('');
    setMode(mode() === next ? 'none' : next);
  };
  const finish = (message: string) => {
    setMode('none');
    setDone(message);
  };
  return (
    <section class="manager-tools" aria-label="ویرایش، پس‌گرفتن یا بازگرداندن نشست">
      <Show when={props.session.status === 'published'}>
        <div class="button-row">
          <button type="button" class="button button-quiet" aria-expanded={mode() === 'edit'} onClick={() => toggle('edit')}>
            ویرایش
          </button>
          <button type="button" class="button button-quiet" aria-expanded={mode() === 'withdraw'} onClick={() => toggle('withdraw')}>
            پس‌گرفتن
          </button>
        </div>
      </Show>
      <Show when={props.session.status === 'withdrawn'}>
        <div class="button-row">
          <button type="button" class="button button-quiet" aria-expanded={mode() === 'restore'} onClick={() => toggle('restore')}>
            بازگرداندن
          </button>
        </div>
      </Show>
      <Show when={done()}>
        <p class="form-success" role="status">
          {done()}
        </p>
      </Show>
      <Show when={props.session.status === 'published' && mode() === 'edit'}>
        <CorrectionForm session={props.session} onDone={finish} />
      </Show>
      <Show when={props.session.status === 'published' && mode() === 'withdraw'}>
        <WithdrawForm session={props.session} onDone={finish} />
      </Show>
      <Show when={props.session.status === 'withdrawn' && mode() === 'restore'}>
        <RestoreForm session={props.session} onDone={finish} />
      </Show>
    </section>
  );
}

/** Correct a published session; `plan` reads the form and refuses, in words, what cannot be sent. */
const correctWrite = writeAction('session-correct', async (slug: string, plan: () => SessionCorrection) => correctSession(slug, plan()));
/** Withdraw a published session with its reason (refused, in words, without one). */
const withdrawWrite = writeAction('session-withdraw', async (slug: string, version: number, reason: string) => {
  if (!reason) refuse('دلیل پس‌گرفتن نشست را بنویسید.');
  return withdrawSession(slug, version, reason);
});

/** Restore a withdrawn session with its reason (refused, in words, without one). */
const restoreWrite = writeAction('session-restore', async (slug: string, version: number, reason: string) => {
  if (!reason) refuse('دلیل بازگرداندن نشست را بنویسید.');
  return restoreSession(slug, version, reason);
});

function CorrectionForm(props: { session: SessionDetail; onDone: (message: string) => void }) {
  const correcting = useWrite(correctWrite);
  const withDirective = (start: number, end: number) => props.session.directives.some((d) => d.start < end && d.end > start);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const s = props.session;
    const plan = (): SessionCorrection => {
      const body: SessionCorrection = { version: s.version };
      const title = text('title');
      if (!title) refuse('عنوان نشست را بنویسید.');
      if (title !== s.title) body.title = title;
      const heldOn = readTypedDate(text('heldOn'), 'تاریخ نشست');
      if (!heldOn.ok) refuse(heldOn.error);
      if (text('heldOn') !== jalaliFieldValue(s.heldOn)) body.heldOn = heldOn.value;
      const kind = text('kind') as SessionKind;
      if (kind !== s.kind) body.kind = kind;
      const series = text('series');
      if (series !== (s.series ?? '')) body.series = series || null;
      const speakers = listOf(text('speakers'));
      if (!sameList(speakers, s.speakers)) body.speakers = speakers;
      const tags = listOf(text('tags'));
      if (!sameList(tags, s.tags)) body.tags = tags;
      const paragraphs = s.paragraphs.flatMap((p) => {
        const typed = String(form.get(`p-${p.ordinal}`) ?? p.text).trim();
        return typed === p.text ? [] : [{ ordinal: p.ordinal, text: typed }];
      });
      if (paragraphs.length > 0) body.paragraphs = paragraphs;
      const reason = text('reason');
      if (reason) body.reason = reason;
      if (Object.keys(body).filter((k) => k !== 'version' && k !== 'reason').length === 0) refuse('چیزی تغییر نکرده است.');
      return body;
    };
    const result = await correcting.send(s.slug, plan);
    if (!result) return;
    const textPart = result.paragraphs > 0 ? `${countOf(result.paragraphs, 'بند')} اصلاح شد` : '';
    const factPart = result.changed.filter((c) => c !== 'text').length > 0 ? 'مشخصات نشست به‌روز شد' : '';
    props.onDone(`نشست ویرایش شد: ${[factPart, textPart].filter(Boolean).join('، ')}. جست‌وجو هم به‌روز شد.`);
  };

  return (
    <form class="correction-form" onSubmit={(e) => void submit(e)} novalidate aria-labelledby="correction-heading">
      <h2 id="correction-heading">ویرایش نشست منتشرشده</h2>
      <p class="field-hint">
        غلط‌های متن را درست کنید؛ متن رهنمودها (بخش‌های نشان‌دار) نقل قول است و دست نمی‌خورد. تغییر تاریخ، مهلت رهنمودها و اقدام‌ها را جابه‌جا نمی‌کند. همهٔ
        تغییرها در سابقه ثبت می‌شود.
      </p>
      <div class="correction-grid">
        <div class="field field-wide">
          <label for="correction-title">عنوان</label>
          <input id="correction-title" name="title" value={props.session.title} maxlength="500" required />
        </div>
        <div class="field">
          <label for="correction-date">تاریخ (شمسی)</label>
          <input id="correction-date" name="heldOn" value={jalaliFieldValue(props.session.heldOn)} inputmode="numeric" dir="ltr" placeholder="۱۳۹۹/۱۱/۰۱" />
        </div>
        <div class="field">
          <label for="correction-kind">نوع</label>
          <select id="correction-kind" name="kind">
            <For each={SESSION_KINDS}>
              {(kind) => (
                <option value={kind} selected={kind === props.session.kind}>
                  {sessionKindLabel(kind)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="correction-series">مجموعه</label>
          <input id="correction-series" name="series" value={props.session.series ?? ''} maxlength="200" />
        </div>
        <div class="field">
          <label for="correction-speakers">سخنرانان (با «،» جدا کنید)</label>
          <input id="correction-speakers" name="speakers" value={props.session.speakers.join('، ')} />
        </div>
        <div class="field field-wide">
          <label for="correction-tags">برچسب‌ها (با «،» جدا کنید)</label>
          <input id="correction-tags" name="tags" value={props.session.tags.join('، ')} />
        </div>
      </div>
      <details class="correction-text">
        <summary>متن نشست ({countOf(props.session.paragraphs.length, 'بند')})</summary>
        <For each={props.session.paragraphs}>
          {(p) => (
            <div class="field">
              <label for={`correction-p-${p.ordinal}`}>
                بند {toPersianDigits(p.ordinal + 1)}
                <Show when={withDirective(p.start, p.end)}>
                  <span class="field-hint"> · رهنمود دارد؛ متن رهنمود را تغییر ندهید</span>
                </Show>
              </label>
              <textarea id={`correction-p-${p.ordinal}`} name={`p-${p.ordinal}`} rows={Math.min(8, Math.max(2, Math.ceil(p.text.length / 90)))}>
                {p.text}
              </textarea>
            </div>
          )}
        </For>
      </details>
      <div class="field field-wide">
        <label for="correction-reason">دلیل ویرایش (در سابقه می‌ماند)</label>
        <input id="correction-reason" name="reason" maxlength="1000" placeholder="مانند: اصلاح غلط تایپی" />
      </div>
      <FormError error={correcting.submission.error} />
      <div class="button-row">
        <button type="submit" class="button" disabled={correcting.submission.pending === true}>
          {correcting.submission.pending ? 'در حال ذخیره…' : 'ذخیرهٔ ویرایش'}
        </button>
      </div>
    </form>
  );
}

function WithdrawForm(props: { session: SessionDetail; onDone: (message: string) => void }) {
  const withdrawing = useWrite(withdrawWrite);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    const result = await withdrawing.send(props.session.slug, props.session.version, reason);
    if (!result) return;
    const cancelled = result.cancelledActions.length;
    props.onDone(`نشست پس گرفته شد.${cancelled > 0 ? ` ${countOf(cancelled, 'اقدام باز')} لغو شد و به واحدها خبر داده شد.` : ''}`);
  };
  return (
    <form class="correction-form withdraw-form" onSubmit={(e) => void submit(e)} novalidate aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">پس‌گرفتن نشست</h2>
      <p class="field-hint">
        نشست از فهرست‌ها، جست‌وجو و دفتر رهنمودها برداشته می‌شود و جز مدیران کسی آن را نمی‌بیند. اقدام‌های باز رهنمودهایش با همین دلیل لغو می‌شود و به واحدها خبر
        داده می‌شود؛ اقدام‌های انجام‌شده می‌مانند.
      </p>
      <div class="field field-wide">
        <label for="withdraw-reason">دلیل (لازم)</label>
        <textarea id="withdraw-reason" name="reason" rows="3" maxlength="1000" />
      </div>
      <FormError error={withdrawing.submission.error} />
      <div class="button-row">
        <button type="submit" class="button button-danger" disabled={withdrawing.submission.pending === true}>
          {withdrawing.submission.pending ? 'در حال پس‌گرفتن…' : 'پس‌گرفتن نشست'}
        </button>
      </div>
    </form>
  );
}

function RestoreForm(props: { session: SessionDetail; onDone: (message: string) => void }) {
  const restoring = useWrite(restoreWrite);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    const result = await restoring.send(props.session.slug, props.session.version, reason);
    if (!result) return;
    const cancelled = result.cancelledActions;
    props.onDone(
      `نشست بازگردانده شد و دوباره در فهرست‌ها و جست‌وجو هست.${
        cancelled > 0 ? ` ${countOf(cancelled, 'اقدام')} که با پس‌گرفتن لغو شده بود لغوشده ماند؛ در صفحهٔ هر رهنمود می‌توانید آن‌ها را با مهلت تازه باز کنید.` : ''
      }`,
    );
  };
  return (
    <form class="correction-form restore-form" onSubmit={(e) => void submit(e)} novalidate aria-labelledby="restore-heading">
      <h2 id="restore-heading">بازگرداندن نشست</h2>
      <p class="field-hint">
        نشست دوباره در فهرست‌ها، جست‌وجو و دفتر رهنمودها دیده می‌شود. اقدام‌هایی که با پس‌گرفتن لغو شد خودبه‌خود باز نمی‌شود (مهلت‌هایشان کهنه است)؛ در صفحهٔ هر رهنمود
        می‌توانید آن‌ها را با مهلت تازه باز کنید و به واحدها خبر داده می‌شود.
      </p>
      <div class="field field-wide">
        <label for="restore-reason">دلیل (لازم)</label>
        <textarea id="restore-reason" name="reason" rows="3" maxlength="1000" />
      </div>
      <FormError error={restoring.submission.error} />
      <div class="button-row">
        <button type="submit" class="button" disabled={restoring.submission.pending === true}>
          {restoring.submission.pending ? 'در حال بازگرداندن…' : 'بازگرداندن نشست'}
        </button>
      </div>
    </form>
  );
}
