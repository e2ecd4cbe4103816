/** @module The page for an address the app does not know. */
import { A } from '@solidjs/router';
import { usePageTitle } from '../components/page-title';

export function NotFound() {
  usePageTitle(() => 'صفحه پیدا نشد');
  return (
    <section class="page state-page" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">صفحه پیدا نشد</h1>
      <p>نشانی‌ای که باز کردید در نشست وجود ندارد. شاید جابه‌جا شده یا نادرست نوشته شده باشد.</p>
      <p>
        <A href="/">بازگشت به فهرست نشست‌ها</A>
      </p>
    </section>
  );
}
