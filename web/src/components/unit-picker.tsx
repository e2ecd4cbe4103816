/**
 * @module The one unit picker (import review, assignment recipient, admin's user unit, …):
 * a search box that filters as you type (Persian spelled any way: ي/ی, ZWNJ or none), a select
 * grouped by kind with full names in Persian alphabetical order, and the chosen unit's full name
 * below it, so a long province name is never cut. The chosen unit always stays among the options,
 * so filtering never changes what is chosen.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { foldPersian } from '../lib/fold-persian';

/** What the picker needs of a unit (every units list of the API has these). */
export interface PickableUnit {
  code: string;
  name: string;
  kind: string;
}

/** The kinds in the order they are listed, each with the one label every picker uses. */
export const UNIT_KIND_GROUPS: ReadonlyArray<{ kind: string; label: string }> = [
  { kind: 'group', label: 'گروه‌ها' },
  { kind: 'headquarters', label: 'ستاد' },
  { kind: 'province', label: 'استان‌ها' },
  { kind: 'external', label: 'دستگاه‌های بیرونی' },
];

const collator = new Intl.Collator('fa');

/**
 * Units grouped by kind (in UNIT_KIND_GROUPS order, empty groups left out), each group in
 * Persian alphabetical order, filtered by `query`; `keep` stays in even when it does not match.
 *
 * @example
 * groupUnits(units, 'اردبيل') // [{ kind: 'province', label: 'استان‌ها', units: [{ code: 'prov-ardabil', … }] }]
 */
export function groupUnits<T extends PickableUnit>(units: readonly T[], query = '', keep: readonly string[] = []): Array<{ kind: string; label: string; units: T[] }> {
  const wanted = foldPersian(query);
  const matches = (unit: T) => wanted === '' || keep.includes(unit.code) || foldPersian(unit.name).includes(wanted);
  return UNIT_KIND_GROUPS.map((group) => ({
    ...group,
    units: units.filter((u) => u.kind === group.kind && matches(u)).sort((a, b) => collator.compare(a.name, b.name)),
  })).filter((group) => group.units.length > 0);
}

/** The search box every picker puts above its list (Enter filters, never submits the form). */
export function UnitSearch(props: { id: string; value: string; onInput: (text: string) => void; disabled?: boolean }) {
  return (
    <input
      id={props.id}
      class="unit-picker-search"
      type="search"
      aria-label="یافتن واحد"
      placeholder="یافتن واحد…"
      autocomplete="off"
      value={props.value}
      disabled={props.disabled}
      onInput={(e) => props.onInput(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    />
  );
}

/**
 * One unit, or none. Works inside a form (`name`) or on its own (`onChange`).
 *
 * @example
 * <UnitPicker id="s-1-assignee" label="واحد مسئول" units={draft.units} value={code} onChange={save} />
 */
export function UnitPicker(props: {
  id: string;
  label: string;
  units: readonly PickableUnit[];
  value: string | null;
  name?: string;
  /** The empty choice's words; default «— تعیین نشده —». */
  emptyLabel?: string;
  /** Which kinds to offer; default every kind. */
  kinds?: readonly string[];
  /** A visible label above the field (default) or only an accessible one (in a table row). */
  hideLabel?: boolean;
  disabled?: boolean;
  onChange?: (code: string | null) => void;
}) {
  const [query, setQuery] = createSignal('');
  const [chosen, setChosen] = createSignal<string | null>(null);
  const current = () => chosen() ?? props.value ?? '';
  const offered = createMemo(() => (props.kinds ? props.units.filter((u) => props.kinds?.includes(u.kind)) : props.units));
  const groups = createMemo(() => groupUnits(offered(), query(), current() ? [current()] : []));
  const chosenName = () => props.units.find((u) => u.code === current())?.name;
  const matchCount = () => groups().reduce((n, g) => n + g.units.length, 0);
  // A form reset (after «افزودن») puts the select back on its first option: forget the choice and the search with it.
  const forgetOnReset = (select: HTMLSelectElement) =>
    queueMicrotask(() =>
      select.form?.addEventListener('reset', () => {
        setChosen(null);
        setQuery('');
      }),
    );
  return (
    <div class="field unit-picker">
      <label for={props.id} classList={{ 'visually-hidden': props.hideLabel }}>
        {props.label}
      </label>
      <div class="unit-picker-controls">
        <UnitSearch id={`${props.id}-search`} value={query()} onInput={setQuery} disabled={props.disabled} />
        <select
          id={props.id}
          name={props.name}
          ref={forgetOnReset}
          disabled={props.disabled}
          aria-describedby={`${props.id}-chosen`}
          onChange={(e) => {
            const code = e.currentTarget.value || null;
            setChosen(code ?? '');
            props.onChange?.(code);
          }}
        >
          <option value="" selected={current() === ''}>
            {props.emptyLabel ?? '— تعیین نشده —'}
          </option>
          <For each={groups()}>
            {(group) => (
              <optgroup label={group.label}>
                <For each={group.units}>
                  {(unit) => (
                    <option value={unit.code} selected={unit.code === current()}>
                      {unit.name}
                    </option>
                  )}
                </For>
              </optgroup>
            )}
          </For>
        </select>
      </div>
      <p id={`${props.id}-chosen`} class="unit-picker-chosen">
        <Show when={chosenName()} fallback={<span class="muted">{query() && matchCount() === 0 ? 'واحدی با این نام نیست.' : ''}</span>}>
          {(name) => <>برگزیده: {name()}</>}
        </Show>
      </p>
    </div>
  );
}
