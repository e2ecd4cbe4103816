/**
 * Search in a real browser: typing shows highlighted Persian results as you type, the query
 * and filters live in the URL, a snippet links to its paragraph, clear empty states.
 */
import { describe, expect, it } from 'vitest';
import { SEED_SESSION } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

const app = useBrowserApp();

describe('search in the browser', () => {
  it('shows highlighted results while typing, keeps the query in the URL and links to the paragraph', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await page.getByText('چه چیزی را می‌جویید؟').waitFor();

    // Typed with Arabic yeh and without finishing the last word: spelling and prefix both match.
    await page.getByRole('searchbox', { name: 'عبارت جست‌وجو' }).pressSequentially('اموال مازاد واگذا', { delay: 30 });
    const hit = page.locator('.search-hit', { has: page.getByRole('link', { name: SEED_SESSION.title }) });
    await page.waitForURL((url) => url.searchParams.get('q') === 'اموال مازاد واگذا');
    await hit.waitFor();
    // Polled: on a busy machine a pause in typing searches a shorter query first («اموال ما»), whose hit shows until the last one's.
    await expect.poll(async () => (await hit.locator('mark').allTextContents()).some((m) => m.includes('مازاد'))).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'search-desktop');

    const snippet = hit.locator('a.search-snippet').first();
    const href = (await snippet.getAttribute('href')) ?? '';
    // The link carries the words the server marked (?hl=), for the session page to mark them too.
    expect(href).toMatch(new RegExp(`^/sessions/${SEED_SESSION.slug}\\?hl=[^#]+#p-\\d+$`));
    await snippet.click();
    await page.waitForURL(`**/sessions/${SEED_SESSION.slug}?hl=*#p-*`);
    expect(problems).toEqual([]);
  });

  it('keeps a pasted megabyte-long word to the search limit instead of failing the request', async () => {
    const page = await openPage(app.browser);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    const box = page.getByRole('searchbox', { name: 'عبارت جست‌وجو' });
    await box.fill('ب'.repeat(12_000));
    expect((await box.inputValue()).length).toBe(2_000);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')?.length ?? 0).toBe(2_000);
    // Answered like any other query (here: nothing found), not refused.
    await page.getByText(/نتیجه‌ای پیدا نشد|پذیرفته نشد/).first().waitFor();
    expect(await page.getByText('پذیرفته نشد').count()).toBe(0);
  });

  it('reloads a shared URL with its filters and says clearly when nothing matches', async () => {
    const page = await openPage(app.browser, { viewport: viewports.phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('واگذاری')}&from=${encodeURIComponent('1399-11-01')}`);
    await page.locator('.search-hit').first().waitFor();
    expect(await page.locator('input[name="from"]').inputValue()).toBe('1399-11-01');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'search-phone');

    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('واگذاری')}&from=${encodeURIComponent('1400-06-01')}`);
    await page.getByText('نتیجه‌ای پیدا نشد.').waitFor();
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('از این به')}%20`);
    await page.getByText(/فقط از واژه‌های رایج است/).waitFor();
  });

  it('offers «منظورتان … بود؟» for a typo and finds a phrase of common words, saying so', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('املاک مازات')}`);
    const suggestion = page.locator('.search-suggestion').getByRole('link', { name: 'املاک مازاد' });
    await suggestion.waitFor();
    expect(await page.locator('.search-suggestion').textContent()).toContain('منظورتان');
    await suggestion.click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'املاک مازاد');
    await page.locator('.search-hit').first().waitFor();

    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('می تواند')}`);
    await page.locator('.search-hit').first().waitFor();
    await page.getByText(/فقط از واژه‌های رایج است/).waitFor();
    expect(await page.locator('.search-hit mark').first().textContent()).toMatch(/می.?تواند/);

    // The speaker field offers the known speakers; a misspelt name still filters to them.
    await page.locator('#known-speakers option[value="حسین فیروزی"]').waitFor({ state: 'attached' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('واگذاری')}&speaker=${encodeURIComponent('فیروری')}`);
    await page.locator('.search-hit').first().waitFor();
    expect(problems).toEqual([]);
  });
});
