/** @module A button that copies a stable link (e.g. to one directive) and says so. */
import { createSignal, onCleanup } from 'solid-js';

/**
 * Copies the absolute URL of `fragment` on the current page (`#d-…`).
 *
 * @example
 * <CopyLinkButton fragment="d-article-27-sales" label="رونوشت پیوند این رهنمود" />
 */
export function CopyLinkButton(props: { fragment: string; label: string }) {
  const [status, setStatus] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${props.fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('پیوند رونوشت شد.');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the link beside it still works.
      setStatus('رونوشت ممکن نشد؛ پیوند «نشانی» را با کلیک راست بردارید.');
    }
    clearTimeout(timer);
    timer = setTimeout(() => setStatus(''), 4000);
  };

  return (
    <span class="copy-link">
      <button type="button" class="button button-quiet" onClick={() => void copy()} aria-label={props.label}>
        رونوشت پیوند
      </button>
      <span class="copy-link-status" role="status" aria-live="polite">
        {status()}
      </span>
    </span>
  );
}
