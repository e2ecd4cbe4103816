/** @module One action in a list: unit, directive excerpt, status, due date and state, progress, a link to its page. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ActionSummary } from '../api/action-types';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { DueBadge, PriorityBadge, ProgressMeter, StatusBadge } from './action-badges';

/**
 * @example
 * <ActionCard action={a} showUnit />
 */
export function ActionCard(props: { action: ActionSummary; showUnit?: boolean }) {
  const headingId = () => `action-${props.action.id}-title`;
  return (
    <li class={`action-card due-edge-${props.action.dueState}`} aria-labelledby={headingId()}>
      <h3 class="action-card-title" id={headingId()}>
        <A href={`/actions/${props.action.id}`}>
          <Show when={props.showUnit} fallback={excerpt(props.action.directive.quote, 18)}>
            {props.action.unit.name}
          </Show>
        </A>
      </h3>
      <Show when={props.showUnit}>
        <p class="action-card-quote">«{excerpt(props.action.directive.quote, 18)}»</p>
      </Show>
      <div class="action-card-facts">
        <StatusBadge status={props.action.status} />
        <DueBadge state={props.action.dueState} daysLeft={props.action.daysLeft} quiet />
        <PriorityBadge priority={props.action.priority} />
        <span class="action-card-due">
          مهلت:{' '}
          <Show when={props.action.dueOn} fallback="ندارد">
            {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
          </Show>
        </span>
        <ProgressMeter value={props.action.progress} label={`پیشرفت: ${props.action.unit.name}`} />
      </div>
      <p class="action-card-source">
        {props.action.session.title}
      </p>
    </li>
  );
}
