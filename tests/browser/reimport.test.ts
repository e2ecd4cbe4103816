/**
 * Journey (issue 14, item 5): a manager imports a write-up, then imports the same write-up again
 * under another title and is warned, with a link to the first copy, before publishing a second one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkA11y, openPage, screenshot, useBrowserApp, watchPage } from './support';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
const app = useBrowserApp();

describe('importing the same write-up twice', () => {
  it('warns the manager and links to the first copy', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const importAs = async (title: string) => {
      await page.goto(`${app.server.url}/imports/new`);
      await page.getByLabel('متن نشست').fill(SEED);
      await page.getByLabel('عنوان (اختیاری)').fill(title);
      await page.getByLabel('تاریخ نشست (شمسی)').fill('۱۳۹۹/۱۱/۰۱');
      await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      return new URL(page.url()).pathname;
    };
    const first = await importAs('وبینار واگذاری امور');
    // The first import holds text no other session has: no warning.
    expect(await page.locator('.duplicate-warning').count()).toBe(0);

    const second = await importAs('وبینار واگذاری امور (نسخهٔ دوم)');
    expect(second).not.toBe(first);
    const warning = page.locator('.duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('همین متن پیش‌تر وارد شده است');
    expect(await warning.textContent()).toContain('وبینار واگذاری امور (پیش‌نویس)');
    await checkA11y(page);
    await screenshot(page, 'reimport-01-warned-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'reimport-02-warned-390', { fullPage: false });

    await warning.getByRole('link', { name: 'وبینار واگذاری امور' }).click();
    await page.waitForURL((url) => url.pathname === first);
    await page.getByRole('heading', { level: 1, name: 'وبینار واگذاری امور' }).waitFor();

    // Both drafts are found again on «پیش‌نویس‌ها», newest first.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.server.url}/imports`);
    await page.getByRole('heading', { level: 1, name: 'پیش‌نویس‌ها' }).waitFor();
    // The heading comes before the list has loaded: wait for both items before reading them.
    await page.locator('.session-item-title').nth(1).waitFor();
    const titles = await page.locator('.session-item-title').allTextContents();
    expect(titles).toEqual(['وبینار واگذاری امور (نسخهٔ دوم)', 'وبینار واگذاری امور']);
    await checkA11y(page);
    await screenshot(page, 'reimport-03-drafts-1366', { fullPage: false });
    expect(problems).toEqual([]);
  });
});
