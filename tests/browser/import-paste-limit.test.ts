/**
 * A paste longer than an import takes (walkthrough finding): the form said only «درخواست نامعتبر
 * است.», not why; now it says the text is over 1,000,000 characters and to import it in parts, and
 * the pasted text stays in the field. Desktop and phone.
 */
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const app = useBrowserApp();
const TOO_LONG = 'مدیران کل استان‌ها باید گزارش عملکرد را ظرف دو هفته ارسال کنند '.repeat(16_000);

describe('a paste over the import’s length', () => {
  it('is refused with the reason in Persian and the text kept in the field', async () => {
    expect(TOO_LONG.length).toBeGreaterThan(1_000_000);
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByRole('heading', { level: 1, name: 'نشست جدید' }).waitFor();
    await page.getByLabel('متن نشست').fill(TOO_LONG);
    await page.getByLabel('تاریخ نشست (شمسی)').fill('۱۳۹۹/۱۱/۰۱');
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    const error = page.locator('#import-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('۱٬۰۰۰٬۰۰۰ نویسه');
    expect(await error.textContent()).toContain('در چند بخش');
    expect((await page.getByLabel('متن نشست').inputValue()).length).toBe(TOO_LONG.length);
    await screenshot(page, 'import-paste-too-long-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await error.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'import-paste-too-long-390', { fullPage: false });
    // The refused request is the one failure the page may log.
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });
});
