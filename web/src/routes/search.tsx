/**
 * @module Search page: search-as-you-type (debounced) over every session, the query and
 * filters kept in the URL, results grouped by session with highlighted paragraphs that
 * link to their place in the session.
 */
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { DEEPEST_SEARCH_PAGE, knownSpeakers, searchSessions, SEARCH_PAGE_SIZE, type SearchPage as ResultsPage, type SearchRequest } from '../api/search';
import { JalaliDatePicker } from '../components/jalali-date-picker';
import { usePageTitle } from '../components/page-title';
import { SearchGroups, SearchGroupsNav, totalOfGroups } from '../components/search-groups';
import { Pagination, pageCount, parsePage } from '../components/pagination';
import { AsyncBoundary, EmptyState, ErrorState } from '../components/states';
import { formatJalaliDate } from '../lib/jalali-date';
import { SESSION_KINDS, sessionKindLabel } from '../lib/labels';
import { countOf } from '../lib/persian-digits';
import { markedWords } from '../lib/query-highlight';
import { firstParam } from '../lib/search-params';
import { SearchNotes, searchedNothing } from './search-page-notes';
import '../styles/search.css';

/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 250;

/** The kind filter: every kind, or one. */
const KINDS: Array<[string, string]> = [['', 'همه'], ...SESSION_KINDS.map((kind): [string, string] => [kind, sessionKindLabel(kind)])];

type FilterKey = 'q' | 'from' | 'to' | 'speaker' | 'kind';

/** A hit's link: its paragraph, with the words the server marked so the session page marks them too. */
function snippetHref(slug: string, ordinal: number, snippet: string): string {
  const words = markedWords(snippet);
  const query = words.length > 0 ? `?${new URLSearchParams({ hl: words.join('|') }).toString()}` : '';
  return `/sessions/${encodeURIComponent(slug)}${query}#p-${ordinal}`;
}

/**
 * Most characters of a query once in a URL: the page's and the API's URLs carry it, and the server
 * refuses a request line past 16 KB (431). 2,000 Persian letters are 12,000 (two bytes each, %XX%XX);
 * 2,000 characters of three bytes (Arabic presentation forms from a PDF, ZWNJ) would be 18,000.
 */
const MAX_QUERY_IN_URL = 12_000;

/** The query cut, by whole characters, to what a URL may carry. */
function fitToUrl(query: string): string {
  if (encodeURIComponent(query).length <= MAX_QUERY_IN_URL) return query;
  let kept = '';
  let length = 0;
  for (const char of query) {
    length += encodeURIComponent(char).length;
    if (length > MAX_QUERY_IN_URL) break;
    kept += char;
  }
  return kept;
}

/** One search's answer: its page, or why there is none. */
type SearchOutcome = { page: ResultsPage; error?: undefined } | { page?: undefined; error: unknown };

/** Anything listed on this page: a session, or an item of any group (a page past them all lists none). */
function listsAny(page: ResultsPage): boolean {
  return page.hits.length > 0 || (page.groups ?? []).some((g) => g.kind !== 'sessions' && g.items.length > 0);
}

/** Anything found at all, on any page. */
function foundAny(page: ResultsPage): boolean {
  return page.total > 0 || totalOfGroups(page.groups) > 0;
}

/** A page as asked in the URL, no deeper than the search serves (an old or edited link: page=99999). */
function pageOf(value: string | string[] | undefined): number {
  return Math.min(parsePage(value), DEEPEST_SEARCH_PAGE);
}

