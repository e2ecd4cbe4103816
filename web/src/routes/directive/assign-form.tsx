/** @module Managers assign a published directive to units or groups (such as «همه استان‌ها»), with a Jalali deadline, a recipient and a priority. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import type { DirectiveRollup, Priority, Unit } from '../../api/action-types';
import { assignDirective } from '../../api/directives';
import { getUnits } from '../../api/reports';
import { FormError } from '../../components/form-error';
import { groupUnits, UnitPicker, UnitSearch } from '../../components/unit-picker';
import { PrioritySelect } from '../../components/priority-select';
import { PRIORITIES } from '../../lib/action-labels';
import { jalaliInputValue } from '../../lib/jalali-datetime';
import { countOf } from '../../lib/persian-digits';
import { DATE_EXAMPLE, readTypedDate } from '../../lib/typed-numbers';
import { shortUnitName } from '../../lib/unit-names';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

/** Assign a directive to the units and groups checked in the form; the result says what was made. */
const assignWrite = writeAction('directive-assign', async (directiveId: number, form: FormData) => {
  const codes = form.getAll('units').map(String);
  if (codes.length === 0) refuse('دست‌کم یک واحد یا گروه را برگزینید.');
  const priority = String(form.get('priority') ?? 'normal');
  const recipient = String(form.get('recipientCode') ?? '');
  const dueOn = readTypedDate(String(form.get('dueOn') ?? ''), 'مهلت');
  if (!dueOn.ok) refuse(dueOn.error);
  const result = await assignDirective(directiveId, {
    units: codes,
    dueOn: dueOn.value ?? undefined,
    recipientCode: recipient || null,
    priority: PRIORITIES.find((p): p is Priority => p === priority) ?? 'normal',
  });
  return (
    `${countOf(result.createdCount, 'اقدام تازه')} ساخته شد` +
    (result.existingCount > 0 ? `؛ ${countOf(result.existingCount, 'واحد')} از پیش اقدام داشت و دست نخورد.` : '.')
  );
});

export function AssignForm(props: { rollup: DirectiveRollup }) {
  const units = createAsync(() => getUnits());
  const assign = useWrite(assignWrite);
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

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    void assign.send(props.rollup.directive.id, new FormData(event.currentTarget));
  };

  return (
    <section class="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">واگذاری به واحدها</h2>
      <form class="stacked-form assign-form" onSubmit={submit}>
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
            <PrioritySelect id="assign-priority" selected="normal" />
          </div>
        </div>
        <FormError error={assign.submission.error} />
        <p class="form-status" role="status">
          {assign.submission.result ?? ''}
        </p>
        <button type="submit" class="button" disabled={assign.submission.pending === true}>
          واگذاری
        </button>
      </form>
    </section>
  );
}
