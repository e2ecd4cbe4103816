/**
 * @module What publishing did, shown once on the session page it lands on (issue 14, item 5): how
 * many directives were published, which units got actions, and which confirmed units did not and why.
 * The import page hands the server's publish result over in the navigation state; a reload drops it.
 */
import { For, Show } from 'solid-js';
import { A, createAsync, useLocation } from '@solidjs/router';
import type { PublishResult } from '../api/imports';
import { getUnits } from '../api/reports';
import type { SessionDetail } from '../api/types';
import { excerpt } from '../lib/excerpt';
import { countOf } from '../lib/persian-digits';

/** The navigation state the import page sets: `navigate(link, { state: publishedState(result) })`. */
export function publishedState(result: PublishResult): { publishSummary: PublishResult } {
  return { publishSummary: result };
}

function summaryIn(state: unknown, slug: string): PublishResult | null {
  if (typeof state !== 'object' || state === null || !('publishSummary' in state)) return null;
  const summary = (state as { publishSummary: PublishResult }).publishSummary;
  return summary && summary.slug === slug ? summary : null;
}

export function PublishSummary(props: { session: SessionDetail }) {
  const location = useLocation();
  const summary = () => summaryIn(location.state, props.session.slug);
  const units = createAsync(() => (summary() ? getUnits() : Promise.resolve(undefined)));
  const unitName = (code: string) => units()?.items.find((u) => u.code === code)?.name ?? code;
  const quoteOf = (id: number) => excerpt(props.session.directives.find((d) => d.id === id)?.quote ?? '', 10);
  return (
    <Show when={summary()}>
      {(result) => (
        <section class="state publish-summary" role="status" aria-labelledby="publish-summary-heading">
          <p class="state-title" id="publish-summary-heading">
            نشست منتشر شد: {countOf(result().published, 'رهنمود')} منتشر شد{result().rejected > 0 ? ` و ${countOf(result().rejected, 'پیشنهاد')} رد شد` : ''}.
          </p>
          <Show when={result().assigned.length > 0} fallback={<p>با انتشار، اقدامی برای واحدی ساخته نشد.</p>}>
            <p>اقدام‌هایی که با انتشار ساخته شد و به واحدها خبر داده شد:</p>
            <ul>
              <For each={result().assigned}>
                {(a) => (
                  <li>
                    {unitName(a.unitCode)}: {countOf(a.actions, 'اقدام')} برای <A href={`/directives/${a.directiveId}`}>«{quoteOf(a.directiveId)}»</A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={result().notAssigned.length > 0}>
            <p>واحدهایی که برگزیده بودید ولی اقدامی برایشان ساخته نشد:</p>
            <ul>
              <For each={result().notAssigned}>
                {(n) => (
                  <li>
                    {unitName(n.unitCode)} (<A href={`/directives/${n.directiveId}`}>«{quoteOf(n.directiveId)}»</A>): {n.reason}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
