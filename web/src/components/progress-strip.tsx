/** @module A directive's per-unit strip: one cell per unit (done / in progress / overdue / no report), with counts in words beside it. */
import { For, Show } from 'solid-js';
import type { RegisterItem } from '../api/register';
import { BUCKET_LABELS } from '../lib/register-labels';
import { countOf } from '../lib/persian-digits';
import { shortUnitName } from '../lib/unit-names';

/**
 * @example
 * <ProgressStrip item={directive} />
 */
export function ProgressStrip(props: { item: RegisterItem }) {
  const counts = () => props.item.counts;
  const summary = () =>
    [
      counts().done > 0 ? countOf(counts().done, BUCKET_LABELS.done) : '',
      counts().inProgress > 0 ? countOf(counts().inProgress, BUCKET_LABELS.in_progress) : '',
      counts().overdue > 0 ? countOf(counts().overdue, BUCKET_LABELS.overdue) : '',
      counts().noReport > 0 ? countOf(counts().noReport, BUCKET_LABELS.no_report) : '',
    ]
      .filter(Boolean)
      .join('، ');
  return (
    <Show when={props.item.units.length > 0} fallback={<span class="muted">{counts().total > 0 ? 'همه اقدام‌ها لغو شده' : 'به واحدی واگذار نشده'}</span>}>
      <div class="progress-strip">
        <span class="strip-cells" aria-hidden="true">
          <For each={props.item.units}>{(unit) => <span class={`strip-cell strip-${unit.bucket}`} title={`${shortUnitName(unit.name)}: ${BUCKET_LABELS[unit.bucket]}`} />}</For>
        </span>
        <span class="strip-summary">{summary()}</span>
      </div>
    </Show>
  );
}
