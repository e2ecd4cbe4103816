/** @module On a session page: open actions carried over from earlier sessions of its series, per directive. */
import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getCarryOver } from '../api/directives';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import '../styles/actions.css';

/**
 * Shown only when the series has open actions from earlier sessions; errors stay quiet
 * (the session itself is what the page is for).
 *
 * @example
 * <CarryOverBox slug="tvto-outsourcing-webinar-2" />
 */
export function CarryOverBox(props: { slug: string }) {
  const carried = createAsync(() => getCarryOver(props.slug).catch(() => undefined));
  return (
    <Show when={carried()?.directives.length ? carried() : undefined}>
      {(box) => (
        <section class="carry-over" aria-labelledby="carry-over-heading">
          <h2 id="carry-over-heading">اقدام‌های باز از نشست‌های پیشین این مجموعه ({toPersianDigits(box().total)})</h2>
          <ul class="carry-over-list">
            <For each={box().directives}>
              {(entry) => (
                <li>
                  <p class="carry-over-quote">
                    <A href={`/directives/${entry.directive.id}`}>«{excerpt(entry.directive.quote, 16)}»</A>
                  </p>
                  <p class="carry-over-facts">
                    <A href={entry.link}>{entry.session.title}</A>
                    <Show when={entry.session.heldOn}>{(heldOn) => <span> · {formatJalaliDate(heldOn())}</span>}</Show>
                    <span> · {countOf(entry.counts.open, 'اقدام باز')}</span>
                    <Show when={entry.counts.overdue > 0}>
                      <span class="due-badge due-overdue">{countOf(entry.counts.overdue, 'گذشته از مهلت')}</span>
                    </Show>
                  </p>
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </Show>
  );
}
