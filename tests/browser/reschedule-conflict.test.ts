/**
 * Two managers re-date one action at once (walkthrough finding): the second gets the 409 notice,
 * which says «آنچه نوشته بودید در فرم مانده است», but the page's refresh wrote the first manager's
 * date and priority over what the second had typed. Now the typed values stay until sent again.
 * Desktop and phone.
 */
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, pageApi, screenshot, useBrowserApp } from './support';

const app = useBrowserApp();

describe('re-dating an action another manager has just re-dated', () => {
  it('shows the conflict and keeps the date, priority and reason typed', async () => {
    const first = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    const second = await openPage(app.browser, { viewport: { width: 390, height: 844 } });
    await app.server.signIn(first, { role: 'manager', username: 'manager-a' });
    await app.server.signIn(second, { role: 'manager', username: 'manager-b' });
    const rows = await app.server.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
    const assigned = await pageApi(first, app.server.url)<{ created: Array<{ id: number }> }>(`/directives/${Number(rows.rows[0]?.id)}/assignments`, 'POST', {
      units: ['prov-ardabil'],
      dueOn: '1400-02-01',
    });
    const id = assigned.created[0]?.id;
    for (const page of [first, second]) {
      await page.goto(`${app.server.url}/actions/${id}`);
      await page.locator('summary', { hasText: 'تغییر مهلت یا اولویت' }).click();
      expect(await page.getByLabel('مهلت تازه (شمسی)').inputValue()).toBe('۱۴۰۰/۰۲/۰۱');
    }

    await first.getByLabel('مهلت تازه (شمسی)').fill('۱۴۰۰/۰۲/۱۰');
    await first.getByLabel('اولویت').selectOption('high');
    await first.getByRole('button', { name: 'ثبت تغییر' }).click();
    await expect.poll(() => first.locator('.form-status').last().textContent()).toContain('۱۰ اردیبهشت ۱۴۰۰');

    await second.getByLabel('مهلت تازه (شمسی)').fill('۱۴۰۰/۰۳/۰۱');
    await second.getByLabel('اولویت').selectOption('urgent');
    await second.getByLabel('دلیل تغییر').fill('درخواست استان');
    await second.getByRole('button', { name: 'ثبت تغییر' }).click();
    const notice = second.locator('[role=alert]', { hasText: 'تغییر کرده است' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('آنچه نوشته بودید در فرم مانده است');
    // Seen where the phone was scrolled to (the form, far below the notice), with the date now set.
    await expect.poll(() => notice.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    expect(await notice.textContent()).toContain('مهلت اکنون: ۱۰ اردیبهشت ۱۴۰۰');
    // The page shows the action as it is now, and the form still holds what was typed.
    await expect.poll(() => second.locator('main').textContent()).toContain('۱۰ اردیبهشت ۱۴۰۰');
    expect(await second.getByLabel('مهلت تازه (شمسی)').inputValue()).toBe('۱۴۰۰/۰۳/۰۱');
    expect(await second.getByLabel('اولویت').inputValue()).toBe('urgent');
    expect(await second.getByLabel('دلیل تغییر').inputValue()).toBe('درخواست استان');
    expect(await horizontalOverflow(second)).toBe(0);
    await screenshot(second, 'action-reschedule-conflict-390', { fullPage: false });

    // Sent again, it is saved as typed.
    await second.getByRole('button', { name: 'ثبت تغییر' }).click();
    await expect.poll(() => second.locator('.form-status').last().textContent()).toContain('۱ خرداد ۱۴۰۰');
    await second.reload();
    await second.locator('summary', { hasText: 'تغییر مهلت یا اولویت' }).click();
    expect(await second.getByLabel('مهلت تازه (شمسی)').inputValue()).toBe('۱۴۰۰/۰۳/۰۱');
    expect(await second.getByLabel('اولویت').inputValue()).toBe('urgent');
  });
});
