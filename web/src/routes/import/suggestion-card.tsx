/** @module One suggested directive under review: why it was suggested, its fields, confirm and reject. */
import { For, Show } from 'solid-js';
import { updateSuggestion, type ImportDraft, type ImportSuggestion, type SuggestionPatch } from '../../api/imports';
import { FormError } from '../../components/form-error';
import { UnitPicker } from '../../components/unit-picker';
import { describeError } from '../../components/states';
import { jalaliFieldValue } from '../../lib/jalali-input';
import { readTypedDate } from '../../lib/typed-numbers';
import { DIRECTIVE_KINDS, directiveKindLabel } from '../../lib/labels';
import { toPersianDigits } from '../../lib/persian-digits';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

const REVIEW_LABELS: Record<ImportSuggestion['review'], string> = { pending: 'بررسی نشده', confirmed: 'تأیید شده', rejected: 'رد شده' };

/** A typed deadline as a change: empty clears it; what is not a date is refused in Persian. */
function duePatch(value: string): SuggestionPatch {
  const typed = value.trim();
  if (typed === '') return { due: null };
  const due = readTypedDate(typed, 'مهلت');
  if (!due.ok) refuse(due.error);
  return { due: due.value };
}

/** Save one change to a suggestion (`patch` may refuse before anything is sent); the result is the suggestion as saved. */
const saveWrite = writeAction('import-suggestion', async (slug: string, suggestionId: number, patch: () => SuggestionPatch) =>
  updateSuggestion(slug, suggestionId, patch()),
);

/** One suggestion: why it was suggested, its fields, confirm and reject. */
export function SuggestionCard(props: { suggestion: ImportSuggestion; number: number; draft: ImportDraft; onChange: (s: ImportSuggestion) => void }) {
  const saving = useWrite(saveWrite, ([, suggestionId]) => suggestionId === props.suggestion.id);
  const id = () => `s-${props.suggestion.id}`;
  const editable = () => props.draft.status === 'draft';

  const save = async (patch: () => SuggestionPatch) => {
    const saved = await saving.send(props.draft.slug, props.suggestion.id, patch);
    if (saved) props.onChange(saved);
  };

  const onDue = (value: string) => void save(() => duePatch(value));

  return (
    <li id={id()} tabIndex={-1} class={`suggestion-card review-${props.suggestion.review}`} aria-labelledby={`${id()}-title`}>
      <h3 id={`${id()}-title`} class="suggestion-title">
        <span>رهنمود {toPersianDigits(props.number)}</span>
        <span class={`kind-badge kind-${props.suggestion.kind}`}>{directiveKindLabel(props.suggestion.kind)}</span>
        <span class={`review-badge review-${props.suggestion.review}`}>{REVIEW_LABELS[props.suggestion.review]}</span>
        <Show when={props.suggestion.origin === 'added'}>
          <span class="review-badge">افزوده‌ی بازبین</span>
        </Show>
        <Show when={props.suggestion.origin === 'candidate'}>
          <span class="review-badge">احتمالی</span>
        </Show>
      </h3>
      <blockquote class="suggestion-quote">{props.suggestion.quote}</blockquote>
      <Show when={props.suggestion.speaker}>
        <p class="suggestion-speaker">گوینده: {props.suggestion.speaker}</p>
      </Show>
      <div class="suggestion-cues">
        <span class="fact-label">چرا پیشنهاد شد:</span>
        <ul class="chip-list" aria-label="نشانه‌های رهنمود">
          <For each={props.suggestion.cues}>
            {(cue) => <li class={`chip ${cue.weight < 0 ? 'cue-against' : 'cue-for'}`}>{cue.weight < 0 ? `− ${cue.label}` : cue.label}</li>}
          </For>
        </ul>
      </div>
      <div class="suggestion-fields">
        <div class="field">
          <label for={`${id()}-kind`}>نوع</label>
          <select
            id={`${id()}-kind`}
            disabled={!editable()}
            onChange={(e) => {
              const kind = DIRECTIVE_KINDS.find((k) => k === e.currentTarget.value);
              void save(() => ({ kind }));
            }}
          >
            <For each={DIRECTIVE_KINDS}>
              {(kind) => (
                <option value={kind} selected={kind === props.suggestion.kind}>
                  {directiveKindLabel(kind)}
                </option>
              )}
            </For>
          </select>
        </div>
        <UnitPicker
          id={`${id()}-assignee`}
          label="واحد مسئول"
          value={props.suggestion.assignee?.code ?? ''}
          units={props.draft.units}
          disabled={!editable()}
          onChange={(code) => void save(() => ({ assignee: code }))}
        />
        <UnitPicker
          id={`${id()}-recipient`}
          label="گیرنده"
          value={props.suggestion.recipient?.code ?? ''}
          units={props.draft.units}
          disabled={!editable()}
          onChange={(code) => void save(() => ({ recipient: code }))}
        />
        <div class="field">
          <label for={`${id()}-due`}>مهلت (شمسی)</label>
          <input
            id={`${id()}-due`}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={jalaliFieldValue(props.suggestion.due)}
            disabled={!editable()}
            aria-describedby={props.suggestion.dueRule ? `${id()}-rule` : `${id()}-due-hint`}
            onChange={(e) => onDue(e.currentTarget.value)}
          />
          <Show
            when={props.suggestion.dueRule}
            fallback={
              <span id={`${id()}-due-hint`} class="field-hint">
                {props.suggestion.due ? 'سال/ماه/روز' : 'متن مهلتی نگفته است؛ اگر لازم است بنویسید.'}
              </span>
            }
          >
            <span id={`${id()}-rule`} class="field-hint">
              از متن: «{props.suggestion.dueRule}»
            </span>
          </Show>
        </div>
      </div>
      <Show when={props.suggestion.refs.length > 0}>
        <p class="suggestion-refs">ارجاع: {props.suggestion.refs.join('، ')}</p>
      </Show>
      <FormError error={saving.submission.error} describe={describeError} />
      <div class="suggestion-actions">
        <button
          type="button"
          class="button"
          aria-pressed={props.suggestion.review === 'confirmed'}
          disabled={!editable() || saving.submission.pending === true}
          onClick={() => void save(() => ({ review: props.suggestion.review === 'confirmed' ? 'pending' : 'confirmed' }))}
        >
          {props.suggestion.review === 'confirmed' ? 'تأیید شد ✓' : 'تأیید'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={props.suggestion.review === 'rejected'}
          disabled={!editable() || saving.submission.pending === true}
          onClick={() => void save(() => ({ review: props.suggestion.review === 'rejected' ? 'pending' : 'rejected' }))}
        >
          {props.suggestion.review === 'rejected' ? 'رد شد' : 'رد'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
      </div>
    </li>
  );
}
