/** @module The short facts of a session in one line (date, kind, series, speakers, directive count), for lists. */
import { Show } from 'solid-js';
import type { SessionSummary } from '../api/types';
import { formatJalaliDate } from '../lib/jalali-date';
import { sessionKindLabel } from '../lib/labels';
import { countOf } from '../lib/persian-digits';

/**
 * @example
 * <SessionFacts session={summary} />
 */
export function SessionFacts(props: { session: SessionSummary }) {
  return (
    <ul class="fact-line">
      <li>
        <span class="kind-badge session-kind">{sessionKindLabel(props.session.kind)}</span>
      </li>
      <li>
        <Show when={props.session.heldOn} fallback={<span>بدون تاریخ</span>}>
          {(heldOn) => <time datetime={heldOn()}>{formatJalaliDate(heldOn())}</time>}
        </Show>
      </li>
      <Show when={props.session.series}>
        {(series) => (
          <li>
            <span class="fact-label">مجموعه:</span> {series()}
          </li>
        )}
      </Show>
      <Show when={props.session.speakers.length > 0}>
        <li>
          <span class="fact-label">سخنران:</span> {props.session.speakers.join('، ')}
        </li>
      </Show>
      <li class="directive-count">{props.session.directiveCount > 0 ? countOf(props.session.directiveCount, 'رهنمود') : 'بدون رهنمود'}</li>
    </ul>
  );
}
