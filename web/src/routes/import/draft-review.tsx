/** @module Step 2 of «نشست جدید»: the draft under review, its text beside its suggestions, and publishing. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ImportDraft, ImportSuggestion } from '../../api/imports';
import { usePageTitle } from '../../components/page-title';
import { formatJalaliDate } from '../../lib/jalali-date';
import { sessionKindLabel } from '../../lib/labels';
import { countOf, toPersianDigits } from '../../lib/persian-digits';
import { PublishBox } from './publish-box';
import { ReviewText } from './review-text';
import { SuggestionCard } from './suggestion-card';

function recount(suggestions: ImportSuggestion[]): ImportDraft['counts'] {
  const n = (review: ImportSuggestion['review']) => suggestions.filter((s) => s.review === review).length;
  const pendingCandidates = suggestions.filter((s) => s.review === 'pending' && s.origin === 'candidate').length;
  return { pending: n('pending') - pendingCandidates, candidates: pendingCandidates, confirmed: n('confirmed'), rejected: n('rejected') };
}

/** A candidate under the threshold joins the suggestions once a reviewer confirms it. */
const inMainList = (s: ImportSuggestion) => s.origin !== 'candidate' || s.review === 'confirmed';
const candidateRank = (s: ImportSuggestion) => Number(s.anchor.replace(/^c/, '')) || 0;

/** Step 2: review and publish. */
export function DraftReview(props: { initial: ImportDraft }) {
  const [draft, setDraft] = createSignal<ImportDraft>(props.initial);
  usePageTitle(() => `بررسی: ${draft().title}`);
  const ordered = createMemo(() => draft().suggestions.filter(inMainList).sort((a, b) => a.start - b.start || a.id - b.id));
  const candidates = createMemo(() => draft().suggestions.filter((s) => !inMainList(s)).sort((a, b) => candidateRank(a) - candidateRank(b)));
  // The header counts the suggestions listed; candidates left alone hold nothing up, so they are counted apart.
  const inReview = (review: ImportSuggestion['review']) => ordered().filter((s) => s.review === review).length;
  const numberOf = createMemo(() => new Map([...ordered(), ...candidates()].map((s, i) => [s.id, i + 1])));

  const replace = (updated: ImportSuggestion) => {
    const others = draft().suggestions.filter((s) => s.id !== updated.id);
    const suggestions = [...others, updated];
    setDraft({ ...draft(), suggestions, counts: recount(suggestions) });
  };

  return (
    <article class="page import-review" aria-labelledby="review-heading">
      <header class="page-header">
        <p class="eyebrow">
          <span class="kind-badge session-kind">{sessionKindLabel(draft().kind)}</span> پیش‌نویس نشست
        </p>
        <h1 id="review-heading">{draft().title}</h1>
        <p class="review-facts">
          <span>{draft().heldOn ? formatJalaliDate(draft().heldOn ?? '') : 'بی‌تاریخ (مهلت‌ها حساب نشدند)'}</span>
          <span>
            {countOf(ordered().length, 'رهنمود پیشنهادی')}: {toPersianDigits(inReview('confirmed'))} تأییدشده، {toPersianDigits(inReview('rejected'))} ردشده،{' '}
            {toPersianDigits(inReview('pending'))} بررسی‌نشده
            <Show when={candidates().length > 0}>؛ و {countOf(candidates().length, 'رهنمود احتمالی')}</Show>
          </span>
        </p>
      </header>

      <Show when={draft().sameText.length > 0}>
        <div class="state state-notice duplicate-warning" role="alert">
          <p>همین متن پیش‌تر وارد شده است؛ پیش از انتشار نسخهٔ دوم، آن را ببینید:</p>
          <ul>
            <For each={draft().sameText}>
              {(other) => (
                <li>
                  <A href={other.link}>{other.title}</A> ({other.status === 'draft' ? 'پیش‌نویس' : 'منتشرشده'})
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <Show when={draft().status === 'published'}>
        <p class="state state-empty" role="status">
          این نشست منتشر شده است. <A href={`/sessions/${draft().slug}`}>دیدن نشست</A>
        </p>
      </Show>

      <div class="review-layout">
        <ReviewText draft={draft()} suggestions={ordered()} numberOf={numberOf()} onAdded={replace} />

        <section class="review-suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">رهنمودهای پیشنهادی</h2>
          <Show when={ordered().length > 0} fallback={<p>رهنمودی پیدا نشد؛ اگر رهنمودی در متن هست، آن را انتخاب کنید و بیفزایید.</p>}>
            <ol class="suggestion-list">
              <For each={ordered()}>
                {(suggestion) => (
                  <SuggestionCard
                    suggestion={suggestion}
                    number={numberOf().get(suggestion.id) ?? 0}
                    draft={draft()}
                    onChange={replace}
                  />
                )}
              </For>
            </ol>
          </Show>
          <Show when={candidates().length > 0}>
            <details class="candidate-list">
              <summary>
                {countOf(candidates().length, 'رهنمود احتمالی دیگر')}
                <span class="field-hint"> — جمله‌هایی که امتیازشان به آستانهٔ پیشنهاد نرسید، به ترتیب احتمال</span>
              </summary>
              <ol class="suggestion-list">
                <For each={candidates()}>
                  {(suggestion) => (
                    <SuggestionCard suggestion={suggestion} number={numberOf().get(suggestion.id) ?? 0} draft={draft()} onChange={replace} />
                  )}
                </For>
              </ol>
            </details>
          </Show>
        </section>
      </div>

      <Show when={draft().status === 'draft'}>
        <PublishBox draft={draft()} />
      </Show>
    </article>
  );
}
