/**
 * @module The document a draft was read from (PDF, Word, scan): its name, size and pages, a link
 * to download it, notes for the reviewer (scripts not run, pages read by OCR), and the OCR
 * confidence of every line, least sure first.
 */
import { createMemo, For, Show } from 'solid-js';
import type { ImportDocument } from '../api/imports';
import { excerpt } from '../lib/excerpt';
import { countOf, toPersianDigits } from '../lib/persian-digits';

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'image/png': 'تصویر PNG',
  'image/jpeg': 'تصویر JPEG',
};

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${toPersianDigits((bytes / 1024 / 1024).toFixed(1))} مگابایت` : `${toPersianDigits(Math.max(1, Math.round(bytes / 1024)))} کیلوبایت`;
}

/** Lines under this OCR confidence (percent) are flagged in the list. */
export const DOUBTFUL_LINE = 80;

export function SourceDocument(props: { document: ImportDocument; text: string }) {
  const lines = createMemo(() => [...props.document.ocrLines].sort((a, b) => a.confidence - b.confidence));
  const mean = createMemo(() => {
    const all = props.document.ocrLines;
    return all.length === 0 ? 0 : Math.round(all.reduce((sum, l) => sum + l.confidence, 0) / all.length);
  });
  return (
    <section class="source-document" aria-labelledby="source-document-heading">
      <h2 id="source-document-heading">پروندهٔ منبع</h2>
      <p class="source-facts">
        <span>{props.document.fileName}</span>
        <span>{KIND[props.document.mimeType] ?? props.document.mimeType}</span>
        <span>{countOf(props.document.pageCount, 'صفحه')}</span>
        <span>{sizeText(props.document.size)}</span>
        <a href={props.document.download} download={props.document.fileName}>
          دریافت پرونده
        </a>
      </p>
      <Show when={props.document.notes.length > 0}>
        <ul class="source-notes">
          <For each={props.document.notes}>{(note) => <li>{note}</li>}</For>
        </ul>
      </Show>
      <Show when={props.document.runningLines.length > 0}>
        <p class="field-hint">
          سرصفحه و پاصفحهٔ تکراری برداشته شد: <For each={props.document.runningLines}>{(line, i) => <>{i() > 0 ? '، ' : ''}«{excerpt(line, 8)}»</>}</For>
        </p>
      </Show>
      <Show when={props.document.ocrLines.length > 0}>
        <details class="ocr-lines">
          <summary>
            اطمینان نویسه‌خوان در هر سطر (میانگین {toPersianDigits(mean())}٪؛ {countOf(props.document.lowConfidence.length, 'واژهٔ نامطمئن')} در متن
            <span class="ocr-doubt">این‌گونه</span> نشان داده شده است)
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">صفحه</th>
                <th scope="col">سطر</th>
                <th scope="col">اطمینان</th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(line) => (
                  <tr class={line.confidence < DOUBTFUL_LINE ? 'ocr-line-doubtful' : undefined}>
                    <td>{toPersianDigits(line.page)}</td>
                    <td>{excerpt(props.text.slice(line.start, line.end), 12)}</td>
                    <td>
                      <meter min={0} max={100} low={60} high={DOUBTFUL_LINE} optimum={100} value={line.confidence} aria-label="اطمینان" /> {toPersianDigits(line.confidence)}٪
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      </Show>
    </section>
  );
}
