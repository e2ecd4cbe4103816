/** @module The tracking pages' own navigation, by role: directors see their actions and reminders, managers the queue and dashboard too. */
import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { getMe } from '../api/auth';

interface TrackingLink {
  href: string;
  label: string;
  managers?: boolean;
}

const LINKS: TrackingLink[] = [
  { href: '/actions', label: 'اقدام‌ها' },
  { href: '/verification', label: 'صف تأیید', managers: true },
  { href: '/dashboard', label: 'داشبورد', managers: true },
  { href: '/notifications', label: 'اعلان‌ها' },
  { href: '/exports', label: 'خروجی و تقویم' },
];

/** Whether a role may verify, assign and see the dashboard. */
export function isManagerRole(role: string | undefined): boolean {
  return role === 'manager' || role === 'admin';
}

export function ActionsNav() {
  const me = createAsync(() => getMe());
  const links = () => LINKS.filter((l) => !l.managers || isManagerRole(me()?.role));
  return (
    <Show when={me()}>
      <nav class="tracking-nav" aria-label="پیگیری اقدام‌ها">
        <ul>
          <For each={links()}>
            {(link) => (
              <li>
                <A href={link.href} end activeClass="is-active">
                  {link.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </Show>
  );
}
