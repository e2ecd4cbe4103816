/**
 * @module A page only some roles may use: the refusal alone for anyone else (no form to fill in
 * first, no retry); the server checks again on every request.
 */
import { Show, type JSX } from 'solid-js';
import { createAsync } from '@solidjs/router';
import type { Role } from '../../../server/db/schema';
import { getMe } from '../api/auth';
import { LoadingState } from './states';

/**
 * @example
 * <RoleGate roles={['manager', 'admin']}><DashboardFilters /></RoleGate>
 */
export function RoleGate(props: { roles: Role[]; children: JSX.Element }) {
  const me = createAsync(() => getMe());
  return (
    <Show when={me() !== undefined} fallback={<LoadingState />}>
      <Show
        when={me() && props.roles.includes(me()?.role ?? 'staff')}
        fallback={
          <div class="state state-error" role="alert">
            <p class="state-title">اجازه دیدن این صفحه را ندارید.</p>
            <p>این صفحه ویژهٔ کارشناسان ستاد و مدیر سامانه است.</p>
          </div>
        }
      >
        {props.children}
      </Show>
    </Show>
  );
}
