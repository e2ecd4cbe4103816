/**
 * Two reviewers on one draft: a reviewer's edit of a suggestion someone else changed meanwhile is
 * refused (409) and the card says so in Persian, with a way to load the suggestion as it is now;
 * the next edit, on the fresh version, goes through.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y, horizontalOverflow, openPage, pageApi, screenshot, useBrowserApp, watchPage } from './support';

const app = useBrowserApp();

describe('a suggestion edited by two reviewers', () => {
  it('shows the conflict on the card, loads the other reviewer’s version, and then saves', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const api = pageApi(page, app.server.url);
    const text = 'استان‌ها موظفند ظرف دو هفته برنامه عملیاتی بودجه را به سازمان برنامه و بودجه ارسال کنند.';
    const draft = await api<{ slug: string; suggestions: Array<{ id: number; version: number }> }>('/imports', 'POST', { text, title: 'نشست دو بازبین', heldOn: '1399-11-01' });
    const suggestion = draft.suggestions[0];
    if (!suggestion) throw new Error('the text has a directive');

    await page.goto(`${app.server.url}/imports/${draft.slug}`);
    const card = page.locator(`#s-${suggestion.id}`);
    await card.waitFor();
    // The other reviewer calls it a policy while this page still shows version 1.
    await api(`/imports/${draft.slug}/directives/${suggestion.id}`, 'PATCH', { version: suggestion.version, kind: 'policy' });

    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/imports/'));
    await card.getByRole('button', { name: /^تأیید/ }).click();
    expect((await refused).status()).toBe(409);
    const notice = card.getByRole('alert');
    await notice.getByText('بازبین دیگری این رهنمود را در این فاصله تغییر داده است و تغییر شما ذخیره نشد.').waitFor();
    expect(await card.getAttribute('class')).toContain('review-pending');
    await checkA11y(page);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'suggestion-conflict-01-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await notice.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'suggestion-conflict-02-390', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });

    await notice.getByRole('button', { name: 'بارگذاری نسخهٔ تازه' }).click();
    await expect.poll(() => card.locator('select').first().inputValue()).toBe('policy');
    expect(await card.getByRole('alert').count()).toBe(0);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/imports/'));
    await card.getByRole('button', { name: /^تأیید/ }).click();
    expect((await saved).status()).toBe(200);
    await page.locator(`#s-${suggestion.id}.review-confirmed`).waitFor();
    await screenshot(page, 'suggestion-conflict-03-reloaded-1366', { fullPage: false });
    expect(problems.filter((p) => !p.includes('409'))).toEqual([]);
  }, 90_000);
});
