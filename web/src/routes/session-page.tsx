/**
 * @module A session: its facts, its text paragraph by paragraph with every published
 * directive highlighted in place (`#d-<anchor>`) and its note beside it, and the editor's notes.
 * Managers also get «ویرایش» and «پس‌گرفتن» (and see a withdrawn session, marked); right after
 * publishing, what publishing did.
 */
import { createEffect, createMemo, For, Show } from 'solid-js';
import { A, createAsync, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { getMe } from '../api/auth';
import { getSession, getSessionDocument } from '../api/sessions';
import type { DirectiveDto, SessionDetail } from '../api/types';
import { isManagerRole } from '../components/actions-nav';
import { CarryOverBox } from '../components/carry-over-box';
import { DirectiveNote } from '../components/directive-note';
import { createMediaSeeker, PlayFromButton, SessionMedia } from '../components/session-media';
import { usePageTitle } from '../components/page-title';
import { PublishSummary } from '../components/publish-summary';
import { SessionManagerTools, WithdrawnBanner } from '../components/session-correction';
import { AsyncBoundary, EmptyState } from '../components/states';
import { placeDirectives } from '../lib/directive-segments';
import { excerpt } from '../lib/excerpt';
import { highlightWords } from '../lib/query-highlight';
import { firstParam } from '../lib/search-params';
import { formatJalaliDateWithWeekday } from '../lib/jalali-date';
import { directiveKindLabel, sessionKindLabel } from '../lib/labels';
import { formatMediaTime, toPersianDigits } from '../lib/persian-digits';

export function SessionPage() {
  const params = useParams();
  const session = createAsync(() => getSession(params.slug ?? ''));
  return (
    <AsyncBoundary loadingLabel="در حال بارگذاری نشست…" notFound={<SessionNotFound />}>
      <Show when={session()}>{(loaded) => <SessionView session={loaded()} />}</Show>
    </AsyncBoundary>
  );
}

function SessionNotFound() {
  usePageTitle(() => 'نشست پیدا نشد');
  return (
    <section class="page state-page" aria-labelledby="session-missing-heading">
      <h1 id="session-missing-heading">نشست پیدا نشد</h1>
      <p>نشستی با این نشانی ثبت نشده است؛ شاید نشانی نادرست باشد یا نشست برداشته شده باشد.</p>
      <p>
        <A href="/">بازگشت به فهرست نشست‌ها</A>
      </p>
    </section>
  );
}

function SessionView(props: { session: SessionDetail }) {
  usePageTitle(() => props.session.title);
  const location = useLocation();
  const directives = createMemo(() => [...props.session.directives].sort((a, b) => a.start - b.start));
  const numberOf = createMemo(() => new Map(directives().map((d, i) => [d.anchor, i + 1])));
  const placed = createMemo(() => placeDirectives(props.session.paragraphs, directives()));
  const currentFragment = () => decodeURIComponent(location.hash.replace(/^#/, ''));
  // A recording plus transcript times: each timed paragraph gets a ▶ that plays from its time.
  const mediaUrl = () => safeMediaUrl(props.session.mediaUrl);
  // A session imported from a PDF, Word file or scan keeps the file: offer it when the server has one.
  // (A withdrawn session, which only managers see, has neither: its routes answer 404.)
  const live = () => props.session.status === 'published';
  const sourceFile = createAsync(() => (live() ? getSessionDocument(props.session.slug).catch(() => null) : Promise.resolve(null)));
  const seeker = createMediaSeeker();
  const me = createAsync(() => getMe());

  // The words of the search hit that brought the reader here (`?hl=a|b`), marked in its paragraph.
  const [search] = useSearchParams();
  const highlighted = () => (firstParam(search.hl) ?? '').split('|').filter((w) => w.trim().length > 1);

  // The text is not there when the browser looks for the fragment on load: go to it once rendered.
  createEffect(() => {
    const fragment = currentFragment();
    const words = highlighted();
    if (!fragment || placed().length === 0) return;
    requestAnimationFrame(() => {
      const target = document.getElementById(fragment);
      if (!target) return;
      for (const old of document.querySelectorAll('.transcript .is-target')) if (old !== target) old.classList.remove('is-target');
      if (fragment.startsWith('p-')) {
        target.classList.add('is-target');
        if (words.length > 0) highlightWords(target, words);
      }
      target.scrollIntoView({ block: 'start' });
      if (target.tabIndex === -1) target.focus({ preventScroll: true });
    });
  });

  return (
    <article class="page session" aria-labelledby="session-title">
      <header class="page-header session-header">
        <p class="eyebrow">
          <span class="kind-badge session-kind">{sessionKindLabel(props.session.kind)}</span>
          <Show when={props.session.series}>{(series) => <span class="eyebrow-series">{series()}</span>}</Show>
        </p>
        <h1 id="session-title">
          {props.session.title}
          <Show when={props.session.status === 'withdrawn'}>
            {' '}
            <span class="withdrawn-badge">پس‌گرفته‌شده</span>
          </Show>
        </h1>
        <dl class="session-facts">
          <div>
            <dt>تاریخ</dt>
            <dd>
              <Show when={props.session.heldOn} fallback="ثبت نشده">
                {(heldOn) => <time datetime={heldOn()}>{formatJalaliDateWithWeekday(heldOn())}</time>}
              </Show>
            </dd>
          </div>
          <Show when={props.session.organiser}>
            {(organiser) => (
              <div>
                <dt>برگزارکننده</dt>
                <dd>{organiser().name}</dd>
              </div>
            )}
          </Show>
          <Show when={props.session.speakers.length > 0}>
            <div>
              <dt>{props.session.speakers.length > 1 ? 'سخنرانان' : 'سخنران'}</dt>
              <dd>{props.session.speakers.join('، ')}</dd>
            </div>
          </Show>
          <Show when={props.session.tags.length > 0}>
            <div>
              <dt>برچسب‌ها</dt>
              <dd>
                <ul class="chip-list">
                  <For each={props.session.tags}>{(tag) => <li class="chip">{tag}</li>}</For>
                </ul>
              </dd>
            </div>
          </Show>
          <Show when={props.session.correctedAt}>
            {(at) => (
              <div>
                <dt>آخرین ویرایش</dt>
                <dd>
                  <time datetime={at()}>{formatJalaliDateWithWeekday(at().slice(0, 10))}</time>
                </dd>
              </div>
            )}
          </Show>
          <Show when={sourceFile()}>
            {(source) => (
              <div>
                <dt>منبع</dt>
                <dd>
                  <a href={source().download} download={source().fileName}>
                    {source().fileName}
                  </a>
                </dd>
              </div>
            )}
          </Show>
          <Show when={safeMediaUrl(props.session.mediaUrl)}>
            {(url) => (
              <div>
                <dt>رسانه</dt>
                <dd>
                  <a href={url()} rel="noopener noreferrer" target="_blank">
                    پرونده صوتی یا تصویری نشست
                  </a>
                </dd>
              </div>
            )}
          </Show>
        </dl>
      </header>

      <WithdrawnBanner session={props.session} />
      <PublishSummary session={props.session} />
      <Show when={isManagerRole(me()?.role)}>
        <SessionManagerTools session={props.session} />
      </Show>

      <Show when={mediaUrl()}>{(url) => <SessionMedia url={url()} seeker={seeker} />}</Show>

      <Show when={directives().length > 0}>
        <nav class="directive-index" aria-labelledby="directive-index-heading">
          <h2 id="directive-index-heading">رهنمودهای این نشست ({toPersianDigits(directives().length)})</h2>
          <ol>
            <For each={directives()}>
              {(directive) => (
                <li>
                  <a href={`#d-${directive.anchor}`}>
                    <span class={`kind-badge kind-${directive.kind}`}>{directiveKindLabel(directive.kind)}</span>
                    <span class="directive-index-quote">{excerpt(directive.quote, 14)}</span>
                  </a>
                </li>
              )}
            </For>
          </ol>
        </nav>
      </Show>

      <Show when={live()}>
        <CarryOverBox slug={props.session.slug} />
      </Show>

      <section class="transcript" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">متن نشست</h2>
        <Show when={placed().length > 0} fallback={<EmptyState title="متن این نشست هنوز ثبت نشده است." />}>
          <For each={placed()}>
            {(entry, index) => (
              <div class="passage">
                <div class="passage-text">
                  <Show when={entry.paragraph.speaker && entry.paragraph.speaker !== placed()[index() - 1]?.paragraph.speaker}>
                    <p class="passage-speaker">{entry.paragraph.speaker}</p>
                  </Show>
                  <p id={`p-${entry.paragraph.ordinal}`}>
                    <Show when={typeof entry.paragraph.mediaStartMs === 'number'}>
                      <Show when={mediaUrl()} fallback={<span class="passage-time">{formatMediaTime(entry.paragraph.mediaStartMs ?? 0)}</span>}>
                        <PlayFromButton ms={entry.paragraph.mediaStartMs ?? 0} seeker={seeker} />
                      </Show>
                    </Show>
                    <For each={entry.segments}>
                      {(segment) =>
                        segment.kind === 'text' ? (
                          segment.text
                        ) : (
                          <DirectiveMark
                            directive={segment.directive}
                            text={segment.text}
                            first={segment.first}
                            current={currentFragment() === `d-${segment.directive.anchor}`}
                          />
                        )
                      }
                    </For>
                  </p>
                </div>
                <Show when={entry.notes.length > 0}>
                  <div class="passage-notes">
                    <For each={entry.notes}>
                      {(directive) => (
                        <>
                          <DirectiveNote directive={directive} number={numberOf().get(directive.anchor) ?? 0} total={directives().length} />
                          <A href={`/directives/${directive.id}`} class="directive-track-link">
                            پیگیری اقدام‌های رهنمود {toPersianDigits(numberOf().get(directive.anchor) ?? 0)}
                          </A>
                        </>
                      )}
                    </For>
                  </div>
                </Show>
              </div>
            )}
          </For>
        </Show>
      </section>

      <Show when={props.session.notesHtml}>
        {(notes) => (
          <section class="editor-notes" aria-labelledby="editor-notes-heading">
            <h2 id="editor-notes-heading">یادداشت ویرایش متن</h2>
            {/* Sanitised on the server (rehype-sanitize): the one place user markdown becomes HTML. */}
            <div class="editor-notes-text" innerHTML={notes()} />
          </section>
        )}
      </Show>
    </article>
  );
}

/** One highlighted part of a directive; the first part carries the stable `id="d-…"`. */
function DirectiveMark(props: { directive: DirectiveDto; text: string; first: boolean; current: boolean }) {
  return (
    <mark
      id={props.first ? `d-${props.directive.anchor}` : undefined}
      tabIndex={props.first ? -1 : undefined}
      class={`directive-mark kind-${props.directive.kind}${props.current ? ' is-current' : ''}`}
      data-directive={props.directive.anchor}
    >
      {props.text}
    </mark>
  );
}

/** Only http(s) media links are made clickable (no `javascript:` from imported data). */
function safeMediaUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
