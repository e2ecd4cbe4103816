/** @module Managers change many of a directive's actions in one step: extend, re-date, cancel, reassign, remind, verify, reopen with a new deadline. */
import { createSignal, For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import type { BulkOperation, DirectiveRollup } from '../../api/action-types';
import { bulkChange } from '../../api/directives';
import { getUnits } from '../../api/reports';
import { FormError } from '../../components/form-error';
import { UnitPicker } from '../../components/unit-picker';
import { countOf, toPersianDigits } from '../../lib/persian-digits';
import { DATE_EXAMPLE, readPercent, readTypedDate } from '../../lib/typed-numbers';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

const OPERATION_LABELS: Record<BulkOperation, string> = {
  extend: 'تمدید مهلت',
  redate: 'تعیین مهلت تازه',
  cancel: 'لغو با ذکر دلیل',
  reassign: 'واگذاری به واحد دیگر',
  remind: 'یادآوری همین حالا',
  verify: 'تأیید موارد در انتظار تأیید',
  reopen: 'بازگشایی با مهلت تازه',
};

/** What a step did, in words: «مهلت ۱۲ اقدام تمدید شد». */
const DONE_LABELS: Record<BulkOperation, string> = {
  extend: 'مهلت {n} تمدید شد',
  redate: 'مهلت {n} تغییر کرد',
  cancel: '{n} لغو شد',
  reassign: '{n} به واحد دیگر سپرده شد',
  remind: 'برای {n} یادآوری فرستاده شد',
  verify: '{n} تأیید و بسته شد',
  reopen: '{n} با مهلت تازه باز شد',
};

/** One step over the picked actions, read from the form; the result says what it did. */
const bulkWrite = writeAction('directive-bulk', async (rollup: DirectiveRollup, picked: ReadonlySet<number>, op: BulkOperation, form: FormData) => {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const chosen = rollup.units.filter((a) => picked.has(a.id));
  if (chosen.length === 0) refuse('دست‌کم یک اقدام را از فهرست برگزینید.');
  const body: Parameters<typeof bulkChange>[1] = {
    scope: 'selected',
    actions: chosen.map((a) => ({ id: a.id, version: a.version })),
    operation: op,
    reason: text('reason') || undefined,
  };
  if (op === 'extend') {
    const days = readPercent(text('days'));
    if (!days.ok || !days.value) refuse('شمار روزهای تمدید را با عدد بنویسید، مانند ۱۰.');
    body.days = days.value;
  }
  if (op === 'redate' || op === 'reopen') {
    const dueOn = readTypedDate(text('dueOn'), 'مهلت تازه');
    if (!dueOn.ok) refuse(dueOn.error);
    if (!dueOn.value) refuse('مهلت تازه را بنویسید.');
    body.dueOn = dueOn.value;
  }
  if (op === 'cancel' && !body.reason) refuse('برای لغو، دلیل را بنویسید.');
  if (op === 'reassign') {
    if (chosen.length !== 1) refuse('برای واگذاری به واحد دیگر، تنها یک اقدام را برگزینید.');
    const unit = text('unitCode');
    if (!unit) refuse('واحد تازه را برگزینید.');
    body.unitCode = unit;
  }
  const result = await bulkChange(rollup.directive.id, body);
  return (
    DONE_LABELS[op].replace('{n}', countOf(result.changed.length, 'اقدام')) +
    (result.skipped.length > 0 ? `؛ ${countOf(result.skipped.length, 'اقدام')} دست نخورد: ${result.skipped.map((s) => s.message).join('، ')}` : '.') +
    (op === 'verify' || op === 'reassign' ? '' : ' به هر واحد خبر داده شد.')
  );
});

/** Managers: pick all, some, those without a report or those awaiting verification, and change them in one step. */
export function BulkPanel(props: {
  rollup: DirectiveRollup;
  reported: ReadonlySet<number>;
  picked: ReadonlySet<number>;
  setPicked: (ids: ReadonlySet<number>) => void;
}) {
  const units = createAsync(() => getUnits());
  // Right after a restore, what the page is for: reopening what the withdrawal cancelled.
  const [operation, setOperation] = createSignal<BulkOperation>(props.rollup.withdrawalCancelled.length > 0 ? 'reopen' : 'extend');
  const bulk = useWrite(bulkWrite);
  const open = () => props.rollup.units.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
  const silent = () => open().filter((a) => !props.reported.has(a.id));
  const awaiting = () => props.rollup.units.filter((a) => a.status === 'awaiting_verification');
  const withdrawalCancelled = () => props.rollup.units.filter((a) => props.rollup.withdrawalCancelled.includes(a.id));
  const choose = (list: Array<{ id: number }>) => props.setPicked(new Set(list.map((a) => a.id)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    if (await bulk.send(props.rollup, props.picked, operation(), new FormData(event.currentTarget))) props.setPicked(new Set());
  };

  return (
    <section class="bulk-panel" aria-labelledby="bulk-heading">
      <h3 id="bulk-heading">کار با چند اقدام با هم</h3>
      <div class="button-row" role="group" aria-label="انتخاب اقدام‌ها">
        <button type="button" class="button button-quiet button-small" onClick={() => choose(open())}>
          همهٔ باز ({toPersianDigits(open().length)})
        </button>
        <button type="button" class="button button-quiet button-small" onClick={() => choose(silent())}>
          بی‌گزارش‌ها ({toPersianDigits(silent().length)})
        </button>
        <button type="button" class="button button-quiet button-small" onClick={() => choose(awaiting())}>
          در انتظار تأیید ({toPersianDigits(awaiting().length)})
        </button>
        <Show when={withdrawalCancelled().length > 0}>
          <button type="button" class="button button-quiet button-small" onClick={() => choose(withdrawalCancelled())}>
            لغوشده با پس‌گرفتن نشست ({toPersianDigits(withdrawalCancelled().length)})
          </button>
        </Show>
        <button type="button" class="button button-quiet button-small" onClick={() => props.setPicked(new Set())}>
          هیچ
        </button>
      </div>
      <p class="muted" aria-live="polite">
        {toPersianDigits(props.picked.size)} اقدام برگزیده شده است.
      </p>
      <form class="stacked-form bulk-form" onSubmit={(e) => void submit(e)} novalidate>
        <div class="form-grid">
          <div class="field">
            <label for="bulk-operation">کار</label>
            <select id="bulk-operation" name="operation" onChange={(e) => setOperation(e.currentTarget.value as BulkOperation)}>
              <For each={Object.keys(OPERATION_LABELS) as BulkOperation[]}>
                {(op) => (
                  <option value={op} selected={op === operation()}>
                    {OPERATION_LABELS[op]}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={operation() === 'extend'}>
            <div class="field">
              <label for="bulk-days">چند روز تمدید</label>
              <input id="bulk-days" name="days" type="text" inputmode="numeric" autocomplete="off" />
            </div>
          </Show>
          <Show when={operation() === 'redate' || operation() === 'reopen'}>
            <div class="field">
              <label for="bulk-due">مهلت تازه (شمسی)</label>
              <input id="bulk-due" name="dueOn" inputmode="numeric" autocomplete="off" placeholder={DATE_EXAMPLE} />
            </div>
          </Show>
          <Show when={operation() === 'reassign'}>
            <UnitPicker
              id="bulk-unit"
              name="unitCode"
              label="واحد تازه"
              emptyLabel="برگزینید"
              units={(units()?.items ?? []).filter((u) => u.kind !== 'group')}
              value={null}
            />
          </Show>
          <div class="field">
            <label for="bulk-reason">{operation() === 'cancel' ? 'دلیل (لازم)' : 'دلیل یا پیام (در سابقه و اعلان می‌ماند)'}</label>
            <input id="bulk-reason" name="reason" maxlength="2000" />
          </div>
        </div>
        <FormError error={bulk.submission.error} />
        <p class="form-status" role="status">
          {bulk.submission.result ?? ''}
        </p>
        <button type="submit" class="button" disabled={bulk.submission.pending === true}>
          {OPERATION_LABELS[operation()]} برای {toPersianDigits(props.picked.size)} اقدام
        </button>
      </form>
    </section>
  );
}
