/** @module Keep the browser tab's title in step with the page (screen readers announce it too). */
import { createEffect } from 'solid-js';

const SITE_NAME = 'نشست';

/**
 * Set `document.title` to "<title> · نشست" while the page is shown.
 *
 * @example
 * usePageTitle(() => session()?.title ?? 'نشست');
 */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const text = title();
    document.title = text && text !== SITE_NAME ? `${text} · ${SITE_NAME}` : SITE_NAME;
  });
}
