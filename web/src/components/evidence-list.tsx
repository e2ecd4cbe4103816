/** @module Evidence files as download links with their sizes (an action's timeline, the verification queue). */
import { For, Show } from 'solid-js';
import type { EvidenceFile } from '../api/action-types';
import { formatFileSize } from '../lib/action-labels';

/**
 * The files as a labelled list; nothing when there are none. Always downloaded, never opened
 * in place (the server sends them as attachments too).
 *
 * @example
 * <EvidenceList files={entry.files} label="پرونده‌های مستند" />
 */
export function EvidenceList(props: { files: EvidenceFile[]; label: string }) {
  return (
    <Show when={props.files.length > 0}>
      <ul class="evidence-list" aria-label={props.label}>
        <For each={props.files}>
          {(file) => (
            <li>
              <a href={file.url} download={file.fileName}>
                <bdi>{file.fileName}</bdi>
              </a>{' '}
              <span class="muted">({formatFileSize(file.size)})</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
