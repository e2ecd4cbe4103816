/**
 * @module The administrator's page: every account, adding one, changing role and unit (saved with
 * «ذخیره», never on a change of a list), disabling after a confirmation, a new password.
 */
import { createSignal, For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { ROLE_LABELS, type AuthUser } from '../api/auth';
import { createUser, getUsers, resetUserPassword, updateUser, type User, type UserList } from '../api/users';
import { FormError } from '../components/form-error';
import { UnitPicker } from '../components/unit-picker';
import { AsyncBoundary, describeError } from '../components/states';
import { usePageTitle } from '../components/page-title';
import { refuse, useWrite, writeAction } from '../lib/write-action';
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

/** Add an account from the form; the result holds the new account's first password, shown once. */
const addUserWrite = writeAction('admin-add-user', async (form: FormData) => {
  const role = String(form.get('role') ?? '');
  const username = String(form.get('username') ?? '').trim();
  const displayName = String(form.get('displayName') ?? '').trim();
  // Checked here, in Persian, instead of the browser's bubbles (in the browser's language).
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(username)) {
    refuse('نام کاربری را با حروف لاتین کوچک، رقم و . _ - بنویسید (۲ تا ۴۰ نویسه، مانند tabriz.dg).');
  }
  if (displayName === '') refuse('نام و سمت را بنویسید.');
  if (!isRole(role)) refuse('نقش را برگزینید.');
  return createUser({ username, displayName, role, unitCode: String(form.get('unitCode') ?? '') || null });
});

function AddUserForm(props: { list: UserList }) {
  const adding = useWrite(addUserWrite);
  const issued = () => {
    const created = adding.submission.result;
    return created?.initialPassword ? { username: created.user.username, password: created.initialPassword } : null;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    if (await adding.send(new FormData(formElement))) formElement.reset();
  };

  return (
    <form class="account-form add-user-form" onSubmit={submit} aria-labelledby="add-user-heading" novalidate>
      <h2 id="add-user-heading">افزودن کاربر</h2>
      <label for="new-username">نام کاربری (حروف لاتین کوچک)</label>
      <input id="new-username" name="username" dir="ltr" autocomplete="off" required aria-describedby="new-username-hint" />
      <span id="new-username-hint" class="field-hint">
        حروف لاتین کوچک، رقم و . _ - ؛ مانند tabriz.dg
      </span>
      <label for="new-display-name">نام و سمت</label>
      <input id="new-display-name" name="displayName" required maxlength="200" />
      <label for="new-role">نقش</label>
      <select id="new-role" name="role">
        {/* The default as an attribute (defaultSelected): the form's reset after each account comes back to «کارمند», not the first role. */}
        <For each={ROLES}>
          {(role) => (
            <option value={role} ref={(el) => (el.defaultSelected = role === 'staff')}>
              {ROLE_LABELS[role]}
            </option>
          )}
        </For>
      </select>
      <UnitPicker id="new-unit" name="unitCode" label="واحد (برای مدیر کل لازم است)" emptyLabel="بدون واحد" units={memberUnits(props.list)} value={null} />
      <FormError error={adding.submission.error} describe={describeError} />
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
  // Role and unit are drafts until «ذخیره»: a slip of the wheel on a list must not change an account.
  const [role, setRole] = createSignal<Role>(props.user.role);
  const [unitCode, setUnitCode] = createSignal<string | null>(props.user.unitCode);
  const [confirming, setConfirming] = createSignal(false);
  const [saved, setSaved] = createSignal('');
  const changed = () => role() !== props.user.role || unitCode() !== props.user.unitCode;
  const change = async (changes: Parameters<typeof updateUser>[1]) => {
    setSaved('');
    try {
      await updateUser(props.user.id, changes);
      return true;
    } catch (failure) {
      props.onError(failure);
      return false;
    }
  };
  const save = async () => {
    const changes: Parameters<typeof updateUser>[1] = {};
    if (role() !== props.user.role) changes.role = role();
    if (unitCode() !== props.user.unitCode) changes.unitCode = unitCode();
    if (await change(changes)) setSaved('ذخیره شد.');
  };
  return (
    <tr classList={{ 'is-disabled': props.user.disabled }}>
      <td dir="ltr" class="cell-username">
        {props.user.username}
      </td>
      <td>{props.user.displayName}</td>
      <td>
        <select
          aria-label={`نقش ${props.user.displayName}`}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isRole(value)) setRole(value);
          }}
        >
          <For each={ROLES}>
            {(r) => (
              <option value={r} selected={r === role()}>
                {ROLE_LABELS[r]}
              </option>
            )}
          </For>
        </select>
      </td>
      <td>
        <UnitPicker
          id={`unit-${props.user.id}`}
          label={`واحد ${props.user.displayName}`}
          hideLabel
          emptyLabel="بدون واحد"
          units={memberUnits(props.list)}
          value={unitCode()}
          onChange={setUnitCode}
        />
      </td>
      <td>{props.user.disabled ? 'غیرفعال' : 'فعال'}</td>
      <td>
        <div class="cell-actions">
          <button type="button" class="button" disabled={!changed()} onClick={() => void save()}>
            ذخیره
            <span class="visually-hidden"> تغییر {props.user.displayName}</span>
          </button>
          <Show
            when={props.user.disabled}
            fallback={
              <button type="button" class="button button-quiet" aria-expanded={confirming()} onClick={() => setConfirming(true)}>
                غیرفعال‌سازی
              </button>
            }
          >
            <button type="button" class="button button-quiet" onClick={() => void change({ disabled: false })}>
              فعال‌سازی
            </button>
          </Show>
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
        <Show when={confirming()}>
          <div class="confirm-box" role="alertdialog" aria-labelledby={`confirm-${props.user.id}`}>
            <p id={`confirm-${props.user.id}`}>
              حساب <bdi dir="ltr">{props.user.username}</bdi> ({props.user.displayName}) غیرفعال شود؟ دیگر نمی‌تواند وارد شود و از همهٔ مرورگرها بیرون می‌رود.
            </p>
            <div class="cell-actions">
              <button
                type="button"
                class="button button-danger"
                ref={(el) => requestAnimationFrame(() => el.focus())}
                onClick={() => {
                  setConfirming(false);
                  void change({ disabled: true });
                }}
              >
                غیرفعال شود
              </button>
              <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
                انصراف
              </button>
            </div>
          </div>
        </Show>
        <p class="form-status" role="status">
          {saved()}
        </p>
      </td>
    </tr>
  );
}

/** People in Persian alphabetical order of their names. */
const peopleOrder = new Intl.Collator('fa');

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
                    <For each={[...current().items].sort((a, b) => peopleOrder.compare(a.displayName, b.displayName))}>
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
