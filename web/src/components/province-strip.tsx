/**
 * @module A directive's roll-up as one compact strip: a cell per unit in Persian alphabetical order,
 * coloured done / in progress / overdue / no report, each named for screen readers and on hover.
 */
import { For } from 'solid-js';
import type { ActionSummary } from '../api/action-types';
import { shortUnitName } from '../lib/unit-names';
import { toPersianDigits } from '../lib/persian-digits';

export type StripState = 'done' | 'overdue' | 'in_progress' | 'no_report' | 'closed';

export const STRIP_LABELS: Record<StripState, string> = {
  done: 'انجام‌شده',
  in_progress: 'در حال انجام',
  overdue: 'گذشته از مهلت',
  no_report: 'بی‌گزارش',
  closed: 'لغوشده',
};

/** Which colour a unit's action gets: done and cancelled first, then overdue, then whether it reported. */
export function stripState(action: ActionSummary, reported: ReadonlySet<number>): StripState {
  if (action.status === 'done') return 'done';
  if (action.status === 'cancelled') return 'closed';
  if (action.dueState === 'overdue') return 'overdue';
  return reported.has(action.id) ? 'in_progress' : 'no_report';
}

const collator = new Intl.Collator('fa');

export function ProvinceStrip(props: { units: ActionSummary[]; reported: ReadonlySet<number> }) {
  const sorted = () => [...props.units].sort((a, b) => collator.compare(shortUnitName(a.unit.name), shortUnitName(b.unit.name)));
  const count = (state: StripState) => props.units.filter((a) => stripState(a, props.reported) === state).length;
  return (
    <figure class="province-strip-figure">
      <ol class="province-strip" aria-label="وضعیت هر واحد، به ترتیب الفبا">
        <For each={sorted()}>
          {(action) => {
            const state = () => stripState(action, props.reported);
            const name = () => `${shortUnitName(action.unit.name)}: ${STRIP_LABELS[state()]}`;
            return (
              <li class={`province-cell strip-${state()}`} title={name()}>
                <a href={`/actions/${action.id}`} aria-label={name()} />
              </li>
            );
          }}
        </For>
      </ol>
      <figcaption class="strip-legend">
        <For each={['done', 'in_progress', 'overdue', 'no_report'] as StripState[]}>
          {(state) => (
            <span class="strip-key">
              <span class={`strip-swatch strip-${state}`} aria-hidden="true" />
              {STRIP_LABELS[state]} {toPersianDigits(count(state))}
            </span>
          )}
        </For>
      </figcaption>
    </figure>
  );
}
