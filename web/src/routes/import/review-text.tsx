/** @module The draft's repaired text: suggestions highlighted in place, repairs and doubtful OCR words marked, the list of repairs, and «add a missed directive» from a selection. */
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { addSuggestion, type ImportDraft, type ImportSuggestion } from '../../api/imports';
import { FormError } from '../../components/form-error';
import { SourceDocument } from '../../components/source-document';
import { describeError } from '../../components/states';
import { excerpt } from '../../lib/excerpt';
import { reviewPieces } from '../../lib/import-segments';
import { countOf, formatMediaTime, toPersianDigits } from '../../lib/persian-digits';
import { refuse, useWrite, writeAction } from '../../lib/write-action';
import { selectedSpan } from './text-selection';

/** Repairs that changed words, underlined in the text; the rest (joined lines) are only listed. */
const MARKED_REPAIRS: ReadonlySet<string> = new Set(['reversed-line', 'entity', 'soft-hyphen', 'duplicate-paragraph']);
/** Joined lines: only counted. */
const LAYOUT_REPAIRS: readonly string[] = ['line-join', 'blank-line-join'];

const OCR_DOUBT = 'low-confidence';

/** A repair or a doubtful OCR word, as the transcript marks it. */
interface TextMark {
  kind: string;
  start: number | null;
  end: number | null;
  note: string;
}

