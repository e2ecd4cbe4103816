/**
 * Issue 15, walked through as users do (helper «searchwalk»): what the search page says after a
 * failed request, on a second page of results, and about common words — at 1366×768 and 390×844.
 *
 * Failed before the fixes:
 * - after one search failed (the network dropped), the next query typed still showed that error,
 *   not its own results (the error boundary stayed in its error state);
 * - page 2 of a manager's results showed the heading «رهنمودها (۳ رهنمود)» over nothing, and the
 *   counts' links (#group-sessions, #group-directives) led nowhere on that page;
 * - the common words left out of a longer query were shown as normalised («میتواند»), a spelling
 *   the person did not type («می تواند»);
 * - one short common word alone («از») said «نتیجه‌ای پیدا نشد» and that it was «not used in
 *   ranking», as if the texts did not hold it, when it was not searched at all;
 * - 2,000 characters the box accepts, pasted from a PDF in Arabic presentation forms (three bytes
 *   each), made a URL past the server's header limit: the search answered «نشانی … بیش از اندازه
 *   بلند است» and reloading the page showed a bare JSON error;
 * - a follow-up's directive, quoted under it, was cut at 90 characters inside a word («… با ه…»).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, submitSearch, useBrowserApp, watchPage } from './support';

const app = useBrowserApp();

const SIZES = [
  ['1366', { width: 1366, height: 768 }],
  ['390', { width: 390, height: 844 }],
] as const;

const NOTE = 'برنامه عملیاتی استان با همکاری شهرک صنعتی سهند تدوین شد.';

const text = (page: Page, selector: string) => page.locator(selector).innerText();

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
  // A note on East Azarbaijan's action of the operational-programmes directive (its quote is 200+ characters).
  const programmes = await app.server.database.client.execute(`SELECT id FROM directives WHERE anchor = 'operational-programmes-1400'`);
  const east = await manager.context().request.post(`${app.server.url}/api/directives/${Number(programmes.rows[0]?.id)}/assignments`, {
    data: { units: ['prov-east-azarbaijan'], dueOn: '2021-07-01' },
    headers: { Origin: app.server.url },
  });
  expect(east.status(), await east.text()).toBe(201);
  const actionId: number = (await east.json()).created[0].id;
  const director = await openPage(app.browser);
  await app.server.signIn(director, { role: 'director', unitCode: 'prov-east-azarbaijan', username: 'walk-east' });
  const posted = await director.context().request.post(`${app.server.url}/api/actions/${actionId}/follow-ups`, { data: { note: NOTE }, headers: { Origin: app.server.url } });
  expect(posted.status(), await posted.text()).toBe(201);
  await Promise.all([manager.context().close(), director.context().close()]);
});

describe.each(SIZES)('the search page walked through at %s px', (size, viewport) => {
  const phone = size === '390';

  it("shows the next query's results after a search that failed", async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await submitSearch(page, 'بودجه');
    await page.locator('.search-hit').first().waitFor();

    await page.route('**/api/search?**', (route) => route.abort('connectionrefused'));
    await submitSearch(page, 'مازاد');
    await page.getByRole('alert').filter({ hasText: 'ارتباط با کارساز برقرار نشد' }).waitFor();
    await screenshot(page, `search-walk-offline-${size}`, { fullPage: false });
    await page.unroute('**/api/search?**');

    // The network is back: the next query shows its own results, not the last error.
    await submitSearch(page, 'کارگاه');
    await page.locator('.search-hit').first().waitFor({ timeout: 5_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await text(page, '.search-results')).toContain('کارگاه');

    // And a failure answered with a retry that works.
    let fail = true;
    await page.route('**/api/search?**', (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"کارساز اکنون پاسخ نمی‌دهد."}}' }) : route.continue()));
    await submitSearch(page, 'ماده ۲۷');
    await page.getByRole('alert').filter({ hasText: 'کارساز اکنون پاسخ نمی‌دهد.' }).waitFor();
    fail = false;
    await page.getByRole('button', { name: 'تلاش دوباره' }).click();
    await page.locator('.search-hit').first().waitFor({ timeout: 5_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows on a later page only the groups that have items there, and links the others to their page', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('فروش املاک')}`);
    await page.locator('#group-actions .search-group-item').first().waitFor();
    expect(await page.locator('#group-directives .search-group-item').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'صفحه بعد' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.locator('#group-actions .search-group-item').first().waitFor();
    // No heading over an empty list: the directives all fit on page 1.
    const itemsUnderHeadings = await page.locator('.search-group').evaluateAll((groups) => groups.map((g) => [g.querySelector('h2')?.textContent, g.querySelectorAll('.search-group-item').length]));
    expect(itemsUnderHeadings.length).toBeGreaterThan(0);
    for (const [heading, items] of itemsUnderHeadings) expect(items, String(heading)).toBeGreaterThan(0);
    expect(await page.locator('#group-directives').count()).toBe(0);
    // The counts still say how many there are; those not on this page link to page 1, where they are.
    const nav = page.locator('.search-groups-nav');
    const directives = nav.getByRole('link', { name: /^رهنمودها: [۰-۹]+$/ });
    expect(await directives.getAttribute('href')).toMatch(/^\/search\?q=[^#]+#group-directives$/);
    expect(await directives.getAttribute('href')).not.toContain('page=');
    expect(await nav.getByRole('link', { name: /^اقدام‌ها/ }).getAttribute('href')).toBe('#group-actions');
    expect(await horizontalOverflow(page)).toBe(0);
    await checkA11y(page);
    await screenshot(page, `search-walk-page-2-${size}`);

    await directives.click();
    await page.waitForURL((url) => url.searchParams.get('page') === null && url.hash === '#group-directives');
    await page.locator('#group-directives .search-group-item').first().waitFor();
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);
  });

  it('names the common words it left out as they were typed, and says one common word alone is not searched', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);

    await submitSearch(page, 'می تواند بودجه');
    await page.locator('.search-hit').first().waitFor();
    expect(await text(page, '.search-ignored')).toBe('واژه‌های رایج «می تواند» در رتبه‌بندی به کار نرفتند.');
    await submitSearch(page, 'در مورد می‌تواند بودجه');
    await page.locator('.search-hit').first().waitFor();
    await expect.poll(() => text(page, '.search-ignored')).toBe('واژه‌های رایج «در، مورد، می‌تواند» در رتبه‌بندی به کار نرفتند.');
    await screenshot(page, `search-walk-ignored-${size}`, { fullPage: false });

    await submitSearch(page, 'از');
    const note = page.locator('.search-ignored');
    await expect.poll(() => note.innerText()).toBe('«از» در بیشتر متن‌ها آمده است؛ واژهٔ دیگری کنار آن بنویسید.');
    expect(await page.locator('.state-title').innerText()).toBe('یک واژهٔ رایج به‌تنهایی جست‌وجو نمی‌شود.');
    expect(await page.getByText('نتیجه‌ای پیدا نشد.').count()).toBe(0);
    expect(await page.getByText('در رتبه‌بندی به کار نرفتند').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await checkA11y(page);
    await screenshot(page, `search-walk-one-common-word-${size}`, { fullPage: false });
  });

  it('keeps a long paste in presentation forms within what a URL may carry: searched, and the page reloads', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    // «بودجه‌ها» as a PDF's text layer often gives it: ﺑﻮﺩﺟﻪ‌ﻫﺎ (U+FE91 U+FEEE U+FEA9 U+FE9F U+FEEA, ZWNJ, U+FEEB U+FE8E).
    const pasted = 'ﺑﻮﺩﺟﻪ\u200cﻫﺎ '.repeat(223).slice(0, 2_000);
    await page.getByRole('searchbox', { name: 'عبارت جست‌وجو' }).fill(pasted);
    await page.waitForURL((url) => (url.searchParams.get('q') ?? '').startsWith('ﺑﻮﺩﺟﻪ'));
    await page.locator('.search-hit').first().waitFor();
    expect(await page.getByText('بیش از اندازه بلند').count()).toBe(0);
    expect(encodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '').length).toBeLessThanOrEqual(12_000);
    await page.reload();
    await page.locator('.search-hit').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `search-walk-presentation-forms-${size}`, { fullPage: false });
  });

  it("quotes a follow-up's directive cut at a word, not inside one", async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('سهند')}`);
    const context = page.locator('#group-followups .search-group-context');
    await context.waitFor();
    const quoted = await context.innerText();
    expect(quoted).toMatch(/^«یکی از اقدامات مهم مشترک .+…»$/);
    // What stands before «…» is a whole word of the directive.
    const shown = quoted.slice(1, -2);
    const words = shown.split(' ');
    const source = 'یکی از اقدامات مهم مشترک سازمان با مدیران کل استان های تابعه، تهیه برنامه های عملیاتی با هدف و بودجه های مشخص';
    expect(source.split(' ')).toContain(words[words.length - 1]);
    await screenshot(page, `search-walk-follow-up-quote-${size}`, { fullPage: false });
  });
});
