/** @module Small signs of an action's state: status, due state (words, never colour alone), progress, priority. */
import { Show } from 'solid-js';
import type { ActionStatus, DueState, Priority } from '../api/action-types';
import { dueStateLabel, PRIORITY_LABELS, STATUS_LABELS } from '../lib/action-labels';
import { toPersianDigits } from '../lib/persian-digits';

/**
 * @example
 * <StatusBadge status="awaiting_verification" />
 */
export function StatusBadge(props: { status: ActionStatus }) {
  return <span class={`status-badge status-${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}

/**
 * Overdue, due today and due soon are marked; on-track and closed show quietly (or not at all with `quiet`).
 *
 * @example
 * <DueBadge state="overdue" daysLeft={-3} />
 */
export function DueBadge(props: { state: DueState; daysLeft: number | null; quiet?: boolean }) {
  const loud = () => props.state === 'overdue' || props.state === 'due_today' || props.state === 'due_soon';
  return (
    <Show when={loud() || !props.quiet}>
      <span class={`due-badge due-${props.state}`}>
        <Show when={props.state === 'overdue'}>
          <span aria-hidden="true">⚠ </span>
        </Show>
        {dueStateLabel(props.state, props.daysLeft)}
      </span>
    </Show>
  );
}

/**
 * A labelled progress bar with its percentage written beside it.
 *
 * @example
 * <ProgressMeter value={80} label="پیشرفت اقدام آذربایجان شرقی" />
 */
export function ProgressMeter(props: { value: number; label: string }) {
  return (
    <span class="progress-meter">
      <progress max="100" value={props.value} aria-label={props.label} />
      <span class="progress-value">{toPersianDigits(props.value)}٪</span>
    </span>
  );
}

export function PriorityBadge(props: { priority: Priority }) {
  return (
    <Show when={props.priority !== 'normal'}>
      <span class={`priority-badge priority-${props.priority}`}>اولویت {PRIORITY_LABELS[props.priority]}</span>
    </Show>
  );
}
