/** @module The administrator's page: every account, adding one, changing role and unit, disabling, a new password. */
import { createSignal, For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { ROLE_LABELS, type AuthUser } from '../api/auth';
import { createUser, getUsers, resetUserPassword, updateUser, type User, type UserList } from '../api/users';
import { FormError } from '../components/form-error';
import { AsyncBoundary, describeError } from '../components/states';
import { usePageTitle } from '../components/page-title';
import '../styles/accounts.css';

type Role = AuthUser['role'];
const ROLES: Role[] = ['admin', 'manager', 'director', 'staff'];

function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value);
}

/** Units a person can belong to (groups such as "all provinces" are for assignment, not membership). */
function memberUnits(list: UserList) {
  return list.units.filter((u) => u.kind !== 'group');
}

function UnitSelect(props: { id: string; name: string; units: UserList['units']; value: string | null; onChange?: (code: string | null) => void; label?: string }) {
  return (
    <select
      id={props.id}
      name={props.name}
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange?.(e.currentTarget.value || null)}
    >
      <option value="">بدون واحد</option>
      <For each={props.units}>{(unit) => <option value={unit.code}>{unit.name}</option>}</For>
    </select>
  );
}

function AddUserForm(props: { list: UserList }) {
  const [error, setError] = createSignal<unknown>(null);
  const [issued, setIssued] = createSignal<{ username: string; password: string } | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const role = String(form.get('role') ?? '');
    if (!isRole(role)) return;
    setError(null);
    setIssued(null);
    try {
      const created = await createUser({
        username: String(form.get('username') ?? ''),
        displayName: String(form.get('displayName') ?? ''),
        role,
        unitCode: String(form.get('unitCode') ?? '') || null,
      });
      formElement.reset();
      if (created.initialPassword) setIssued({ username: created.user.username, password: created.initialPassword });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form class="account-form add-user-form" onSubmit={submit} aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">افزودن کاربر</h2>
      <label for="new-username">نام کاربری (حروف لاتین کوچک)</label>
      <input id="new-username" name="username" dir="ltr" autocomplete="off" required pattern="[a-z0-9][a-z0-9._\-]{1,39}" />
      <label for="new-display-name">نام و سمت</label>
      <input id="new-display-name" name="displayName" required maxlength="200" />
      <label for="new-role">نقش</label>
      <select id="new-role" name="role">
        <For each={ROLES}>{(role) => <option value={role} selected={role === 'staff'}>{ROLE_LABELS[role]}</option>}</For>
      </select>
      <label for="new-unit">واحد (برای مدیر کل لازم است)</label>
      <UnitSelect id="new-unit" name="unitCode" units={memberUnits(props.list)} value={null} />
      <FormError error={error()} describe={describeError} />
      <Show when={issued()}>
        {(account) => (
          <p class="form-success" role="status">
            حساب <bdi dir="ltr">{account().username}</bdi> ساخته شد. گذرواژهٔ نخست (فقط همین یک بار نمایش داده می‌شود):{' '}
            <code class="issued-password" dir="ltr">
              {account().password}
            </code>
          </p>
        )}
      </Show>
      <button type="submit" class="button">
        افزودن
      </button>
    </form>
  );
}

function UserRow(props: { user: User; list: UserList; onError: (error: unknown) => void; onPassword: (username: string, password: string) => void }) {
  const change = (changes: Parameters<typeof updateUser>[1]) => updateUser(props.user.id, changes).catch(props.onError);
  return (
    <tr classList={{ 'is-disabled': props.user.disabled }}>
      <td dir="ltr" class="cell-username">
        {props.user.username}
      </td>
      <td>{props.user.displayName}</td>
      <td>
        <select
          aria-label={`نقش ${props.user.displayName}`}
          value={props.user.role}
          onChange={(e) => {
            const role = e.currentTarget.value;
            if (isRole(role)) void change({ role });
          }}
        >
          <For each={ROLES}>{(role) => <option value={role}>{ROLE_LABELS[role]}</option>}</For>
        </select>
      </td>
      <td>
        <UnitSelect
          id={`unit-${props.user.id}`}
          name="unitCode"
          label={`واحد ${props.user.displayName}`}
          units={memberUnits(props.list)}
          value={props.user.unitCode}
          onChange={(unitCode) => void change({ unitCode })}
        />
      </td>
      <td>{props.user.disabled ? 'غیرفعال' : 'فعال'}</td>
      <td>
        <div class="cell-actions">
        <button type="button" class="button button-quiet" onClick={() => void change({ disabled: !props.user.disabled })}>
          {props.user.disabled ? 'فعال‌سازی' : 'غیرفعال‌سازی'}
        </button>
        <button
          type="button"
          class="button button-quiet"
          onClick={() => {
            resetUserPassword(props.user.id)
              .then((password) => props.onPassword(props.user.username, password))
              .catch(props.onError);
          }}
        >
          گذرواژهٔ تازه
        </button>
        </div>
      </td>
    </tr>
  );
}

export function AdminUsers() {
  usePageTitle(() => 'کاربران');
  const list = createAsync(() => getUsers());
  const [error, setError] = createSignal<unknown>(null);
  const [password, setPassword] = createSignal<{ username: string; password: string } | null>(null);

  return (
    <section class="page admin-users" aria-labelledby="users-heading">
      <h1 id="users-heading">کاربران</h1>
      <AsyncBoundary loadingLabel="در حال بارگذاری کاربران…">
        <Show when={list()}>
          {(current) => (
            <>
              <AddUserForm list={current()} />
              <FormError error={error()} describe={describeError} />
              <Show when={password()}>
                {(issued) => (
                  <p class="form-success" role="status">
                    گذرواژهٔ تازهٔ <bdi dir="ltr">{issued().username}</bdi> (فقط همین یک بار):{' '}
                    <code class="issued-password" dir="ltr">
                      {issued().password}
                    </code>
                  </p>
                )}
              </Show>
              <div class="table-scroll">
                <table class="users-table">
                  <caption>همهٔ حساب‌ها</caption>
                  <thead>
                    <tr>
                      <th scope="col">نام کاربری</th>
                      <th scope="col">نام</th>
                      <th scope="col">نقش</th>
                      <th scope="col">واحد</th>
                      <th scope="col">وضعیت</th>
                      <th scope="col">کارها</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={current().items}>
                      {(user) => (
                        <UserRow
                          user={user}
                          list={current()}
                          onError={(failure) => setError(failure)}
                          onPassword={(username, pw) => setPassword({ username, password: pw })}
                        />
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}