function markClass(marks: readonly TextMark[]): string | undefined {
  const classes = [marks.some((m) => m.kind !== OCR_DOUBT) ? 'repair-mark' : '', marks.some((m) => m.kind === OCR_DOUBT) ? 'ocr-doubt' : ''].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** Add the selected span as a directive the detector missed; refused when nothing is selected. */
const addWrite = writeAction('import-add-suggestion', async (slug: string, span: { start: number; end: number } | null) => {
  if (!span) refuse('ابتدا بخشی از متن را با موس یا لمس انتخاب کنید.');
  return addSuggestion(slug, span);
});

/** The text section of the review; `suggestions` in reading order, numbered by `numberOf`. */
export function ReviewText(props: {
  draft: ImportDraft;
  suggestions: readonly ImportSuggestion[];
  numberOf: ReadonlyMap<number, number>;
  onAdded: (added: ImportSuggestion) => void;
}) {
  const draft = () => props.draft;
  const shownRepairs = createMemo(() => draft().repairs.filter((r) => r.kind !== 'normalize'));
  // Marked in the text: repairs that changed words. Joined lines (a pasted article or a document has
  // one per printed line) are only counted, or every line would be underlined and the real repairs lost.
  const markedRepairs = createMemo(() => shownRepairs().filter((r) => MARKED_REPAIRS.has(r.kind)));
  // The server lists the first repairs and counts them all (a source can have 100,000 broken lines).
  const counted = (kinds: Iterable<string>) => [...kinds].reduce((sum, kind) => sum + (draft().repairCounts.byKind[kind] ?? 0), 0);
  const repairTotal = () => draft().repairCounts.total - counted(['normalize']);
  const layoutTotal = () => counted(LAYOUT_REPAIRS);
  const markedUnlisted = () => counted(MARKED_REPAIRS) - markedRepairs().length;
  // OCR words it was unsure of are marked like repairs, with their own look.
  const marks = createMemo((): TextMark[] => [
    ...markedRepairs(),
    ...(draft().document?.lowConfidence ?? []).map((w) => ({ kind: OCR_DOUBT, start: w.start, end: w.end, note: `نویسه‌خوان مطمئن نبود (اطمینان ${toPersianDigits(w.confidence)}٪)` })),
  ]);
  const pageOf = (index: number) => draft().document?.paragraphPages[index] ?? null;

  // Selection → a span of the text, for «add a missed directive».
  let transcript: HTMLDivElement | undefined;
  const [selection, setSelection] = createSignal<{ start: number; end: number } | null>(null);
  const onSelectionChange = () => setSelection(selectedSpan(transcript));
  onMount(() => document.addEventListener('selectionchange', onSelectionChange));
  onCleanup(() => document.removeEventListener('selectionchange', onSelectionChange));

  const adding = useWrite(addWrite);
  const addSelected = async () => {
    const added = await adding.send(draft().slug, selection());
    if (!added) return;
    props.onAdded(added);
    window.getSelection()?.removeAllRanges();
    requestAnimationFrame(() => document.getElementById(`s-${added.id}`)?.focus());
  };

  return (
    <section class="review-text" aria-labelledby="review-text-heading">
      <h2 id="review-text-heading">متن بازسازی‌شده</h2>
      <p class="review-legend">
        <span class="suggestion-mark review-pending">رهنمود پیشنهادی</span> <span class="repair-mark">بخش اصلاح‌شده</span> (نشانگر را روی آن نگه دارید تا اصلاح را
        ببینید)
      </p>
      <div class="add-missed" role="group" aria-labelledby="add-missed-label">
        <span id="add-missed-label" class="visually-hidden">
          افزودن رهنمودی که پیشنهاد نشده
        </span>
        <button type="button" class="button button-quiet" onClick={addSelected} disabled={draft().status !== 'draft'}>
          افزودن رهنمود از متن انتخاب‌شده
        </button>
        <span class="field-hint" aria-live="polite">
          {selection() ? `انتخاب: «${excerpt(draft().text.slice(selection()?.start ?? 0, selection()?.end ?? 0), 8)}»` : 'جمله‌ای را در متن انتخاب کنید.'}
        </span>
        <FormError error={adding.submission.error} describe={describeError} />
      </div>
      <Show when={draft().document}>{(document) => <SourceDocument document={document()} text={draft().text} />}</Show>
      <div class="review-transcript" ref={transcript}>
        <For each={draft().paragraphs}>
          {(paragraph, index) => (
            <p class="review-paragraph">
              <Show when={pageOf(index())}>
                {(page) => (
                  <span class="paragraph-page" title={`صفحهٔ ${toPersianDigits(page())} پرونده`}>
                    ص {toPersianDigits(page())}
                  </span>
                )}
              </Show>
              <Show when={paragraph.speaker}>
                <span class="passage-speaker">{paragraph.speaker}: </span>
              </Show>
              <Show when={typeof paragraph.mediaStartMs === 'number'}>
                <span class="passage-time">{formatMediaTime(paragraph.mediaStartMs ?? 0)} </span>
              </Show>
              <For each={reviewPieces(paragraph, props.suggestions.filter((s) => s.review !== 'rejected'), marks())}>
                {(piece) => (
                  <Show
                    when={piece.suggestion}
                    fallback={
                      <span
                        data-start={piece.start}
                        class={markClass(piece.repairs)}
                        title={piece.repairs.length > 0 ? piece.repairs.map((r) => r.note).join('؛ ') : undefined}
                      >
                        {piece.text}
                      </span>
                    }
                  >
                    {(suggestion) => (
                      <mark
                        data-start={piece.start}
                        data-suggestion={suggestion().id}
                        class={`suggestion-mark kind-${suggestion().kind} review-${suggestion().review} ${markClass(piece.repairs) ?? ''}`.trim()}
                        title={[`رهنمود ${toPersianDigits(props.numberOf.get(suggestion().id) ?? 0)}`, ...piece.repairs.map((r) => r.note)].join('؛ ')}
                      >
                        {piece.text}
                      </mark>
                    )}
                  </Show>
                )}
              </For>
            </p>
          )}
        </For>
      </div>
      <Show when={repairTotal() > 0}>
        <details class="repair-list">
          <summary>{countOf(repairTotal(), 'اصلاح')} در متن انجام شد</summary>
          <ul>
            <For each={markedRepairs()}>
              {(repair) => (
                <li>
                  سطر {toPersianDigits(repair.line)}: {toPersianDigits(repair.note)}
                  <Show when={repair.kind === 'reversed-line'}>
                    <span class="repair-before">
                      {' '}
                      (پیش از این: «{excerpt(repair.before, 10)}»)
                    </span>
                  </Show>
                </li>
              )}
            </For>
            <Show when={markedUnlisted() > 0}>
              <li class="repairs-unlisted">
                {countOf(markedUnlisted(), 'اصلاح دیگر')} از همین گونه‌ها در متن انجام شد که برای کوتاهی فهرست، اینجا و در متن نشان داده نشده است.
              </li>
            </Show>
            <Show when={layoutTotal() > 0}>
              <li>{countOf(layoutTotal(), 'سطر شکسته')} به جمله‌ی پیش از خود پیوسته شد (در متن نشانه‌گذاری نشده است).</li>
            </Show>
          </ul>
        </details>
      </Show>
    </section>
  );
}
