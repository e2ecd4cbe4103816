/** @module The header's account corner: who is signed in, reminders, "my account" and sign-out (users are in the navigation). */
import { Show } from 'solid-js';
import { A, createAsync, useNavigate } from '@solidjs/router';
import { getMe, ROLE_LABELS, signOut } from '../api/auth';
import { NotificationsLink, QueueLink } from './notifications-link';
import '../styles/accounts.css';

export function UserMenu() {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const leave = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  return (
    <Show when={me()}>
      {(user) => (
        <div class="user-menu">
          <span class="user-menu-name" title={`${user().displayName} · ${ROLE_LABELS[user().role]}`}>
            {user().displayName}
            <span class="user-menu-role"> · {ROLE_LABELS[user().role]}</span>
          </span>
          <Show when={user().role === 'manager'}>
            <QueueLink />
          </Show>
          <NotificationsLink />
          <A href="/account" activeClass="is-active">
            حساب من
          </A>
          <button type="button" class="user-menu-signout" onClick={() => void leave()}>
            خروج
          </button>
        </div>
      )}
    </Show>
  );
}
