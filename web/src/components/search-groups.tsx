/**
 * @module The search page's groups beside the sessions: directives, actions and follow-ups
 * (notes, comments, letters), each with its count, its items linking to their place, and the
 * matched words marked by the server. What each user sees was scoped by the server.
 */
import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ActionHit, DirectiveHit, FollowUpHit, SearchGroup } from '../api/search';
import { FOLLOW_UP_LABELS } from '../lib/action-labels';
import { formatJalaliDate } from '../lib/jalali-date';
import { directiveKindLabel } from '../lib/labels';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import '../styles/actions.css';
import '../styles/search-groups.css';

const NOUNS: Record<SearchGroup['kind'], string> = { sessions: 'نشست', directives: 'رهنمود', actions: 'اقدام', followups: 'پیگیری' };

/** Matches of every kind together: the page is empty only when this is 0. */
export function totalOfGroups(groups: readonly SearchGroup[] | undefined): number {
  return (groups ?? []).reduce((n, g) => n + g.total, 0);
}

/** Whether a group lists anything on this page (sessions: the page's hits, which it does not carry). */
export function listedHere(group: SearchGroup, sessionsHere: number): boolean {
  return group.kind === 'sessions' ? sessionsHere > 0 : group.items.length > 0;
}

/**
 * One line of counts per kind, each a link to its group: on this page, or (a later page, where a
 * short group has run out) on the first page, where its items are.
 */
export function SearchGroupsNav(props: { groups: SearchGroup[]; sessionsHere: number; firstPageHref: string }) {
  return (
    <nav class="search-groups-nav" aria-label="نتیجه‌ها به تفکیک نوع">
      <ul>
        <For each={props.groups}>
          {(group) => (
            <li>
              <Show when={group.total > 0} fallback={<span class="search-group-empty">{group.label}: {toPersianDigits(0)}</span>}>
                <Show
                  when={listedHere(group, props.sessionsHere)}
                  fallback={
                    <A href={`${props.firstPageHref}#group-${group.kind}`}>
                      {group.label}: {toPersianDigits(group.total)}
                    </A>
                  }
                >
                  <a href={`#group-${group.kind}`}>
                    {group.label}: {toPersianDigits(group.total)}
                  </a>
                </Show>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

function Snippet(props: { html: string }) {
  // The server escapes the text and adds only <mark> around matches.
  return <span class="search-group-snippet" innerHTML={props.html} />;
}

function DirectiveItem(props: { hit: DirectiveHit }) {
  return (
    <li class="search-group-item">
      <p class="fact-line">
        <span class={`kind-badge kind-${props.hit.kind}`}>{directiveKindLabel(props.hit.kind)}</span>
        <Show when={props.hit.speaker}>{(speaker) => <span> · {speaker()}</span>}</Show>
      </p>
      <A class="search-group-quote" href={props.hit.link}>
        <Snippet html={props.hit.snippet} />
      </A>
      <p class="fact-line">
        <A href={`/sessions/${encodeURIComponent(props.hit.session.slug)}`}>{props.hit.session.title}</A>
        <Show when={props.hit.session.heldOn}>{(heldOn) => <span> · {formatJalaliDate(heldOn())}</span>}</Show>
        <span> · </span>
        <A href={props.hit.trackLink}>پیگیری رهنمود</A>
      </p>
    </li>
  );
}

function ActionItem(props: { hit: ActionHit }) {
  return (
    <li class="search-group-item">
      <p class="fact-line">
        <A href={props.hit.link} class="search-group-title">
          {props.hit.unit.name}
        </A>
        <span> </span>
        <span class={`status-badge status-${props.hit.status}`}>{props.hit.statusLabel}</span>
        <span> · پیشرفت {toPersianDigits(props.hit.progress)}٪</span>
        <Show when={props.hit.dueOn}>{(due) => <span> · مهلت {formatJalaliDate(due())}</span>}</Show>
      </p>
      <A class="search-group-quote" href={props.hit.link}>
        <Snippet html={props.hit.directive.snippet} />
      </A>
      <p class="fact-line">
        {props.hit.session.title}
        <Show when={props.hit.statusReason}>{(reason) => <span> · {reason()}</span>}</Show>
      </p>
    </li>
  );
}

/** At most about `max` characters, cut before a word rather than inside one (… با ه…), with «…». */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > max / 2 ? space : max).replace(/[\s،,؛]+$/u, '')}…`;
}

function FollowUpItem(props: { hit: FollowUpHit }) {
  const kindLabel = () => FOLLOW_UP_LABELS[props.hit.kind as keyof typeof FOLLOW_UP_LABELS] ?? props.hit.kind;
  return (
    <li class="search-group-item">
      <p class="fact-line">
        <A href={props.hit.link} class="search-group-title">
          {kindLabel()} · {props.hit.action.unit.name}
        </A>
        <Show when={props.hit.author}>{(author) => <span> · {author()}</span>}</Show>
        <span> · {formatJalaliDate(props.hit.createdAt.slice(0, 10))}</span>
      </p>
      <Show when={props.hit.letterNumber}>
        {(letter) => (
          <p class="search-group-letter">
            شماره نامه: <bdi class={props.hit.letterMatch ? 'letter-match' : undefined}>{toPersianDigits(letter())}</bdi>
            <Show when={props.hit.letterDate}>{(date) => <span> · {formatJalaliDate(date())}</span>}</Show>
          </p>
        )}
      </Show>
      <Show when={props.hit.snippet}>
        <A class="search-group-quote" href={props.hit.link}>
          <Snippet html={props.hit.snippet} />
        </A>
      </Show>
      <p class="fact-line search-group-context">«{cutAtWord(props.hit.action.quote, 90)}»</p>
    </li>
  );
}

/** The non-session groups with items on this page, in the server's order (none: no heading over nothing). */
export function SearchGroups(props: { groups: SearchGroup[] }) {
  return (
    <For each={props.groups.filter((g) => g.kind !== 'sessions' && g.items.length > 0)}>
      {(group) => (
        <section class="search-group" id={`group-${group.kind}`} aria-labelledby={`group-${group.kind}-heading`}>
          <h2 id={`group-${group.kind}-heading`}>
            {group.label} <span class="search-group-count">({countOf(group.total, NOUNS[group.kind])})</span>
          </h2>
          <ol class="search-group-list">
            {group.kind === 'directives' && <For each={group.items}>{(hit) => <DirectiveItem hit={hit} />}</For>}
            {group.kind === 'actions' && <For each={group.items}>{(hit) => <ActionItem hit={hit} />}</For>}
            {group.kind === 'followups' && <For each={group.items}>{(hit) => <FollowUpItem hit={hit} />}</For>}
          </ol>
        </section>
      )}
    </For>
  );
}
