/**
 * Implausible dates on the import pages: a session date of 1500 is refused on the form in Persian
 * and nothing is imported; on the review page a deadline before the session is refused on its card
 * and the field keeps the saved deadline once the page is reloaded.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkA11y, horizontalOverflow, openPage, pageApi, screenshot, useBrowserApp, watchPage } from './support';

const ROOT = resolve(import.meta.dirname, '../..');
// Units and people only: the sessions are imported by the test.
const app = useBrowserApp(() => ({ content: [resolve(ROOT, 'content/units.yaml'), resolve(ROOT, 'content/people.yaml')] }));
const TEXT = 'استان‌ها موظفند ظرف دو هفته برنامه عملیاتی بودجه را به سازمان برنامه و بودجه ارسال کنند.';

describe('implausible dates on the import pages', () => {
  it('refuses a session date of ۱۵۰۰ on the form and a deadline before the session on the review card', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByLabel('متن نشست').fill(TEXT);
    await page.getByLabel('تاریخ نشست (شمسی)').fill('۱۵۰۰/۰۱/۰۱');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/imports'));
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByText('تاریخ نشست (۱۵۰۰/۰۱/۰۱) باید میان سال‌های ۱۳۰۰ و ۱۴۹۹ شمسی باشد').waitFor();
    expect(page.url()).toContain('/imports/new');
    await checkA11y(page);
    await screenshot(page, 'date-bounds-01-import-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('تاریخ نشست (۱۵۰۰/۰۱/۰۱)').scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'date-bounds-02-import-390', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });

    // The typo fixed, the import goes through; then a deadline before the session on the card.
    await page.getByLabel('تاریخ نشست (شمسی)').fill('۱۳۹۹/۱۱/۰۱');
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    await page.waitForURL('**/imports/import-*');
    const card = page.locator('.suggestion-card').first();
    const due = card.getByLabel('مهلت (شمسی)');
    await expect.poll(() => due.inputValue()).toBe('۱۳۹۹/۱۱/۱۵');
    await due.fill('۱۳۹۹/۱۰/۰۱');
    const refusedDue = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/imports/'));
    await due.press('Tab');
    expect((await refusedDue).status()).toBe(422);
    const message = card.getByText('مهلت (۱۳۹۹/۱۰/۰۱) پیش از تاریخ نشست (۱۳۹۹/۱۱/۰۱) است');
    await message.waitFor();
    await message.scrollIntoViewIfNeeded();
    await checkA11y(page);
    await screenshot(page, 'date-bounds-03-review-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await message.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'date-bounds-04-review-390', { fullPage: false });

    await page.reload();
    await expect.poll(() => page.locator('.suggestion-card').first().getByLabel('مهلت (شمسی)').inputValue()).toBe('۱۳۹۹/۱۱/۱۵');
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
  }, 90_000);

  it('refuses a reschedule to ۱۵۰۰/۰۱/۰۱ on the action page and keeps the due date', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const api = pageApi(page, app.server.url);
    const draft = await api<{ slug: string; suggestions: Array<{ id: number; version: number }> }>('/imports', 'POST', { text: `${TEXT} دوم`, title: 'نشست مهلت', heldOn: '1399-11-01' });
    const first = draft.suggestions[0];
    if (!first) throw new Error('the text has a directive');
    await api(`/imports/${draft.slug}/directives/${first.id}`, 'PATCH', { version: first.version, kind: 'action', assignee: 'prov-tehran', due: '۱۳۹۹/۱۱/۲۰', review: 'confirmed' });
    const published = await api<{ assigned: Array<{ directiveId: number }> }>(`/imports/${draft.slug}/publish`, 'POST', { rejectUnreviewed: true });
    const directiveId = published.assigned[0]?.directiveId;
    const rollup = await page.request.fetch(`${app.server.url}/api/actions?directive=${directiveId}`);
    const actionId = ((await rollup.json()) as { items: Array<{ id: number }> }).items[0]?.id;

    await page.goto(`${app.server.url}/actions/${actionId}`);
    await page.getByText('تغییر مهلت یا اولویت').click();
    await page.getByLabel('مهلت تازه (شمسی)').fill('۱۵۰۰/۰۱/۰۱');
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/actions/'));
    await page.getByRole('button', { name: 'ثبت تغییر' }).click();
    expect((await refused).status()).toBe(422);
    const message = page.getByText('(۱۵۰۰/۰۱/۰۱) باید میان سال‌های ۱۳۰۰ و ۱۴۹۹ شمسی باشد');
    await message.waitFor();
    await message.scrollIntoViewIfNeeded();
    await checkA11y(page);
    await screenshot(page, 'date-bounds-05-reschedule-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await message.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'date-bounds-06-reschedule-390', { fullPage: false });
    const action = await page.request.fetch(`${app.server.url}/api/actions/${actionId}`);
    expect(((await action.json()) as { dueOn: string }).dueOn).toBe('2021-02-08');

    // A second click while the first write is on its way sends nothing (it went out as a stale write: 409).
    let patches = 0;
    await page.route('**/api/actions/*', async (route) => {
      if (route.request().method() === 'PATCH') {
        patches += 1;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      await route.continue();
    });
    await page.getByLabel('مهلت تازه (شمسی)').fill('۱۳۹۹/۱۲/۰۱');
    const submit = page.getByRole('button', { name: 'ثبت تغییر' });
    await submit.click();
    await submit.click({ force: true });
    await page.getByText('ثبت شد. مهلت:').waitFor();
    expect(patches).toBe(1);
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
  }, 90_000);
});
