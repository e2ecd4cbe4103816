/** @module On a directive's page: directives of other sessions that say nearly the same thing, each with its date and outcome. */
import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getRelatedDirectives } from '../api/register';
import { formatJalaliDate } from '../lib/jalali-date';
import { ProgressStrip } from './progress-strip';
import '../styles/register.css';

/**
 * @example
 * <RelatedDirectives id={7} />
 */
export function RelatedDirectives(props: { id: number }) {
  const related = createAsync(() => getRelatedDirectives(props.id));
  return (
    <section class="panel" aria-labelledby="related-heading">
      <h2 id="related-heading">رهنمودهای هم‌موضوع در نشست‌های دیگر</h2>
      <Show when={related()} fallback={<p class="muted">در حال جست‌وجو…</p>}>
        {(loaded) => (
          <Show when={loaded().items.length > 0} fallback={<p class="muted">رهنمود نزدیکی در نشست‌های دیگر پیدا نشد.</p>}>
            <ol class="related-list">
              <For each={loaded().items}>
                {(item) => (
                  <li>
                    <blockquote>{item.quote}</blockquote>
                    <p class="link-row">
                      <A href={item.link}>{item.session.title}</A>
                      <Show when={item.session.heldOn}>{(heldOn) => <time datetime={heldOn()}>{formatJalaliDate(heldOn())}</time>}</Show>
                      <span class={`register-state register-state-${item.state}`}>{item.stateLabel}</span>
                      <ProgressStrip item={item} />
                      <A href={item.trackLink}>پیگیری</A>
                    </p>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}
