/** @module The frame of every page: skip link, header with the site name and navigation, main landmark, footer. */
import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { A, createAsync, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import type { Role } from '../../../server/db/schema';
import { getMe } from '../api/auth';
import { loginPath, setUnauthorizedHandler } from '../api/client';
import { keepFormDrafts } from '../lib/kept-drafts';
import { PageBoundary } from './page-boundary';
import { UserMenu } from './user-menu';

/** One link of the site navigation. */
export interface NavLink {
  href: string;
  label: string;
  /** Active only on this exact path (for `/`). */
  end?: boolean;
  /** Shown only to these roles (the server checks again on every request). */
  roles?: Role[];
}

export function SiteLayout(props: { navigation: NavLink[]; children?: JSX.Element }) {
  const navigate = useNavigate();
  const routing = useIsRouting();
  const me = createAsync(() => getMe());
  const visibleLinks = () => props.navigation.filter((link) => !link.roles || (me() && link.roles.includes(me()?.role ?? 'staff')));
  // From here on a 401 is a client-side move to the sign-in page, keeping the way back. When
  // someone was signed in, their session ended: keep what they typed and say why.
  setUnauthorizedHandler(() => {
    const user = me();
    if (user) keepFormDrafts(user.id);
    navigate(loginPath(undefined, user ? 'expired' : undefined), { replace: true });
  });
  // The phone's menu: closed on every move to another page.
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));

  let main: HTMLElement | undefined;
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        پرش به محتوای اصلی
      </a>
      <header class="site-header">
        <div class="container site-header-inner">
          <A href="/" class="site-name" end>
            <span class="site-name-mark" aria-hidden="true">
              ن
            </span>
            <span>نشست</span>
          </A>
          <Show when={me()}>
            <button
              type="button"
              class="site-menu-button"
              aria-expanded={menuOpen()}
              aria-controls="site-menu"
              onClick={() => setMenuOpen(!menuOpen())}
            >
              <span class="site-menu-icon" aria-hidden="true" />
              فهرست
            </button>
            <div id="site-menu" class="site-menu" classList={{ 'is-open': menuOpen() }}>
              <nav class="site-nav" aria-label="پیمایش اصلی">
                <ul>
                  <For each={visibleLinks()}>
                    {(link) => (
                      <li>
                        <A href={link.href} end={link.end} activeClass="is-active">
                          {link.label}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>
              <UserMenu />
            </div>
          </Show>
        </div>
        <Show when={routing()}>
          <div class="route-progress" role="progressbar" aria-label="در حال بارگذاری صفحه" />
        </Show>
      </header>
      <main id="main" class="container site-main" tabIndex={-1} ref={main}>
        <PageBoundary>{props.children}</PageBoundary>
      </main>
      <footer class="site-footer">
        <div class="container">نشست: جلسه‌ها، رهنمودها و پیگیری اقدام‌ها</div>
      </footer>
    </>
  );
}
