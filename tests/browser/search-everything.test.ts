/**
 * Searching everything a user may see, in Chromium against the real server (issue 15 item 4): a
 * director finds their own unit's notes and letters and never another province's; a manager finds
 * every unit's, grouped by kind with counts, and narrows them with the Jalali date picker, typing
 * Persian digits and picking a day. Screenshots at 1366×768 and 390×844.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const NOW = new Date('2021-04-12T08:00:00Z');
const EAST_NOTE = 'برنامه‌ریزی بازدید از انبار تبریز انجام شد.';
const TEHRAN_NOTE = 'صورت‌جلسه مزایده انبار شمیران به دفتر حقوقی رفت.';
const EAST_LETTER = '۱۲۳/۴۵/د';

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

/** Type into the search box as a person does, and wait for the groups to answer. */
async function searchFor(page: Page, q: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'عبارت جست‌وجو' });
  await box.fill(q);
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  await page.locator('.search-groups-nav').waitFor();
}

beforeAll(async () => {
  const [manager, east, tehran] = await Promise.all([openPage(app.browser), openPage(app.browser), openPage(app.browser)]);
  await app.server.signIn(manager, { role: 'manager', username: 'setup-manager' });
  await app.server.signIn(east, { role: 'director', unitCode: 'prov-east-azarbaijan', username: 'setup-east' });
  await app.server.signIn(tehran, { role: 'director', unitCode: 'prov-tehran', username: 'setup-tehran' });
  const headers = { Origin: app.server.url };
  const row = await app.server.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
  const assigned = await manager.context().request.post(`${app.server.url}/api/directives/${Number(row.rows[0]?.id)}/assignments`, {
    data: { units: ['prov-tehran', 'prov-east-azarbaijan'], dueOn: '2021-07-01' },
    headers,
  });
  expect(assigned.status()).toBe(201);
  const created: Array<{ id: number; unit: { code: string } }> = (await assigned.json()).created;
  const idOf = (unit: string) => created.find((a) => a.unit.code === unit)?.id ?? 0;
  const post = async (page: Page, unit: string, data: Record<string, string>) =>
    expect((await page.context().request.post(`${app.server.url}/api/actions/${idOf(unit)}/follow-ups`, { data, headers })).status()).toBe(201);
  await post(east, 'prov-east-azarbaijan', { note: EAST_NOTE, letterNumber: EAST_LETTER, letterDate: '2021-04-11' });
  await post(tehran, 'prov-tehran', { note: TEHRAN_NOTE, letterNumber: '۷۷۱/۲۳/ت', letterDate: '2021-04-10' });
  await Promise.all([manager, east, tehran].map((page) => page.context().close()));
});

describe('search of everything', () => {
  it("shows a director their own unit's notes and letters, never another province's", async () => {
    const page = await openPage(app.browser, { viewport: desktop });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'director', unitCode: 'prov-east-azarbaijan' });
    await page.goto(`${app.server.url}/search`);
    await searchFor(page, 'انبار');
    const followups = page.locator('#group-followups');
    await followups.waitFor();
    expect(await followups.locator('.search-group-item').count()).toBe(1);
    expect(await followups.textContent()).toContain('تبریز');
    expect(await page.locator('main').textContent()).not.toContain('شمیران');
    expect(await page.locator('.search-groups-nav').textContent()).toContain('پیگیری‌ها و نامه‌ها: ۱');
    expect(await page.locator('.list-summary').textContent()).toMatch(/^[۰-۹]+ نتیجه پیدا شد$/);

    // The letter number typed with ASCII digits finds the letter written with Persian ones.
    await searchFor(page, '123/45/د');
    const letter = page.locator('#group-followups .letter-match');
    await letter.waitFor();
    expect(await letter.textContent()).toBe(EAST_LETTER);
    await screenshot(page, 'search-everything-director-1366');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows a manager every unit's, and narrows them with the Jalali date picker", async () => {
    const page = await openPage(app.browser, { viewport: phone });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/search`);
    await searchFor(page, 'انبار');
    await page.locator('#group-followups').waitFor();
    expect(await page.locator('#group-followups .search-group-item').count()).toBe(2);
    await searchFor(page, 'فروش املاک');
    const actions = page.locator('#group-actions');
    await actions.waitFor();
    const actionText = await actions.textContent();
    expect(actionText).toContain('تهران');
    expect(actionText).toContain('آذربایجان شرقی');
    const directivesBefore = await page.locator('#group-directives .search-group-item').count();
    expect(directivesBefore).toBeGreaterThan(0);

    // «از تاریخ» typed in Persian digits: the URL (and the API) get the ISO date.
    const from = page.getByRole('textbox', { name: 'از تاریخ' });
    await from.fill('۱۴۰۰/۰۱/۱۲');
    await from.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === '2021-04-01');
    expect(await from.inputValue()).toBe('۱۴۰۰/۰۱/۱۲');
    // The 1399 webinar's directive on selling property is now left out; later ones stay.
    await expect.poll(() => page.locator('#group-directives .search-group-item').count()).toBeLessThan(directivesBefore);
    expect(await page.locator('#group-directives').textContent()).not.toContain('حداقل طی 3 ماه آینده');

    // «تا تاریخ» picked from the calendar: 25 Farvardin 1400 is 14 April 2021.
    await page.getByRole('button', { name: 'تقویم تا تاریخ' }).click();
    const calendar = page.getByRole('dialog', { name: 'برگزیدن تا تاریخ' });
    await calendar.waitFor();
    expect(await calendar.locator('strong').textContent()).toBe('فروردین ۱۴۰۰');
    await screenshot(page, 'search-everything-calendar-390', { fullPage: false });
    await calendar.getByRole('button', { name: '۲۵ فروردین ۱۴۰۰' }).click();
    await page.waitForURL((url) => url.searchParams.get('to') === '2021-04-14');
    expect(await page.getByRole('textbox', { name: 'تا تاریخ' }).inputValue()).toBe('۱۴۰۰/۰۱/۲۵');

    // A date that is no date gets a Persian message and changes nothing.
    await from.fill('۱۴۰۰/۱۳/۰۱');
    await from.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'تاریخ خوانده نشد' }).waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2021-04-01');
    await from.fill('1400/01/12');
    await from.press('Enter');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    await searchFor(page, 'انبار');
    await page.locator('#group-followups').waitFor();
    await screenshot(page, 'search-everything-manager-390');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
