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
import { useVersionedWrite, type VersionedGuard } from '../../lib/use-versioned-write';
import { refuse, useWrite, writeAction } from '../../lib/write-action';
// The conflict notice looks as it does on the action page.
import '../../styles/actions.css';

const REVIEW_LABELS: Record<ImportSuggestion['review'], string> = { pending: 'بررسی نشده', confirmed: 'تأیید شده', rejected: 'رد شده' };

/** One change a reviewer makes; the version the card shows is added when it is sent. */
type SuggestionEdit = Omit<SuggestionPatch, 'version'>;

/** Enough of a suggestion to show it (the server sends the whole suggestion with a 409). */
function isSuggestion(value: unknown): value is ImportSuggestion {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'quote' in value && 'review' in value;
}

/** A typed deadline as a change: empty clears it; what is not a date is refused in Persian. */
function duePatch(value: string): SuggestionEdit {
  const typed = value.trim();
  if (typed === '') return { due: null };
  const due = readTypedDate(typed, 'مهلت');
  if (!due.ok) refuse(due.error);
  return { due: due.value };
}

/**
 * Save one change to a suggestion with the version the card shows (`patch` may refuse before
 * anything is sent); the result is the suggestion as saved, or 'stale' when another reviewer's
 * edit came first (the guard then holds the suggestion as it is now).
 */
const saveWrite = writeAction(
  'import-suggestion',
  async (guard: VersionedGuard, slug: string, suggestion: ImportSuggestion, patch: () => SuggestionEdit): Promise<ImportSuggestion | 'stale'> => {
    const edit = patch();
    return (await guard(() => updateSuggestion(slug, suggestion.id, { ...edit, version: suggestion.version }))) ?? 'stale';
  },
);

/** One suggestion: why it was suggested, its fields, confirm and reject. */
export function SuggestionCard(props: { suggestion: ImportSuggestion; number: number; draft: ImportDraft; onChange: (s: ImportSuggestion) => void }) {
  const saving = useWrite(saveWrite, ([, , suggestion]) => suggestion.id === props.suggestion.id);
  // A 409 keeps the suggestion as it is now until the reviewer loads it; nothing else is refreshed.
  const versioned = useVersionedWrite(async () => undefined, isSuggestion);
  const id = () => `s-${props.suggestion.id}`;
  // One write at a time: a second edit sent before the first returns would carry its old version.
  const editable = () => props.draft.status === 'draft' && saving.submission.pending !== true;

  const save = async (patch: () => SuggestionEdit) => {
    const saved = await saving.send(versioned.guard, props.draft.slug, props.suggestion, patch);
    if (saved && saved !== 'stale') props.onChange(saved);
  };
  const reload = () => {
    const current = versioned.conflict();
    versioned.dismiss();
    if (current) props.onChange(current);
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
      <Show when={versioned.conflict()}>
        <div class="conflict-notice" role="alert">
          <p class="state-title">بازبین دیگری این رهنمود را در این فاصله تغییر داده است و تغییر شما ذخیره نشد.</p>
          <p>نسخهٔ تازه را بارگذاری کنید، آن را ببینید و اگر هنوز لازم است دوباره تغییر دهید.</p>
          <button type="button" class="button" onClick={reload}>
            بارگذاری نسخهٔ تازه
          </button>
        </div>
      </Show>
      <div class="suggestion-actions">
        <button
          type="button"
          class="button"
          aria-pressed={props.suggestion.review === 'confirmed'}
          disabled={!editable()}
          onClick={() => void save(() => ({ review: props.suggestion.review === 'confirmed' ? 'pending' : 'confirmed' }))}
        >
          {props.suggestion.review === 'confirmed' ? 'تأیید شد ✓' : 'تأیید'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={props.suggestion.review === 'rejected'}
          disabled={!editable()}
          onClick={() => void save(() => ({ review: props.suggestion.review === 'rejected' ? 'pending' : 'rejected' }))}
        >
          {props.suggestion.review === 'rejected' ? 'رد شد' : 'رد'}
          <span class="visually-hidden"> رهنمود {toPersianDigits(props.number)}</span>
        </button>
      </div>
    </li>
  );
}
