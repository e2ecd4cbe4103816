/** @module "My account": who I am, changing my password (which signs out my other browsers), and my e-mail settings. */
import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { changePassword, getMe, ROLE_LABELS } from '../api/auth';
import { getUnits } from '../api/reports';
import { FormError } from '../components/form-error';
import { AsyncBoundary, describeError } from '../components/states';
import { usePageTitle } from '../components/page-title';
import { refuse, useWrite, writeAction } from '../lib/write-action';
import { EmailPreferences } from './account-email';
import '../styles/accounts.css';

/** Change my password; the repeat is checked here, before anything is sent. */
const passwordWrite = writeAction('account-password', async (current: string, next: string, repeat: string) => {
  if (next !== repeat) refuse('گذرواژهٔ تازه و تکرار آن یکی نیستند.');
  await changePassword(current, next);
  return true;
});

export function AccountPage() {
  usePageTitle(() => 'حساب من');
  const me = createAsync(() => getMe());
  // The unit's name, not its code; the code only if the list cannot be read.
  const units = createAsync(() => getUnits().catch(() => undefined));
  const unitName = (code: string) => units()?.items.find((u) => u.code === code)?.name;
  const password = useWrite(passwordWrite);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const next = String(form.get('newPassword') ?? '');
    if (await password.send(String(form.get('currentPassword') ?? ''), next, String(form.get('repeatPassword') ?? ''))) formElement.reset();
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
        <FormError error={password.submission.error} describe={describeError} />
        <Show when={password.submission.result}>
          <p class="form-success" role="status">
            گذرواژه تغییر کرد. از همهٔ مرورگرهای دیگر خارج شدید.
          </p>
        </Show>
        <button type="submit" class="button" disabled={password.submission.pending === true}>
          تغییر گذرواژه
        </button>
      </form>
      <AsyncBoundary loadingLabel="در حال بارگذاری تنظیمات ایمیل…">
        <EmailPreferences />
      </AsyncBoundary>
    </section>
  );
}
