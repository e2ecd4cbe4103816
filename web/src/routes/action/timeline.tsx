/** @module The action's follow-ups and discussion, newest first, with evidence files and replies. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { EvidenceList } from '../../components/evidence-list';
import { FOLLOW_UP_LABELS } from '../../lib/action-labels';
import { formatJalaliDate } from '../../lib/jalali-date';
import { formatJalaliDateTime } from '../../lib/jalali-datetime';
import { excerpt } from '../../lib/excerpt';
import { toPersianDigits } from '../../lib/persian-digits';
import { CommentForm } from './comment-form';

export function Timeline(props: { action: ActionDetail }) {
  const entries = () => [...props.action.timeline].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const byId = createMemo(() => new Map(props.action.timeline.map((f) => [f.id, f])));
  const [replyTo, setReplyTo] = createSignal<number | null>(null);
  return (
    <section class="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">روند پیگیری و گفت‌وگو ({toPersianDigits(props.action.timeline.length)})</h2>
      <Show when={props.action.permissions.canComment}>
        <CommentForm action={props.action} replyTo={null} onDone={() => undefined} />
      </Show>
      <Show when={entries().length > 0} fallback={<p class="muted">هنوز گزارشی ثبت نشده است.</p>}>
        <ol class="timeline">
          <For each={entries()}>
            {(entry) => (
              <li class={`timeline-entry timeline-${entry.kind}`} id={`f-${entry.id}`}>
                <p class="timeline-head">
                  <strong>{FOLLOW_UP_LABELS[entry.kind]}</strong>
                  <span> · {entry.author?.displayName ?? 'سامانه'}</span>
                  <span> · </span>
                  <time datetime={entry.createdAt}>{formatJalaliDateTime(entry.createdAt)}</time>
                </p>
                <Show when={entry.replyTo !== null ? byId().get(entry.replyTo ?? 0) : undefined}>
                  {(answered) => (
                    <p class="timeline-reply-to">
                      <a href={`#f-${answered().id}`}>در پاسخ به {answered().author?.displayName ?? 'سامانه'}</a>: «{excerpt(answered().note ?? '', 12)}»
                    </p>
                  )}
                </Show>
                <Show when={entry.note}>{(note) => <p class="timeline-note">{note()}</p>}</Show>
                <ul class="timeline-facts">
                  <Show when={entry.progress !== null}>
                    <li>پیشرفت: {toPersianDigits(entry.progress ?? 0)}٪</li>
                  </Show>
                  <Show when={entry.letterNumber}>
                    {(letter) => (
                      <li>
                        نامهٔ شمارهٔ <bdi>{toPersianDigits(letter())}</bdi>
                        <Show when={entry.letterDate}>{(date) => <> مورخ {formatJalaliDate(date())}</>}</Show>
                      </li>
                    )}
                  </Show>
                </ul>
                <EvidenceList files={entry.files} label="پرونده‌های مستند" />
                <Show when={entry.kind === 'comment' && props.action.permissions.canComment}>
                  <Show
                    when={replyTo() === entry.id}
                    fallback={
                      <button type="button" class="button button-quiet button-small" onClick={() => setReplyTo(entry.id)}>
                        پاسخ
                      </button>
                    }
                  >
                    <CommentForm action={props.action} replyTo={entry.id} onDone={() => setReplyTo(null)} />
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
