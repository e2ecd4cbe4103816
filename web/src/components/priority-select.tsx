/** @module The priority of an action as a form's select, in Persian, with the given one chosen. */
import { For } from 'solid-js';
import type { Priority } from '../api/action-types';
import { PRIORITIES, PRIORITY_LABELS } from '../lib/action-labels';

/**
 * @example
 * <label for="assign-priority">اولویت</label>
 * <PrioritySelect id="assign-priority" selected="normal" />
 */
export function PrioritySelect(props: { id: string; selected: Priority }) {
  return (
    // `selected` on the option, not `value` on the select: the options are not there yet when a select's value is set.
    <select id={props.id} name="priority">
      <For each={PRIORITIES}>
        {(p) => (
          <option value={p} selected={p === props.selected}>
            {PRIORITY_LABELS[p]}
          </option>
        )}
      </For>
    </select>
  );
}
