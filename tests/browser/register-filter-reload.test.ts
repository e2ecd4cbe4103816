/**
 * The register's filter form shows what the list is filtered by after a reload or from a shared
 * link (walkthrough finding): the unit and series lists load after the form, and their selects
 * showed «همه واحدها» and «همه مجموعه‌ها» over a list of one province's directives of one series;
 * pressing «پالایش» again then dropped both filters. Desktop and phone.
 */
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, screenshot, useBrowserApp } from './support';

const app = useBrowserApp();
const SERIES = 'نشست‌های منطقه‌ای مدیران کل';
const FIELDS = ['register-unit', 'register-series', 'register-kind', 'register-sort', 'register-order', 'register-from'];

describe('the register’s filters after a reload', () => {
  it('show the unit and series the list is filtered by, and keep them on the next «پالایش»', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const page = await openPage(app.browser, { viewport });
      await app.server.signIn(page, { role: 'manager' });
      await page.goto(`${app.server.url}/directives`);
      await page.locator('#register-unit option[value="prov-ardabil"]').waitFor({ state: 'attached' });
      await page.locator(`#register-series option[value="${SERIES}"]`).waitFor({ state: 'attached' });
      await page.selectOption('#register-unit', 'prov-ardabil');
      await page.selectOption('#register-series', SERIES);
      await page.selectOption('#register-kind', 'instruction');
      await page.selectOption('#register-sort', 'due');
      await page.selectOption('#register-order', 'asc');
      await page.fill('#register-from', '۱۴۰۰/۰۱/۰۱');
      await page.getByRole('button', { name: 'پالایش', exact: true }).click();
      await page.waitForURL(/unit=prov-ardabil/);
      const values = () => page.evaluate((ids) => ids.map((id) => (document.getElementById(id) as HTMLSelectElement | HTMLInputElement | null)?.value ?? null), FIELDS);
      const chosen = ['prov-ardabil', SERIES, 'instruction', 'due', 'asc', '۱۴۰۰/۰۱/۰۱'];
      expect(await values()).toEqual(chosen);

      await page.reload();
      await page.locator('.register-count, .register-list, main h1').first().waitFor();
      await expect.poll(() => page.locator('#register-unit option').count()).toBeGreaterThan(30);
      await expect.poll(() => page.locator('#register-series option').count()).toBeGreaterThan(1);
      expect(await values()).toEqual(chosen);
      // «پالایش» again (another field changed) keeps the unit and series.
      await page.selectOption('#register-order', 'desc');
      await page.getByRole('button', { name: 'پالایش', exact: true }).click();
      await page.waitForURL(/order=desc/);
      const url = new URL(page.url());
      expect(url.searchParams.get('unit')).toBe('prov-ardabil');
      expect(url.searchParams.get('series')).toBe(SERIES);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `register-filters-reloaded-${viewport.width}`, { fullPage: false });
      await page.context().close();
    }
  });
});
