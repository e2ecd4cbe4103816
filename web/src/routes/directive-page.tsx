/**
 * @module A directive's tracking page: its quote and place in the session, the roll-up across
 * units (done / in progress / overdue, counts, one row per unit), and for managers publishing
 * and the assignment form (units or a group such as «همه استان‌ها», Jalali due date, recipient, priority).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import type { DirectiveRollup, Priority, Unit } from '../api/action-types';
import { actionsCsvUrl } from '../api/actions';
import { getMe } from '../api/auth';
import { assignDirective, bulkChange, getRollup, publishDirective } from '../api/directives';
import type { BulkOperation } from '../api/action-types';
import { ProvinceStrip } from '../components/province-strip';
import { getUnits } from '../api/reports';
import { DueBadge, ProgressMeter, StatusBadge } from '../components/action-badges';
import { ActionsNav, isManagerRole } from '../components/actions-nav';
import { FormError } from '../components/form-error';
import { groupUnits, UnitPicker, UnitSearch } from '../components/unit-picker';
import { usePageTitle } from '../components/page-title';
import { RelatedDirectives } from '../components/related-directives';
import { AsyncBoundary } from '../components/states';
import { NotFound } from './not-found';
import { PRIORITIES, PRIORITY_LABELS } from '../lib/action-labels';
import { formatJalaliDate } from '../lib/jalali-date';
import { jalaliInputValue } from '../lib/jalali-datetime';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { DATE_EXAMPLE, readPercent, readTypedDate } from '../lib/typed-numbers';
import { shortUnitName } from '../lib/unit-names';
import '../styles/actions.css';

/** A directive's id from the address, or null when it cannot be one (`/directives/abc`). */
function directiveId(param: string | undefined): number | null {
  return param && /^[1-9]\d{0,15}$/.test(param) ? Number(param) : null;
}

/** Units in Persian alphabetical order, as every list of units. */
const unitOrder = new Intl.Collator('fa');

export function DirectivePage() {
  const params = useParams();
  const id = () => directiveId(params.id);
  const rollup = createAsync(async () => {
    const valid = id();
    return valid === null ? undefined : getRollup(valid);
  });
  return (
    <Show when={id() !== null} fallback={<NotFound />}>
      <section class="page tracking-page directive-page">
        <ActionsNav />
        <AsyncBoundary loadingLabel="در حال بارگذاری رهنمود…" notFound={<DirectiveNotFound />}>
          <Show when={rollup()}>{(loaded) => <DirectiveView rollup={loaded()} />}</Show>
        </AsyncBoundary>
      </section>
    </Show>
  );
}

function DirectiveNotFound() {
  usePageTitle(() => 'رهنمود پیدا نشد');
  return (
    <div class="state-page">
      <h1>رهنمود پیدا نشد</h1>
      <p>
        رهنمودی با این نشانی نیست. <A href="/actions">بازگشت به اقدام‌ها</A>
      </p>
    </div>
  );
}

