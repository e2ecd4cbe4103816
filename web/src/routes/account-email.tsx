/** @module "My account" → e-mail: my address, and turning the daily digest and reminder e-mails off or on. */
import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { getPreferences, savePreferences } from '../api/preferences';
import { FormError } from '../components/form-error';
import { describeError } from '../components/states';
import { useWrite, writeAction } from '../lib/write-action';

const preferencesWrite = writeAction('email-preferences', savePreferences);

export function EmailPreferences() {
  const preferences = createAsync(() => getPreferences());
  const saving = useWrite(preferencesWrite);
  const status = () => {
    const saved = saving.submission.result;
    if (!saved) return '';
    return saved.emailEnabled ? 'ذخیره شد: خلاصهٔ روزانه و یادآوری‌ها با ایمیل می‌رسند.' : 'ذخیره شد: دیگر ایمیلی برای شما فرستاده نمی‌شود.';
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    await saving.send({ email: String(form.get('email') ?? '').trim() || null, emailEnabled: form.get('emailEnabled') === 'on' });
  };

  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">ایمیل</h2>
      <p class="account-hint">روزی یک بار خلاصه‌ای از اعلان‌های خوانده‌نشده و اقدام‌های نزدیک یا گذشته از مهلت، و یادآوری مهلت‌ها.</p>
      <Show when={preferences()}>
        {(current) => (
          <form class="account-form" onSubmit={submit}>
            <label for="email-address">نشانی ایمیل</label>
            <input id="email-address" name="email" type="text" inputmode="email" autocomplete="email" dir="ltr" maxlength="254" value={current().email ?? ''} />
            <label class="check-row">
              <input id="email-enabled" name="emailEnabled" type="checkbox" checked={current().emailEnabled} />
              خلاصهٔ روزانه و یادآوری‌ها را با ایمیل بفرست
            </label>
            <FormError error={saving.submission.error} describe={describeError} />
            <p role="status" class="form-status">
              {status()}
            </p>
            <button type="submit" class="button" disabled={saving.submission.pending === true}>
              ذخیرهٔ تنظیمات ایمیل
            </button>
          </form>
        )}
      </Show>
    </section>
  );
}
