/** @module One action in a list: unit, directive excerpt, status, due date and state, progress, a link to its page. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ActionSummary } from '../api/action-types';
import { formatJalaliDate } from '../lib/jalali-date';
import { DueBadge, PriorityBadge, ProgressMeter, StatusBadge } from './action-badges';

/** The first words of a directive's quote. */
export function quoteExcerpt(quote: string, words = 18): string {
  const parts = quote.split(/\s+/);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : quote;
}

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
          <Show when={props.showUnit} fallback={quoteExcerpt(props.action.directive.quote)}>
            {props.action.unit.name}
          </Show>
        </A>
      </h3>
      <Show when={props.showUnit}>
        <p class="action-card-quote">«{quoteExcerpt(props.action.directive.quote)}»</p>
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