/** A query parameter as a field shows it: '' when missing. */
function one(value: string | string[] | undefined): string {
  return firstParam(value) ?? '';
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = createSignal(one(params.q));
  const request = (): SearchRequest | null => {
    const q = one(params.q);
    if (!q.trim()) return null;
    return { q, page: pageOf(params.page), from: one(params.from), to: one(params.to), speaker: one(params.speaker), kind: one(params.kind) };
  };
  // A failed search is a value, not a throw: an error boundary would stay in its error state and
  // hide the next query's results; as a value, the next query simply replaces it.
  const results = createAsync(async (): Promise<SearchOutcome | undefined> => {
    const r = request();
    if (!r) return undefined;
    try {
      return { page: await searchSessions(r) };
    } catch (error) {
      return { error };
    }
  });
  // The speaker field suggests the known speakers; any spelling of them is accepted by the server.
  const speakers = createAsync(() => knownSpeakers().catch(() => ({ speakers: [] })));
  usePageTitle(() => (one(params.q) ? `جست‌وجو: ${one(params.q)}` : 'جست‌وجو'));

  // Arriving at the search page means wanting to type: the box has the focus.
  let box: HTMLInputElement | undefined;
  onMount(() => box?.focus());

  // One pending change per field: Enter in the search box (or a date field) must not cancel another field's.
  const timers = new Map<FilterKey, ReturnType<typeof setTimeout>>();
  onCleanup(() => timers.forEach((t) => clearTimeout(t)));
  // Typing replaces the URL (no history entry per letter); a new query starts at page 1. A query
  // settled by Enter, or a date or kind chosen, is kept: the next change is a new history entry,
  // so Back returns to it.
  let settled = false;
  // Back and Forward change the query under the box: it shows the query of the entry returned to.
  createEffect(on(() => one(params.q), (q) => { if (!timers.has('q')) setText(q); }, { defer: true }));
  const setFilter = (key: FilterKey, value: string, delay = DEBOUNCE_MS, how: 'typing' | 'enter' | 'choice' = 'typing') => {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      if (one(params[key]) !== value) setParams({ [key]: value || undefined, page: undefined }, { replace: how !== 'choice' && !settled });
      settled = how !== 'typing';
    }, delay));
  };
  const hrefForQuery = (q: string) => {
    const next = new URLSearchParams();
    for (const key of ['from', 'to', 'speaker', 'kind'] as const) if (one(params[key])) next.set(key, one(params[key]));
    next.set('q', q);
    return `/search?${next.toString()}`;
  };
  const hrefFor = (page: number) => {
    const next = new URLSearchParams();
    for (const key of ['q', 'from', 'to', 'speaker', 'kind'] as const) if (one(params[key])) next.set(key, one(params[key]));
    if (page > 1) next.set('page', String(page));
    return `/search?${next.toString()}`;
  };

  return (
    <section class="page search-page" aria-labelledby="search-heading">
      <header class="page-header">
        <h1 id="search-heading">جست‌وجو</h1>
        <p class="page-lead">در همه نشست‌ها و رهنمودها؛ با هر املایی (ي یا ی، با یا بی‌فاصله) و حتی با غلط تایپی.</p>
      </header>
      <form class="search-form" role="search" onSubmit={(e) => { e.preventDefault(); setFilter('q', text(), 0, 'enter'); }}>
        {/* A submit button: without one, Enter in a form of several fields submits nothing (HTML's implicit submission). */}
        <div class="search-row">
          <label class="search-box">
            <span class="visually-hidden">عبارت جست‌وجو</span>
            <input
              ref={box}
              type="search"
              name="q"
              value={text()}
              placeholder="مثلاً: بودجه ۱۴۰۰"
              autocomplete="off"
              // The server's limit (search-input.ts): a longer paste would be refused before it reached the search.
              maxlength="2000"
              onInput={(e) => {
                const value = fitToUrl(e.currentTarget.value);
                if (value !== e.currentTarget.value) e.currentTarget.value = value;
                setText(value);
                setFilter('q', value);
              }}
            />
          </label>
          <button type="submit" class="button">جست‌وجو</button>
        </div>
        <fieldset class="search-filters">
          <legend>پالایش</legend>
          {/* Jalali pickers: typed in any digits or picked from a month; the URL and the API get ISO dates. */}
          <JalaliDatePicker label="از تاریخ" name="from" value={one(params.from)} openOn={one(params.to)} onChange={(iso) => setFilter('from', iso, 0, 'choice')} />
          <JalaliDatePicker label="تا تاریخ" name="to" value={one(params.to)} openOn={one(params.from)} onChange={(iso) => setFilter('to', iso, 0, 'choice')} />
          <label>
            سخنران
            <input type="text" name="speaker" list="known-speakers" autocomplete="off" value={one(params.speaker)} onInput={(e) => setFilter('speaker', e.currentTarget.value)} />
            <datalist id="known-speakers">
              <For each={speakers()?.speakers ?? []}>{(person) => <option value={person.name} />}</For>
            </datalist>
          </label>
          <label>
            نوع
            <select name="kind" onChange={(e) => setFilter('kind', e.currentTarget.value, 0, 'choice')}>
              <For each={KINDS}>{([value, label]) => <option value={value} selected={one(params.kind) === value}>{label}</option>}</For>
            </select>
          </label>
        </fieldset>
      </form>

      <Show when={request()} fallback={<EmptyState title="چه چیزی را می‌جویید؟"><p>واژه‌ای بنویسید؛ نتیجه‌ها همان‌طور که می‌نویسید نمایش داده می‌شوند.</p></EmptyState>}>
        <AsyncBoundary loadingLabel="در حال جست‌وجو…">
          <Show when={results()?.error}>
            {(error) => <ErrorState error={error()} onRetry={() => void revalidate(searchSessions.key)} />}
          </Show>
          <Show when={results()?.page}>
            {(page) => (
              <Show
                when={listsAny(page())}
                fallback={
                  <EmptyState title={foundAny(page()) ? 'این صفحه نتیجه‌ای ندارد.' : searchedNothing(page()) ? 'یک واژهٔ رایج به‌تنهایی جست‌وجو نمی‌شود.' : 'نتیجه‌ای پیدا نشد.'}>
                    <Show when={foundAny(page())}>
                      <p>
                        <A href={hrefFor(1)}>صفحه نخست نتیجه‌ها</A>
                      </p>
                    </Show>
                    <SearchNotes page={page()} hrefForQuery={hrefForQuery} />
                    <Show when={page().ignored.length === 0 && !page().suggestion && !foundAny(page())}>
                      <p>واژه‌های دیگری را امتحان کنید یا پالایش‌ها را بردارید.</p>
                    </Show>
                  </EmptyState>
                }
              >
                <p class="list-summary" role="status">{page().groups ? countOf(totalOfGroups(page().groups), 'نتیجه') : countOf(page().total, 'نشست')} پیدا شد</p>
                <SearchGroupsNav groups={page().groups ?? []} sessionsHere={page().hits.length} firstPageHref={hrefFor(1)} />
                <SearchNotes page={page()} hrefForQuery={hrefForQuery} />
                <ol class="search-results" id="group-sessions">
                  <For each={page().hits}>
                    {(hit) => (
                      <li class="search-hit">
                        <h2 class="search-hit-title">
                          <A href={`/sessions/${encodeURIComponent(hit.session.slug)}`}>{hit.session.title}</A>
                        </h2>
                        <p class="fact-line">
                          <Show when={hit.session.heldOn} fallback={<span>بدون تاریخ</span>}>
                            {(heldOn) => <time datetime={heldOn()}>{formatJalaliDate(heldOn())}</time>}
                          </Show>
                          <Show when={hit.session.speakers.length > 0}>
                            <span> · {hit.session.speakers.join('، ')}</span>
                          </Show>
                        </p>
                        <ul class="search-snippets">
                          <For each={hit.paragraphs}>
                            {(paragraph) => (
                              <li>
                                {/* The server escapes the text and adds only <mark> around matches. */}
                                <A class="search-snippet" href={snippetHref(hit.session.slug, paragraph.ordinal, paragraph.snippet)} innerHTML={paragraph.snippet} />
                              </li>
                            )}
                          </For>
                        </ul>
                      </li>
                    )}
                  </For>
                </ol>
                <SearchGroups groups={page().groups ?? []} />
                <Pagination page={pageOf(params.page)} pageCount={pageCount(Math.max(page().total, ...(page().groups ?? []).map((g) => g.total)), SEARCH_PAGE_SIZE)} hrefFor={hrefFor} label="صفحه‌های نتیجه‌ها" />
              </Show>
            )}
          </Show>
        </AsyncBoundary>
      </Show>
    </section>
  );
}