function DirectiveView(props: { rollup: DirectiveRollup }) {
  usePageTitle(() => 'پیگیری رهنمود');
  const me = createAsync(() => getMe());
  const directive = () => props.rollup.directive;
  const counts = () => props.rollup.counts;
  const reported = createMemo(() => new Set(props.rollup.reported));
  const manages = () => isManagerRole(me()?.role) && directive().status === 'published';
  // The actions the manager picked for one step over many (ids).
  const [picked, setPicked] = createSignal<ReadonlySet<number>>(new Set());
  const pick = (id: number, on: boolean) => {
    const next = new Set(picked());
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <article aria-labelledby="directive-title">
      <header class="page-header">
        <h1 id="directive-title">پیگیری رهنمود</h1>
        <figure class="directive-quote">
          <blockquote>
            <p>{directive().quote}</p>
          </blockquote>
          <figcaption>
            <A href={directive().link}>دیدن در متن نشست «{directive().session.title}»</A>
            <Show when={directive().session.heldOn}>{(heldOn) => <span> · {formatJalaliDate(heldOn())}</span>}</Show>
          </figcaption>
        </figure>
        <p class="muted">
          مهلت پیشنهادی:{' '}
          <Show when={directive().dueOn} fallback="ندارد">
            {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
          </Show>
          <Show when={directive().dueRule}>{(rule) => <> («{rule()}»)</>}</Show>
          {directive().status === 'published' ? '' : ' · هنوز منتشر نشده است'}
        </p>
      </header>

      <section class="panel" aria-labelledby="rollup-heading">
        <h2 id="rollup-heading">وضعیت در واحدها</h2>
        <ul class="count-tiles">
          <li class="tile-done">
            <span class="tile-number">{toPersianDigits(counts().done)}</span> از {toPersianDigits(counts().total)} انجام‌شده
          </li>
          <li class="tile-progress">
            <span class="tile-number">{toPersianDigits(counts().inProgress)}</span> در حال انجام
          </li>
          <li class="tile-awaiting">
            <span class="tile-number">{toPersianDigits(counts().awaitingVerification)}</span> در انتظار تأیید
          </li>
          <li class="tile-overdue">
            <span class="tile-number">{toPersianDigits(counts().overdue)}</span> گذشته از مهلت
          </li>
          <li>
            <span class="tile-number">{toPersianDigits(counts().open)}</span> باز
          </li>
          <Show when={counts().blocked > 0}>
            <li>
              <span class="tile-number">{toPersianDigits(counts().blocked)}</span> متوقف
            </li>
          </Show>
          <Show when={counts().cancelled > 0}>
            <li>
              <span class="tile-number">{toPersianDigits(counts().cancelled)}</span> لغوشده
            </li>
          </Show>
        </ul>
        <p class="link-row">
          <A href={`/reports/print?directive=${directive().id}`}>گزارش چاپی</A>
          <a href={actionsCsvUrl({ directive: String(directive().id) })} download="">
            دریافت CSV
          </a>
        </p>
        <Show when={props.rollup.units.length > 0} fallback={<p class="muted">این رهنمود هنوز به واحدی واگذار نشده است.</p>}>
          <ProvinceStrip units={props.rollup.units} reported={reported()} />
          <Show when={manages()}>
            <BulkPanel rollup={props.rollup} reported={reported()} picked={picked()} setPicked={setPicked} />
          </Show>
          <div class="table-scroll">
            <table class="data-table rollup-table">
              <caption class="visually-hidden">وضعیت اقدام هر واحد</caption>
              <thead>
                <tr>
                  <Show when={manages()}>
                    <th scope="col" class="select-cell">
                      <span class="visually-hidden">انتخاب</span>
                    </th>
                  </Show>
                  <th scope="col">واحد</th>
                  <th scope="col">وضعیت</th>
                  <th scope="col">پیشرفت</th>
                  <th scope="col">مهلت</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...props.rollup.units].sort((a, b) => unitOrder.compare(shortUnitName(a.unit.name), shortUnitName(b.unit.name)))}>
                  {(action) => (
                    <tr>
                      <Show when={manages()}>
                        <td class="select-cell">
                          <input
                            type="checkbox"
                            id={`pick-${action.id}`}
                            aria-label={`انتخاب ${shortUnitName(action.unit.name)}`}
                            checked={picked().has(action.id)}
                            onChange={(e) => pick(action.id, e.currentTarget.checked)}
                          />
                        </td>
                      </Show>
                      <th scope="row">
                        <A href={`/actions/${action.id}`}>{shortUnitName(action.unit.name)}</A>
                        <Show when={!reported().has(action.id) && action.status !== 'done' && action.status !== 'cancelled'}>
                          <span class="muted"> (بی‌گزارش)</span>
                        </Show>
                      </th>
                      <td>
                        <StatusBadge status={action.status} />
                      </td>
                      <td>
                        <ProgressMeter value={action.progress} label={`پیشرفت ${action.unit.name}`} />
                      </td>
                      <td>
                        <Show when={action.dueOn} fallback="—">
                          {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
                        </Show>{' '}
                        <DueBadge state={action.dueState} daysLeft={action.daysLeft} quiet />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <Show when={directive().status === 'published'}>
        <RelatedDirectives id={directive().id} />
      </Show>

      <Show when={isManagerRole(me()?.role)}>
        <Show when={directive().status === 'published'} fallback={<PublishForm rollup={props.rollup} />}>
          <AssignForm rollup={props.rollup} />
        </Show>
      </Show>
    </article>
  );
}

const OPERATION_LABELS: Record<BulkOperation, string> = {
  extend: 'تمدید مهلت',
  redate: 'تعیین مهلت تازه',
  cancel: 'لغو با ذکر دلیل',
  reassign: 'واگذاری به واحد دیگر',
  remind: 'یادآوری همین حالا',
  verify: 'تأیید موارد در انتظار تأیید',
};

/** What a step did, in words: «مهلت ۱۲ اقدام تمدید شد». */
const DONE_LABELS: Record<BulkOperation, string> = {
  extend: 'مهلت {n} تمدید شد',
  redate: 'مهلت {n} تغییر کرد',
  cancel: '{n} لغو شد',
  reassign: '{n} به واحد دیگر سپرده شد',
  remind: 'برای {n} یادآوری فرستاده شد',
  verify: '{n} تأیید و بسته شد',
};

/** Managers: pick all, some, those without a report or those awaiting verification, and change them in one step. */
function BulkPanel(props: {
  rollup: DirectiveRollup;
  reported: ReadonlySet<number>;
  picked: ReadonlySet<number>;
  setPicked: (ids: ReadonlySet<number>) => void;
}) {
  const units = createAsync(() => getUnits());
  const [operation, setOperation] = createSignal<BulkOperation>('extend');
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const open = () => props.rollup.units.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
  const silent = () => open().filter((a) => !props.reported.has(a.id));
  const awaiting = () => props.rollup.units.filter((a) => a.status === 'awaiting_verification');
  const choose = (list: Array<{ id: number }>) => props.setPicked(new Set(list.map((a) => a.id)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setError(null);
    setDone('');
    const chosen = props.rollup.units.filter((a) => props.picked.has(a.id));
    if (chosen.length === 0) return setError('دست‌کم یک اقدام را از فهرست برگزینید.');
    const op = operation();
    const body: Parameters<typeof bulkChange>[1] = {
      scope: 'selected',
      actions: chosen.map((a) => ({ id: a.id, version: a.version })),
      operation: op,
      reason: text('reason') || undefined,
    };
    if (op === 'extend') {
      const days = readPercent(text('days'));
      if (!days.ok || !days.value) return setError('شمار روزهای تمدید را با عدد بنویسید، مانند ۱۰.');
      body.days = days.value;
    }
    if (op === 'redate') {
      const dueOn = readTypedDate(text('dueOn'), 'مهلت تازه');
      if (!dueOn.ok) return setError(dueOn.error);
      if (!dueOn.value) return setError('مهلت تازه را بنویسید.');
      body.dueOn = dueOn.value;
    }
    if (op === 'cancel' && !body.reason) return setError('برای لغو، دلیل را بنویسید.');
    if (op === 'reassign') {
      if (chosen.length !== 1) return setError('برای واگذاری به واحد دیگر، تنها یک اقدام را برگزینید.');
      const unit = text('unitCode');
      if (!unit) return setError('واحد تازه را برگزینید.');
      body.unitCode = unit;
    }
    setBusy(true);
    try {
      const result = await bulkChange(props.rollup.directive.id, body);
      props.setPicked(new Set());
      setDone(
        DONE_LABELS[op].replace('{n}', countOf(result.changed.length, 'اقدام')) +
          (result.skipped.length > 0 ? `؛ ${countOf(result.skipped.length, 'اقدام')} دست نخورد: ${result.skipped.map((s) => s.message).join('، ')}` : '.') +
          (op === 'verify' || op === 'reassign' ? '' : ' به هر واحد خبر داده شد.'),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
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
          <Show when={operation() === 'redate'}>
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
        <FormError error={error()} />
        <p class="form-status" role="status">
          {done()}
        </p>
        <button type="submit" class="button" disabled={busy()}>
          {OPERATION_LABELS[operation()]} برای {toPersianDigits(props.picked.size)} اقدام
        </button>
      </form>
    </section>
  );
}

function PublishForm(props: { rollup: DirectiveRollup }) {
  const [error, setError] = createSignal<unknown>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const dueOn = readTypedDate(String(new FormData(event.currentTarget).get('dueOn') ?? ''), 'مهلت');
    setError(null);
    if (!dueOn.ok) return setError(dueOn.error);
    try {
      await publishDirective(props.rollup.directive.id, dueOn.value ?? undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">انتشار رهنمود</h2>
      <form class="stacked-form" onSubmit={(e) => void submit(e)}>
        <label for="publish-due">مهلت (شمسی)</label>
        <input id="publish-due" name="dueOn" inputmode="numeric" autocomplete="off" value={jalaliInputValue(props.rollup.directive.dueOnJalali)} aria-describedby="publish-due-hint" />
        <span id="publish-due-hint" class="field-hint">
          سال/ماه/روز، مانند {DATE_EXAMPLE}
        </span>
        <FormError error={error()} />
        <button type="submit" class="button">
          انتشار
        </button>
      </form>
    </section>
  );
}

function AssignForm(props: { rollup: DirectiveRollup }) {
  const units = createAsync(() => getUnits());
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const assigned = createMemo(() => new Set(props.rollup.units.map((a) => a.unit.code)));
  const byKind = (kind: Unit['kind']) => (units()?.items ?? []).filter((u) => u.kind === kind);
  const [unitQuery, setUnitQuery] = createSignal('');
  const [checked, setChecked] = createSignal<ReadonlySet<string>>(new Set());
  // Individual units (groups are listed above), filtered by the search box; a checked unit stays listed.
  const singleGroups = createMemo(() => groupUnits((units()?.items ?? []).filter((u) => u.kind !== 'group'), unitQuery(), [...checked()]));
  const toggle = (code: string, on: boolean) => {
    const next = new Set(checked());
    if (on) next.add(code);
    else next.delete(code);
    setChecked(next);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const codes = form.getAll('units').map(String);
    setError(null);
    setDone('');
    if (codes.length === 0) {
      setError('دست‌کم یک واحد یا گروه را برگزینید.');
      return;
    }
    const priority = String(form.get('priority') ?? 'normal');
    const recipient = String(form.get('recipientCode') ?? '');
    const dueOn = readTypedDate(String(form.get('dueOn') ?? ''), 'مهلت');
    if (!dueOn.ok) return setError(dueOn.error);
    setBusy(true);
    try {
      const result = await assignDirective(props.rollup.directive.id, {
        units: codes,
        dueOn: dueOn.value ?? undefined,
        recipientCode: recipient || null,
        priority: PRIORITIES.find((p): p is Priority => p === priority) ?? 'normal',
      });
      setDone(
        `${countOf(result.createdCount, 'اقدام تازه')} ساخته شد` +
          (result.existingCount > 0 ? `؛ ${countOf(result.existingCount, 'واحد')} از پیش اقدام داشت و دست نخورد.` : '.'),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">واگذاری به واحدها</h2>
      <form class="stacked-form assign-form" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>گروه‌ها</legend>
          <For each={byKind('group')}>
            {(unit) => (
              <div class="field-check">
                <input id={`assign-${unit.code}`} type="checkbox" name="units" value={unit.code} />
                <label for={`assign-${unit.code}`}>
                  {unit.name} ({countOf(unit.memberCount, 'واحد')})
                </label>
              </div>
            )}
          </For>
        </fieldset>
        <details class="unit-checklist">
          <summary>یا واحدهای تکی را برگزینید</summary>
          <UnitSearch id="assign-unit-search" value={unitQuery()} onInput={setUnitQuery} />
          <For each={singleGroups()}>
            {(group) => (
              <fieldset>
                <legend>{group.label}</legend>
                <div class="check-grid">
                  <For each={group.units}>
                    {(unit) => (
                      <div class="field-check">
                        <input
                          id={`assign-${unit.code}`}
                          type="checkbox"
                          name="units"
                          value={unit.code}
                          checked={checked().has(unit.code)}
                          onChange={(e) => toggle(unit.code, e.currentTarget.checked)}
                        />
                        <label for={`assign-${unit.code}`}>
                          {shortUnitName(unit.name)}
                          <Show when={assigned().has(unit.code)}>
                            <span class="muted"> (واگذار شده)</span>
                          </Show>
                        </label>
                      </div>
                    )}
                  </For>
                </div>
              </fieldset>
            )}
          </For>
        </details>
        <div class="form-grid">
          <div class="field">
            <label for="assign-due">مهلت (شمسی)</label>
            <input
              id="assign-due"
              name="dueOn"
              inputmode="numeric"
              autocomplete="off"
              value={jalaliInputValue(props.rollup.directive.dueOnJalali)}
              aria-describedby="assign-due-hint"
            />
            <span id="assign-due-hint" class="field-hint">
              سال/ماه/روز، مانند {DATE_EXAMPLE}. پیش‌فرض: مهلت خود رهنمود{props.rollup.directive.dueRule ? ` («${props.rollup.directive.dueRule}»)` : ''}
            </span>
          </div>
          <UnitPicker
            id="assign-recipient"
            name="recipientCode"
            label="گیرنده"
            emptyLabel="بدون گیرنده"
            units={(units()?.items ?? []).filter((u) => u.kind !== 'group')}
            value={props.rollup.directive.recipientCode}
          />
          <div class="field">
            <label for="assign-priority">اولویت</label>
            {/* `selected` on the option, not `value` on the select: the options are not there yet when a select's value is set. */}
            <select id="assign-priority" name="priority">
              <For each={PRIORITIES}>
                {(p) => (
                  <option value={p} selected={p === 'normal'}>
                    {PRIORITY_LABELS[p]}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <FormError error={error()} />
        <p class="form-status" role="status">
          {done()}
        </p>
        <button type="submit" class="button" disabled={busy()}>
          واگذاری
        </button>
      </form>
    </section>
  );
}
