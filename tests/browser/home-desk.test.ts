/**
 * Journey (issue 14): a director opens the app and sees, first on «کارتابل من», the action headquarters
 * returned with its reason; answers it (a letter and a new request for verification) and the manager
 * who returned it is notified; the manager's home and header show the queue. Real server and Chromium;
 * screenshots at 1366×768 and 390×844.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_SESSION } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const UNIT = 'prov-kerman';
const NOW = new Date('2021-01-28T08:00:00Z');
const REASON = 'جدول بودجه به برنامه پیوست نشده است.';

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
let manager: Page;
let director: Page;
let returnedId = 0;
const watched: string[][] = [];

async function call(page: Page, path: string, data: unknown): Promise<{ id: number; version: number; created?: Array<{ id: number }> }> {
  const response = await page.context().request.post(`${app.server.url}${path}`, { data, headers: { Origin: app.server.url } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  manager = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
  director = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
  watched.push(watchPage(manager), watchPage(director));
  await app.server.signIn(manager, { role: 'manager', displayName: 'مریم احمدی، کارشناس ستاد' });
  await app.server.signIn(director, { role: 'director', unitCode: UNIT, displayName: 'رضا کریمی، مدیرکل کرمان' });
  const session = await (await manager.context().request.get(`${app.server.url}/api/sessions/${SEED_SESSION.slug}`)).json();
  const ids = session.directives.filter((d: { kind: string }) => d.kind !== 'policy').map((d: { id: number }) => d.id).slice(0, 2);
  for (const id of ids) {
    await call(manager, `/api/directives/${id}/publish`, { dueOn: '1399-11-15' });
    await call(manager, `/api/directives/${id}/assignments`, { units: [UNIT] });
  }
  // The first: reported, asked for verification, returned by the manager with a reason.
  const mine = await (await director.context().request.get(`${app.server.url}/api/actions/mine`)).json();
  const first = mine.items.find((a: { directive: { id: number } }) => a.directive.id === ids[0]);
  returnedId = first.id;
  const asked = await call(director, `/api/actions/${returnedId}/follow-ups`, { version: first.version, letterNumber: '۴۴/ک', requestVerification: true });
  await call(manager, `/api/actions/${returnedId}/transitions`, { version: asked.version, transition: 'return', reason: REASON });
});

describe('home by role', () => {
  it('shows the director the returned action first, with its reason, on «کارتابل من»', async () => {
    await director.goto(`${app.server.url}/`);
    await director.getByRole('heading', { name: 'کارتابل من', level: 1 }).waitFor();
    // The page heading renders before the desk's lists load: wait for the first of them.
    await director.locator('.desk h2').first().waitFor();
    const headings = await director.locator('.desk h2').allTextContents();
    expect(headings[0]).toBe('برگشت‌خورده به من (۱)');
    const returned = director.locator('.desk-returned .desk-item');
    await expect.poll(() => returned.count()).toBe(1);
    expect(await returned.textContent()).toContain(`دلیل: ${REASON}`);
    // The other action, due in six days, is under «due this week»; the sessions follow below.
    expect(await director.locator('.desk-due .desk-item').count()).toBe(1);
    await director.getByRole('heading', { name: 'نشست‌ها', level: 1 }).waitFor();
    await checkA11y(director);
    await screenshot(director, 'home-01-director-desk-1366');
    await director.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(director)).toBe(0);
    await screenshot(director, 'home-02-director-desk-390');
    await director.setViewportSize({ width: 1366, height: 768 });
  });

  it('lets the director answer it, and the manager who returned it is notified', async () => {
    await director.locator('.desk-returned .desk-item a').first().click();
    await director.waitForURL((url) => url.pathname === `/actions/${returnedId}`);
    await director.getByLabel('شرح کار انجام‌شده').fill('جدول بودجه پیوست شد.');
    await director.getByLabel(/پرونده‌های مستند/).waitFor();
    await director.getByLabel('درخواست تأیید و بستن اقدام').check();
    await director.getByRole('button', { name: 'ثبت گزارش' }).click();
    await expect.poll(() => director.locator('.update-form [role="status"]').textContent()).toContain('برای تأیید به ستاد فرستاده شد');

    await manager.goto(`${app.server.url}/notifications`);
    const item = manager.locator('.notification-item', { hasText: 'کرمان' }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('درخواست تأیید رسید');
    // Above the list, one row per directive and kind.
    const group = manager.locator('.notification-groups .notification-item').first();
    expect(await group.textContent()).toContain('درخواست تأیید رسید: ۱ واحد');
    await checkA11y(manager);
    await screenshot(manager, 'home-03-manager-notified');
  });

  it('gives the manager a home with the queue, and the queue count in the header', async () => {
    await manager.goto(`${app.server.url}/`);
    await manager.getByRole('heading', { name: 'کار امروز', level: 1 }).waitFor();
    await expect.poll(() => manager.locator('#queue-heading').textContent()).toBe('در انتظار تأیید من (۱)');
    expect(await manager.locator('.queue-link').textContent()).toContain('۱');
    await checkA11y(manager);
    await screenshot(manager, 'home-04-manager-home-1366');
    await manager.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(manager)).toBe(0);
    await screenshot(manager, 'home-05-manager-home-390');
    expect(watched.flat()).toEqual([]);
  });
});
