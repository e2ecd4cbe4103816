/**
 * @module «نشست جدید»: paste a write-up or upload a transcript (/imports/new), then review the
 * draft (/imports/:slug): the repaired text with repairs marked and suggested directives
 * highlighted in place, each suggestion's cues, assignee, recipient and Jalali deadline to
 * edit, confirm or reject; mark a missed directive by selecting text; publish.
 * Step 1 is `new-import-form`; step 2 is `draft-review` (with `review-text`, `suggestion-card`, `publish-box`).
 */
import { Show } from 'solid-js';
import { createAsync, useParams } from '@solidjs/router';
import { getImport } from '../../api/imports';
import { RoleGate } from '../../components/role-gate';
import { AsyncBoundary } from '../../components/states';
import { DraftReview } from './draft-review';
import { NewImportForm } from './new-import-form';
import '../../styles/imports.css';

export function ImportPage() {
  const params = useParams();
  return (
    <Show
      when={params.slug}
      fallback={
        <RoleGate roles={['manager', 'admin']}>
          <NewImportForm />
        </RoleGate>
      }
    >
      {(slug) => <DraftLoader slug={slug()} />}
    </Show>
  );
}

function DraftLoader(props: { slug: string }) {
  const loaded = createAsync(() => getImport(props.slug));
  return (
    <AsyncBoundary loadingLabel="در حال بارگذاری پیش‌نویس…">
      <Show when={loaded()}>{(draft) => <DraftReview initial={draft()} />}</Show>
    </AsyncBoundary>
  );
}
