/**
 * @module What the search did with the query, said on the page: the respelling it suggests
 * («منظورتان … بود؟») and the common words it left out or matched only as a phrase.
 */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { SearchPage } from '../api/search';

/**
 * The suggestion as a link that searches it, and the ignored common words.
 *
 * @example
 * <SearchNotes page={page()} hrefForQuery={(q) => `/search?q=${q}`} />
 */
export function SearchNotes(props: { page: SearchPage; hrefForQuery: (q: string) => string }) {
  return (
    <div class="search-notes">
      <Show when={props.page.suggestion}>
        {(suggestion) => (
          <p class="search-suggestion">
            منظورتان «<A href={props.hrefForQuery(suggestion())}>{suggestion()}</A>» بود؟
          </p>
        )}
      </Show>
      <Show when={props.page.ignored.length > 0}>
        <Show
          when={props.page.phrase}
          fallback={<p class="search-ignored">واژه‌های رایج «{props.page.ignored.join('، ')}» در رتبه‌بندی به کار نرفتند.</p>}
        >
          {/* As typed («می تواند»), not as normalised («میتواند», a spelling the person did not write). */}
          <p class="search-ignored">«{props.page.query.trim() || props.page.ignored.join(' ')}» فقط از واژه‌های رایج است؛ همین عبارت، واژه به واژه، جست‌وجو شد.</p>
        </Show>
      </Show>
    </div>
  );
}
