/**
 * The admin's «افزودن کاربر» form after an account is added (walkthrough finding): the form was
 * reset natively, which put the role on the list's first choice, «مدیر سامانه» (administrator),
 * instead of «کارمند», and left «برگزیده: … زنجان» under a unit select that read «بدون واحد». The
 * next account added without looking became an administrator. Desktop and phone.
 */
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, screenshot, useBrowserApp } from './support';

const app = useBrowserApp();

describe('adding accounts one after another', () => {
  it('starts each new account as «کارمند» with no unit, as the form first showed', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const page = await openPage(app.browser, { viewport });
      await app.server.signIn(page, { role: 'admin' });
      await page.goto(`${app.server.url}/admin/users`);
      await page.getByRole('heading', { name: 'افزودن کاربر' }).waitFor();
      expect(await page.inputValue('#new-role')).toBe('staff');

      const first = `zanjan.dg${viewport.width}`;
      await page.fill('#new-username', first);
      await page.fill('#new-display-name', 'مدير كل زنجان');
      await page.selectOption('#new-role', 'director');
      await page.fill('#new-unit-search', 'زنجان');
      await page.selectOption('#new-unit', 'prov-zanjan');
      await page.getByRole('button', { name: 'افزودن', exact: true }).click();
      await page.locator('.form-success').waitFor();

      // The form is as new: role «کارمند», no unit, nothing left of the last choice.
      expect(await page.inputValue('#new-role')).toBe('staff');
      expect(await page.inputValue('#new-unit')).toBe('');
      expect(await page.inputValue('#new-unit-search')).toBe('');
      expect((await page.locator('#new-unit-chosen').textContent())?.trim()).toBe('');
      await screenshot(page, `admin-add-user-again-${viewport.width}`, { fullPage: false });
      expect(await horizontalOverflow(page), `sideways at ${viewport.width}`).toBe(0);

      // The next account, typed without touching the role or the unit.
      const second = `clerk${viewport.width}`;
      await page.fill('#new-username', second);
      await page.fill('#new-display-name', 'کارمند دبیرخانه');
      await page.getByRole('button', { name: 'افزودن', exact: true }).click();
      await expect.poll(async () => (await page.locator('.form-success').textContent()) ?? '').toContain(second);
      const listed = await page.context().request.get(`${app.server.url}/api/users`);
      const users = ((await listed.json()) as { items: Array<{ username: string; role: string; unitCode: string | null }> }).items;
      expect(users.find((u) => u.username === first)).toMatchObject({ role: 'director', unitCode: 'prov-zanjan' });
      expect(users.find((u) => u.username === second)).toMatchObject({ role: 'staff', unitCode: null });
      await page.context().close();
    }
  });
});
