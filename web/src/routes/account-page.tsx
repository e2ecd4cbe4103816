/** @module "My account": who I am, changing my password (which signs out my other browsers), and my e-mail settings. */
import { createSignal, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { changePassword, getMe, ROLE_LABELS } from '../api/auth';
import { getUnits } from '../api/reports';
import { FormError } from '../components/form-error';
import { AsyncBoundary, describeError } from '../components/states';
import { usePageTitle } from '../components/page-title';
import { EmailPreferences } from './account-email';
import '../styles/accounts.css';

export function AccountPage() {
  usePageTitle(() => 'حساب من');
  const me = createAsync(() => getMe());
  // The unit's name, not its code; the code only if the list cannot be read.
  const units = createAsync(() => getUnits().catch(() => undefined));
  const unitName = (code: string) => units()?.items.find((u) => u.code === code)?.name;
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const next = String(form.get('newPassword') ?? '');
    setError(null);
    setDone(false);
    if (next !== String(form.get('repeatPassword') ?? '')) {
      setError('گذرواژهٔ تازه و تکرار آن یکی نیستند.');
      return;
    }
    setBusy(true);
    try {
      await changePassword(String(form.get('currentPassword') ?? ''), next);
      formElement.reset();
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page account-card" aria-labelledby="account-heading">
      <h1 id="account-heading">حساب من</h1>
      <AsyncBoundary>
        <Show when={me()}>
          {(user) => (
            <dl class="account-facts">
              <dt>نام</dt>
              <dd>{user().displayName}</dd>
              <dt>نام کاربری</dt>
              <dd dir="ltr">{user().username}</dd>
              <dt>نقش</dt>
              <dd>{ROLE_LABELS[user().role]}</dd>
              <Show when={user().unitCode}>
                {(unit) => (
                  <>
                    <dt>واحد</dt>
                    <Show when={unitName(unit())} fallback={<dd dir="ltr">{unit()}</dd>}>
                      {(name) => <dd>{name()}</dd>}
                    </Show>
                  </>
                )}
              </Show>
            </dl>
          )}
        </Show>
      </AsyncBoundary>
      <h2>تغییر گذرواژه</h2>
      <form class="account-form" onSubmit={submit}>
        <label for="current-password">گذرواژهٔ فعلی</label>
        <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" dir="ltr" required />
        <label for="new-password">گذرواژهٔ تازه (دست‌کم ۸ نویسه)</label>
        <input id="new-password" name="newPassword" type="password" autocomplete="new-password" dir="ltr" minlength="8" required />
        <label for="repeat-password">تکرار گذرواژهٔ تازه</label>
        <input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" dir="ltr" minlength="8" required />
        <FormError error={error()} describe={describeError} />
        <Show when={done()}>
          <p class="form-success" role="status">
            گذرواژه تغییر کرد. از همهٔ مرورگرهای دیگر خارج شدید.
          </p>
        </Show>
        <button type="submit" class="button" disabled={busy()}>
          تغییر گذرواژه
        </button>
      </form>
      <AsyncBoundary loadingLabel="در حال بارگذاری تنظیمات ایمیل…">
        <EmailPreferences />
      </AsyncBoundary>
    </section>
  );
}
