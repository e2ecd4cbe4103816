/**
 * Back after several searches (walkthrough report): typing and Enter both replaced the history
 * entry, so Back left the search page instead of returning to the query searched before. A query
 * settled by Enter, or a kind chosen, is now its own entry; typing still adds none per letter.
 * Enter itself did nothing (a form of several fields and no submit button has no implicit
 * submission): the form now has its «جست‌وجو» button. Both tests failed before.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, submitSearch, useBrowserApp, viewports } from './support';

const app = useBrowserApp();

const box = (page: Page) => page.getByRole('searchbox', { name: 'عبارت جست‌وجو' });
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('search history', () => {
  it('returns to each settled query with Back and Forward, the box showing it', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await submitSearch(page, 'بودجه');
    await submitSearch(page, 'املاک مازاد');
    await submitSearch(page, 'واگذاری');

    await page.goBack();
    await expect.poll(() => param(page, 'q')).toBe('املاک مازاد');
    await expect.poll(() => box(page).inputValue()).toBe('املاک مازاد');
    await page.goBack();
    await expect.poll(() => param(page, 'q')).toBe('بودجه');
    await expect.poll(() => box(page).inputValue()).toBe('بودجه');
    await page.goForward();
    await expect.poll(() => param(page, 'q')).toBe('املاک مازاد');
    await expect.poll(() => box(page).inputValue()).toBe('املاک مازاد');
    await screenshot(page, 'search-history-back-1366');
    await page.close();
  }, 60_000);

  it('adds no entry per letter typed, and a kind chosen is undone by Back', async () => {
    const page = await openPage(app.browser, { viewport: viewports.phone });
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await submitSearch(page, 'بودجه');
    // Typed letter by letter, without Enter: one entry for the whole word.
    await box(page).fill('');
    await box(page).focus();
    await page.keyboard.type('واگذاری', { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'واگذاری');
    await page.getByRole('combobox', { name: 'نوع' }).selectOption({ index: 1 });
    await page.waitForURL((url) => url.searchParams.get('kind') !== null);

    await page.goBack();
    await expect.poll(() => [param(page, 'q'), param(page, 'kind')]).toEqual(['واگذاری', null]);
    await page.goBack();
    await expect.poll(() => param(page, 'q')).toBe('بودجه');
    await expect.poll(() => box(page).inputValue()).toBe('بودجه');
    await screenshot(page, 'search-history-back-390');
    await page.close();
  }, 60_000);
});
