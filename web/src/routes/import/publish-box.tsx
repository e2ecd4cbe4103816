/** @module Publishing a reviewed draft: what publishing shows and assigns, rejecting the unreviewed rest, and the button. */
import { createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { publishImport, type ImportDraft } from '../../api/imports';
import { FormError } from '../../components/form-error';
import { publishedState } from '../../components/publish-summary';
import { describeError } from '../../components/states';
import { countOf } from '../../lib/persian-digits';
import { useWrite, writeAction } from '../../lib/write-action';

/** Publish the draft (rejecting its unreviewed suggestions when asked); the result links to the published session. */
const publishWrite = writeAction('import-publish', (slug: string, rejectRest: boolean) => publishImport(slug, rejectRest));

export function PublishBox(props: { draft: ImportDraft }) {
  const draft = () => props.draft;
  const navigate = useNavigate();
  const [rejectRest, setRejectRest] = createSignal(false);
  // Confirmed suggestions with a unit: publishing assigns them (issue 14).
  const toAssign = () => draft().suggestions.filter((s) => s.review === 'confirmed' && s.assignee && s.kind !== 'policy');
  const publishing = useWrite(publishWrite);
  const publish = async () => {
    const result = await publishing.send(draft().slug, rejectRest());
    // The session page shows what publishing did (actions created, units not assigned and why).
    if (result) navigate(result.link, { state: publishedState(result) });
  };

  return (
    <section class="publish-box" aria-labelledby="publish-heading">
      <h2 id="publish-heading">انتشار</h2>
      <p>
        با انتشار، نشست و {countOf(draft().counts.confirmed, 'رهنمود تأییدشده')} برای همه دیده می‌شود و در جست‌وجو می‌آید؛ رهنمودهای ردشده منتشر نمی‌شوند.
      </p>
      <Show when={toAssign().length > 0}>
        <p class="publish-assign">
          {countOf(toAssign().length, 'رهنمود')} همان دم به واحدی که برگزیده‌اید سپرده می‌شود و اقدامش ساخته می‌شود
          {toAssign().some((s) => !s.due) ? '؛ رهنمودِ بی‌مهلت واگذار نمی‌شود تا مهلتش را بنویسید.' : '.'}
        </p>
      </Show>
      <Show when={draft().counts.pending > 0}>
        <div class="field-check">
          <input id="reject-rest" type="checkbox" checked={rejectRest()} onChange={(e) => setRejectRest(e.currentTarget.checked)} />
          <label for="reject-rest">{countOf(draft().counts.pending, 'رهنمود بررسی‌نشده')} رد شوند</label>
        </div>
      </Show>
      <FormError error={publishing.submission.error} describe={describeError} />
      <button type="button" class="button" onClick={publish} disabled={publishing.submission.pending === true || (draft().counts.pending > 0 && !rejectRest())}>
        {publishing.submission.pending ? 'در حال انتشار…' : 'انتشار نشست'}
      </button>
    </section>
  );
}
