/**
 * @module What the search did with the query, said on the page: the respelling it suggests
 * («منظورتان … بود؟») and the common words it left out or matched only as a phrase.
 */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { SearchPage } from '../api/search';
import { onlyTheseWords, typedForms } from '../lib/typed-words';

/**
 * The query was only common words and was not searched at all: one short word (از، به), which is in
 * nearly every text and is not looked for alone (a longer run of them is, as a phrase).
 *
 * @example
 * <EmptyState title={searchedNothing(page) ? '…' : 'نتیجه‌ای پیدا نشد.'} />
 */
export function searchedNothing(page: SearchPage): boolean {
  return !page.phrase && page.total === 0 && onlyTheseWords(page.query, page.ignored);
}

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
          fallback={
            <Show
              when={searchedNothing(props.page)}
              // As typed («می تواند»), not as normalised («میتواند»).
              fallback={<p class="search-ignored">واژه‌های رایج «{typedForms(props.page.query, props.page.ignored).join('، ')}» در رتبه‌بندی به کار نرفتند.</p>}
            >
              <p class="search-ignored">«{typedForms(props.page.query, props.page.ignored).join(' ')}» در بیشتر متن‌ها آمده است؛ واژهٔ دیگری کنار آن بنویسید.</p>
            </Show>
          }
        >
          {/* As typed («می تواند»), not as normalised («میتواند», a spelling the person did not write). */}
          <p class="search-ignored">«{props.page.query.trim() || props.page.ignored.join(' ')}» فقط از واژه‌های رایج است؛ همین عبارت، واژه به واژه، جست‌وجو شد.</p>
        </Show>
      </Show>
    </div>
  );
}
