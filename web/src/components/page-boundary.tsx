/**
 * @module The last net under every page: when a page's code cannot load (the server restarted or a
 * new version was deployed, so the old chunk is gone) or a page fails to render, a Persian message
 * and a full reload instead of a blank page. Moving to another page clears it.
 */
import { createEffect, ErrorBoundary, on, type JSX } from 'solid-js';
import { useLocation } from '@solidjs/router';

/** A failed dynamic import, as Chromium, Firefox and Safari word it. */
function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch/i.test(message);
}

function PageFailed(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  createEffect(on(() => location.pathname, () => props.reset(), { defer: true }));
  return (
    <div class="state state-error page-failed" role="alert">
      <p class="state-title">
        {isChunkLoadError(props.error) ? 'بارگذاری این صفحه ممکن نشد.' : 'این صفحه با خطا روبه‌رو شد و نمایش داده نشد.'}
      </p>
      <p>
        {isChunkLoadError(props.error)
          ? 'شاید نسخهٔ تازه‌ای از سامانه نصب شده یا کارساز دوباره راه‌اندازی شده باشد. صفحه را دوباره بارگذاری کنید.'
          : 'صفحه را دوباره بارگذاری کنید؛ اگر دوباره رخ داد، به مدیر سامانه خبر دهید.'}
      </p>
      <button type="button" class="button" onClick={() => window.location.reload()}>
        بارگذاری دوباره
      </button>
    </div>
  );
}

/**
 * @example
 * <PageBoundary>{props.children}</PageBoundary>
 */
export function PageBoundary(props: { children: JSX.Element }) {
  return <ErrorBoundary fallback={(error, reset) => <PageFailed error={error} reset={reset} />}>{props.children}</ErrorBoundary>;
}
