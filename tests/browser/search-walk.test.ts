/**
 * Issue 15, walked through as users do (helper «searchwalk»): what the search page says after a
 * failed request, on a second page of results, and about common words — at 1366×768 and 390×844.
 *
 * Failed before the fixes:
 * - after one search failed (the network dropped), the next query typed still showed that error,
 *   not its own results (the error boundary stayed in its error state).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, useBrowserApp } from './support';

const app = useBrowserApp();

const SIZES = [
  ['1366', { width: 1366, height: 768 }],
  ['390', { width: 390, height: 844 }],
] as const;

const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function submit(page: Page, q: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'عبارت جست‌وجو' });
  await box.fill('');
  await box.focus();
  await page.keyboard.type(q);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

beforeAll(async () => {
  // Thirty-one actions (one per province) on the three-months property directive: several pages of them.
  const manager = await openPage(app.browser);
  await app.server.signIn(manager, { role: 'manager', username: 'walk-setup' });
  const row = await app.server.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
  const assigned = await manager.context().request.post(`${app.server.url}/api/directives/${Number(row.rows[0]?.id)}/assignments`, {
    data: { units: ['all-provinces'], dueOn: '2021-07-01' },
    headers: { Origin: app.server.url },
  });
  expect(assigned.status(), await assigned.text()).toBe(201);
  await manager.context().close();
});

describe.each(SIZES)('the search page walked through at %s px', (size, viewport) => {
  const phone = size === '390';

  it("shows the next query's results after a search that failed", async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await submit(page, 'بودجه');
    await page.locator('.search-hit').first().waitFor();

    await page.route('**/api/search?**', (route) => route.abort('connectionrefused'));
    await submit(page, 'مازاد');
    await page.getByRole('alert').filter({ hasText: 'ارتباط با کارساز برقرار نشد' }).waitFor();
    await screenshot(page, `search-walk-offline-${size}`, { fullPage: false });
    await page.unroute('**/api/search?**');

    // The network is back: the next query shows its own results, not the last error.
    await submit(page, 'کارگاه');
    await page.locator('.search-hit').first().waitFor({ timeout: 5_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await text(page, '.search-results')).toContain('کارگاه');

    // And a failure answered with a retry that works.
    let fail = true;
    await page.route('**/api/search?**', (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"کارساز اکنون پاسخ نمی‌دهد."}}' }) : route.continue()));
    await submit(page, 'ماده ۲۷');
    await page.getByRole('alert').filter({ hasText: 'کارساز اکنون پاسخ نمی‌دهد.' }).waitFor();
    fail = false;
    await page.getByRole('button', { name: 'تلاش دوباره' }).click();
    await page.locator('.search-hit').first().waitFor({ timeout: 5_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
