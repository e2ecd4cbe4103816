/**
 * Issue 14 in a real browser: a director turns e-mail off on «حساب من» (and it stays off after a
 * reload), and people choose what their calendar link shows on «خروجی و تقویم»: a director is not
 * offered «تأییدهای من», a manager is, and the link made shows what was chosen.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const app = useBrowserApp();

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

async function preferences(page: Page): Promise<{ email: string | null; emailEnabled: boolean }> {
  const response = await page.context().request.get(`${app.server.url}/api/users/me/preferences`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { email: string | null; emailEnabled: boolean };
}

describe('e-mail off on my account page', () => {
  for (const size of SIZES) {
    it(`a director gives an address, turns e-mail off, and it stays off (${size.name})`, async () => {
      const page = await openPage(app.browser, { viewport: size.viewport, isMobile: 'isMobile' in size });
      const problems = watchPage(page);
      await app.server.signIn(page, { role: 'director', unitCode: 'prov-east-azarbaijan', displayName: 'مدیر کل آذربایجان شرقی' });
      await page.goto(`${app.server.url}/account`);
      const address = page.getByLabel('نشانی ایمیل');
      await address.waitFor();
      const enabled = page.getByLabel('خلاصهٔ روزانه و یادآوری‌ها را با ایمیل بفرست');
      expect(await enabled.isChecked()).toBe(true);

      // A bad address gets the server's Persian reason.
      await address.fill('east at example');
      await page.getByRole('button', { name: 'ذخیرهٔ تنظیمات ایمیل' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('نشانی ایمیل درست نیست');

      await address.fill('east@example.org');
      await enabled.uncheck();
      await page.getByRole('button', { name: 'ذخیرهٔ تنظیمات ایمیل' }).click();
      await expect.poll(() => page.getByText('دیگر ایمیلی برای شما فرستاده نمی‌شود').count()).toBe(1);
      expect(await preferences(page)).toEqual({ email: 'east@example.org', emailEnabled: false });

      await page.reload();
      await page.getByLabel('نشانی ایمیل').waitFor();
      expect(await page.getByLabel('خلاصهٔ روزانه و یادآوری‌ها را با ایمیل بفرست').isChecked()).toBe(false);
      expect(await page.getByLabel('نشانی ایمیل').inputValue()).toBe('east@example.org');
      expect(await horizontalOverflow(page)).toBe(0);
      await checkA11y(page);
      await screenshot(page, `account-email-off-${size.name}`);
      // The one refused save (the bad address) is the only failed request.
      expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      await page.context().close();
    });
  }
});

describe('choosing what my calendar shows', () => {
  for (const size of SIZES) {
    it(`a director may choose their unit or everything, not approvals (${size.name})`, async () => {
      const page = await openPage(app.browser, { viewport: size.viewport, isMobile: 'isMobile' in size });
      const problems = watchPage(page);
      await app.server.signIn(page, { role: 'director', unitCode: 'prov-east-azarbaijan' });
      await page.goto(`${app.server.url}/exports`);
      const group = page.getByRole('group', { name: 'این تقویم چه مهلت‌هایی را نشان دهد؟' });
      await group.waitFor();
      expect(await group.getByRole('radio').count()).toBe(2);
      expect(await group.getByRole('radio', { name: /تأییدهای من/ }).count()).toBe(0);
      expect(await group.getByRole('radio', { name: /اقدام‌های واحد من/ }).isChecked()).toBe(true);
      await group.getByRole('radio', { name: /همهٔ اقدام‌هایی که می‌توانم ببینم/ }).check();
      await page.getByRole('button', { name: 'روشن کردن تقویم' }).click();
      const url = await page.getByLabel('نشانی تقویم (فقط همین یک بار نشان داده می‌شود):').inputValue();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'تقویم شما روشن است' }).textContent()).toContain('همهٔ اقدام‌هایی که می‌توانم ببینم');
      const feed = await page.context().request.get(url);
      expect(feed.status()).toBe(200);
      expect((await feed.text()).replace(/\r\n /g, '')).toContain('X-WR-CALNAME:مهلت‌های نشست (همهٔ اقدام‌هایی که می‌توانم ببینم)');
      expect(await horizontalOverflow(page)).toBe(0);
      await checkA11y(page);
      await screenshot(page, `calendar-scope-director-${size.name}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('a manager is offered «my approvals», and the link shows it', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/exports`);
    const group = page.getByRole('group', { name: 'این تقویم چه مهلت‌هایی را نشان دهد؟' });
    await group.waitFor();
    // No unit: «my unit» is not offered.
    expect(await group.getByRole('radio').count()).toBe(2);
    await group.getByRole('radio', { name: /تأییدهای من/ }).check();
    await page.getByRole('button', { name: 'روشن کردن تقویم' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'تقویم شما روشن است' }).textContent()).toContain('تأییدهای من');
    const token = await page.context().request.get(`${app.server.url}/api/calendar/token`);
    expect(await token.json()).toEqual({ active: true, url: null, scope: 'approvals' });
    await screenshot(page, 'calendar-scope-manager-desktop');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
