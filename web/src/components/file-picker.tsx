/**
 * @module A file field worded in Persian: the browser's own button and «No file chosen» are
 * in the browser's language, so the native input is hidden behind a Persian button and a line
 * naming the chosen files. The input stays in the form (FormData reads it) and keyboard users
 * reach the button through its label.
 */
import { createSignal, Show } from 'solid-js';
import { countOf } from '../lib/persian-digits';

/**
 * @example
 * <FilePicker id="update-files" name="files" label="پرونده‌های مستند" multiple accept=".pdf" />
 */
export function FilePicker(props: { id: string; name: string; label: string; hint?: string; multiple?: boolean; accept?: string }) {
  const [names, setNames] = createSignal<string[]>([]);
  let input: HTMLInputElement | undefined;
  const read = () => setNames([...(input?.files ?? [])].map((file) => file.name));
  // A form reset empties the input without a change event.
  const watchReset = (el: HTMLInputElement) => {
    input = el;
    queueMicrotask(() => el.form?.addEventListener('reset', () => queueMicrotask(read)));
  };
  return (
    <div class="file-picker">
      <span class="file-picker-label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <Show when={props.hint}>
        <span class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      </Show>
      <div class="file-picker-row">
        <input
          ref={watchReset}
          id={props.id}
          class="file-picker-input"
          name={props.name}
          type="file"
          multiple={props.multiple}
          accept={props.accept}
          aria-labelledby={`${props.id}-label`}
          aria-describedby={props.hint ? `${props.id}-hint ${props.id}-chosen` : `${props.id}-chosen`}
          onChange={read}
        />
        <label for={props.id} class="button button-quiet file-picker-button">
          انتخاب پرونده{props.multiple ? '‌ها' : ''}
        </label>
        <span class="file-picker-chosen" id={`${props.id}-chosen`} aria-live="polite">
          {names().length === 0 ? 'پرونده‌ای انتخاب نشده است.' : names().length === 1 ? names()[0] : `${countOf(names().length, 'پرونده')}: ${names().join('، ')}`}
        </span>
      </div>
    </div>
  );
}
