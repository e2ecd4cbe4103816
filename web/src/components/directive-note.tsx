/** @module The note beside a directive quoted in the text: who said it, what kind, who must act, by when, and its link. */
import { For, Show } from 'solid-js';
import type { DirectiveDto } from '../api/types';
import { formatJalaliDate } from '../lib/jalali-date';
import { directiveKindLabel } from '../lib/labels';
import { toPersianDigits } from '../lib/persian-digits';
import { CopyLinkButton } from './copy-link-button';

/**
 * @example
 * <DirectiveNote directive={d} number={1} total={5} />
 */
export function DirectiveNote(props: { directive: DirectiveDto; number: number; total: number }) {
  const fragment = () => `d-${props.directive.anchor}`;
  const headingId = () => `note-${props.directive.anchor}`;
  return (
    <aside class={`directive-note kind-${props.directive.kind}`} aria-labelledby={headingId()}>
      <h3 class="directive-note-title" id={headingId()}>
        <span class="directive-number">رهنمود {toPersianDigits(props.number)}</span>
        <span class={`kind-badge kind-${props.directive.kind}`}>{directiveKindLabel(props.directive.kind)}</span>
      </h3>
      <dl class="fact-list">
        <Show when={props.directive.speaker}>
          {(speaker) => (
            <div>
              <dt>گوینده</dt>
              <dd>{speaker()}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>مسئول اجرا</dt>
          <dd>{props.directive.assignee?.name ?? 'تعیین نشده'}</dd>
        </div>
        <Show when={props.directive.recipient}>
          {(recipient) => (
            <div>
              <dt>گیرنده</dt>
              <dd>{recipient().name}</dd>
            </div>
          )}
        </Show>
        <Show when={props.directive.dueOn || props.directive.dueRule}>
          <div>
            <dt>مهلت</dt>
            <dd>
              <Show when={props.directive.dueOn}>
                {(dueOn) => <time datetime={dueOn()}>{formatJalaliDate(dueOn())}</time>}
              </Show>
              <Show when={props.directive.dueRule}>
                {(rule) => <span class="due-rule">{props.directive.dueOn ? ` (${rule()})` : `«${rule()}»`}</span>}
              </Show>
            </dd>
          </div>
        </Show>
        <Show when={props.directive.refs.length > 0}>
          <div>
            <dt>مستند</dt>
            <dd>
              <ul class="chip-list">
                <For each={props.directive.refs}>{(ref) => <li class="chip">{ref}</li>}</For>
              </ul>
            </dd>
          </div>
        </Show>
      </dl>
      <p class="directive-note-links">
        <a href={`#${fragment()}`} class="permalink" aria-label={`نشانی رهنمود ${toPersianDigits(props.number)}`}>
          نشانی
        </a>
        <CopyLinkButton fragment={fragment()} label={`رونوشت پیوند رهنمود ${toPersianDigits(props.number)}`} />
      </p>
    </aside>
  );
}
