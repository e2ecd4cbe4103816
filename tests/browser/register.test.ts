/**
 * The directive register in a real browser against the real server: a manager reaches «رهنمودها»
 * from the header, types a 1400 date range in Persian digits and picks «باز و گذشته از مهلت», gets
 * the one overdue directive of 1400 (not the overdue one of 1399, not the open one of 1400), opens
 * its row to the full quote and follows it to the quote's place in its session. The summaries and a
 * directive's related directives are checked too; axe on each page, desktop (1366×768) and phone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

// 1400-05-10: «پایان فروردین» (2021-04-20) has passed, 2021-09-01 has not.
const NOW = new Date('2021-08-01T08:00:00Z');
const DESKTOP = { width: 1366, height: 768 };
const OVERDUE_1400 = 'operational-programmes-followup';

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
let manager: Page;
const problems: string[][] = [];

async function assign(page: Page, anchor: string, units: string[], dueOn?: string): Promise<void> {
  const id = await directiveId(anchor);
  const response = await page.context().request.post(`${app.server.url}/api/directives/${id}/assignments`, {
    data: { units, dueOn },
    headers: { Origin: app.server.url },
  });
  expect(response.status(), await response.text()).toBe(201);
}

async function directiveId(anchor: string): Promise<number> {
  const rows = await app.server.database.client.execute({ sql: 'SELECT id FROM directives WHERE anchor = ?', args: [anchor] });
  const id = Number(rows.rows[0]?.id);
  expect(id, anchor).toBeGreaterThan(0);
  return id;
}

beforeAll(async () => {
  manager = await openPage(app.browser, { viewport: DESKTOP });
  problems.push(watchPage(manager));
  await app.server.signIn(manager, { role: 'manager', displayName: 'مریم احمدی، کارشناس ستاد' });
  // Overdue in 1400 (the one the manager looks for), overdue in 1399, and open but not overdue in 1400.
  await assign(manager, OVERDUE_1400, ['prov-tehran', 'prov-fars']);
  await assign(manager, 'operational-programmes-1400', ['all-provinces'], '1399-11-15');
  await assign(manager, 'property-sales-progress-report', ['prov-east-azarbaijan'], '1400-06-10');
});

describe('the directive register in the browser', () => {
  it('lets a manager filter «باز و گذشته از مهلت» for 1400, open the row and reach the quote in its session', async () => {
    await manager.goto(`${app.server.url}/`);
    await manager.getByRole('navigation', { name: 'پیمایش اصلی' }).getByRole('link', { name: 'رهنمودها' }).click();
    await manager.getByRole('heading', { name: 'رهنمودها', level: 1 }).waitFor();
    await expect.poll(() => manager.locator('.register-row').count()).toBeGreaterThan(10);
    await checkA11y(manager);
    await screenshot(manager, 'register-01-all-desktop', { fullPage: false });

    // Typed as on a Persian keyboard: Persian digits.
    await manager.getByLabel('نشست‌های از تاریخ').pressSequentially('۱۴۰۰/۰۱/۰۱');
    await manager.getByLabel('تا تاریخ').pressSequentially('۱۴۰۰/۱۲/۲۹');
    await manager.getByLabel('وضعیت اقدام‌ها').selectOption({ label: 'باز و گذشته از مهلت' });
    await manager.getByRole('button', { name: 'پالایش', exact: true }).click();
    await manager.waitForURL((url) => url.searchParams.get('state') === 'overdue');
    const url = new URL(manager.url());
    expect(url.searchParams.get('from')).toBe('۱۴۰۰/۰۱/۰۱');
    const rows = manager.locator('.register-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => manager.locator('.list-summary').textContent()).toContain('۱ رهنمود');
    const row = rows.first();
    expect(await row.textContent()).toContain('باز و گذشته از مهلت');
    expect(await row.locator('.strip-cell.strip-overdue').count()).toBe(2);
    expect(await row.locator('time').first().textContent()).toBe('۲۱ فروردین ۱۴۰۰');
    await checkA11y(manager);
    await screenshot(manager, 'register-02-overdue-1400-desktop', { fullPage: false });

    // Reloading the shared URL keeps the filters.
    await manager.reload();
    await expect.poll(() => manager.locator('.register-row').count()).toBe(1);
    expect(await manager.getByLabel('نشست‌های از تاریخ').inputValue()).toBe('۱۴۰۰/۰۱/۰۱');

    // Open the row: the whole quote.
    const full = await app.server.database.client.execute({ sql: 'SELECT quote FROM directives WHERE anchor = ?', args: [OVERDUE_1400] });
    const quote = String(full.rows[0]?.quote);
    const summary = manager.locator('.register-row summary').first();
    if ((await summary.count()) > 0) {
      await summary.click();
      await manager.locator('.register-quote-full').first().waitFor();
      expect(await manager.locator('.register-quote-full').first().textContent()).toBe(quote);
    } else {
      expect(await manager.locator('.register-quote-text').first().textContent()).toBe(quote);
    }
    await checkA11y(manager);
    await manager.locator('.register-row').first().scrollIntoViewIfNeeded();
    await screenshot(manager, 'register-03-row-open-desktop', { fullPage: false });

    await manager.getByRole('link', { name: 'دیدن در متن نشست' }).click();
    await manager.waitForURL((u) => u.pathname === '/sessions/tvto-outsourcing-webinar-2' && u.hash === `#d-${OVERDUE_1400}`);
    const mark = manager.locator(`#d-${OVERDUE_1400}`);
    await mark.waitFor();
    expect(quote.startsWith((await mark.textContent())?.trim().slice(0, 20) ?? '—')).toBe(true);
    expect(await mark.isVisible()).toBe(true);
    await screenshot(manager, 'register-04-quote-in-session-desktop', { fullPage: false });
    expect(problems.flat()).toEqual([]);
  });

  it('holds on a phone, finds a speaker typed with Arabic yeh, and prints without the filters', async () => {
    const phone = await openPage(app.browser, { viewport: viewports.phone, isMobile: true });
    const watched = watchPage(phone);
    await app.server.signIn(phone, { role: 'staff' });
    await phone.goto(`${app.server.url}/directives?state=overdue`);
    await expect.poll(() => phone.locator('.register-row').count()).toBe(2);
    expect(await horizontalOverflow(phone)).toBe(0);
    await checkA11y(phone);
    await screenshot(phone, 'register-05-overdue-phone');

    await phone.goto(`${app.server.url}/directives`);
    await phone.getByLabel('گوینده').pressSequentially('فيروزي');
    await phone.getByRole('button', { name: 'پالایش', exact: true }).click();
    await phone.waitForURL((url) => url.searchParams.get('speaker') === 'فيروزي');
    await expect.poll(() => phone.locator('.list-summary').textContent()).toContain('۸ رهنمود');
    expect(await phone.locator('.list-summary').textContent()).toContain('حسین فیروزی');

    // Words of the quote typed with Arabic kaf and without the ZWNJ the text has.
    await phone.goto(`${app.server.url}/directives`);
    await phone.getByLabel('واژه‌های متن رهنمود').pressSequentially('املاك مازاد');
    await phone.getByRole('button', { name: 'پالایش', exact: true }).click();
    await phone.waitForURL((url) => url.searchParams.get('q') === 'املاك مازاد');
    await expect.poll(() => phone.locator('.register-row').count()).toBe(2);
    expect(await phone.locator('.register-row').allTextContents()).toEqual([expect.stringContaining('مازاد'), expect.stringContaining('مازاد')]);

    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('.register-filters').isVisible()).toBe(false);
    expect(await phone.locator('.register-quote-print').first().isVisible()).toBe(true);
    await phone.emulateMedia({ media: 'screen' });
    expect(watched).toEqual([]);
  });

  it('shows per speaker and per series summaries whose numbers open the list behind them', async () => {
    await manager.goto(`${app.server.url}/directives/summaries`);
    await manager.getByRole('heading', { name: 'خلاصه رهنمودها' }).waitFor();
    const firouzi = manager.locator('.summary-table tr', { has: manager.getByRole('rowheader', { name: 'حسین فیروزی' }) });
    await firouzi.waitFor();
    await checkA11y(manager);
    await screenshot(manager, 'register-06-summaries-desktop', { fullPage: false });
    const open = firouzi.getByRole('link', { name: /^هنوز باز/ });
    // Three of his directives have open actions (the two overdue ones and the one due in Shahrivar).
    expect(await open.textContent()).toBe('۳');
    await open.click();
    await manager.waitForURL((url) => url.pathname === '/directives' && url.searchParams.get('state') === 'open');
    await expect.poll(() => manager.locator('.register-row').count()).toBe(3);
    expect(await manager.getByLabel('گوینده').inputValue()).toBe('حسین فیروزی');
  });

  it("lists a directive's related directives in other sessions with their outcome", async () => {
    const id = await directiveId('operational-programmes-1400');
    await manager.goto(`${app.server.url}/directives/${id}`);
    const related = manager.locator('.related-list li', { hasText: 'ارسال نکرده‌اند' });
    await related.waitFor();
    expect(await related.textContent()).toContain('باز و گذشته از مهلت');
    await checkA11y(manager);
    await screenshot(manager, 'register-07-related-desktop', { fullPage: false });
  });
});
