/** @module The sign-in page: username and password, the server's Persian message on failure, then back to where the user was. */
import { Show } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { safeNext, signIn } from '../api/auth';
import { FormError } from '../components/form-error';
import { describeError } from '../components/states';
import { usePageTitle } from '../components/page-title';
import { toPersianDigits } from '../lib/persian-digits';
import { useWrite, writeAction } from '../lib/write-action';
import '../styles/accounts.css';

const signInWrite = writeAction('sign-in', async (username: string, password: string) => {
  await signIn(username, password);
  return true;
});

export function LoginPage() {
  usePageTitle(() => 'ورود');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signing = useWrite(signInWrite);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    if (await signing.send(String(form.get('username') ?? ''), String(form.get('password') ?? ''))) {
      const next = params.next;
      navigate(safeNext(typeof next === 'string' ? next : undefined), { replace: true });
    }
  };

  return (
    <section class="page account-card" aria-labelledby="login-heading">
      <h1 id="login-heading">ورود به نشست</h1>
      <Show when={params.reason === 'expired'}>
        <p class="state state-notice" role="status">
          نشست شما به پایان رسید؛ دوباره وارد شوید. آنچه نوشته بودید نگه داشته شده است و پس از ورود سر جایش برمی‌گردد.
        </p>
      </Show>
      <form class="account-form" onSubmit={submit} novalidate>
        <label for="login-username">نام کاربری</label>
        <input id="login-username" name="username" autocomplete="username" dir="ltr" required autofocus />
        <label for="login-password">گذرواژه</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" dir="ltr" required />
        {/* The lock-out message carries seconds: shown, like every number, in Persian digits. */}
        <FormError error={signing.submission.error} describe={(failure) => toPersianDigits(describeError(failure))} />
        <button type="submit" class="button" disabled={signing.submission.pending === true}>
          {signing.submission.pending ? 'در حال ورود…' : 'ورود'}
        </button>
      </form>
      <p class="account-hint">حساب کاربری را مدیر سامانه می‌سازد. اگر گذرواژه را فراموش کرده‌اید، از او گذرواژه تازه بخواهید.</p>
    </section>
  );
}
