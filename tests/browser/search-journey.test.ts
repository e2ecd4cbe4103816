/**
 * Issue 15, red team: the search page used as a Persian user uses it, at 1366 and 390 px — every
 * spelling typed on the keyboard and submitted with Enter, the notes that say what the search did,
 * hostile text in the box, the Jalali date fields typed in Persian digits, the speaker filter with a
 * misspelt name — with nothing overflowing sideways and no script error.
 *
 * Failed before the fixes:
 * - a query of common words only said «میتواند» (as normalised) instead of what was typed, «می تواند»;
 * - a link to a page past the results (page=2 of one page) showed «۸ نتیجه پیدا شد» over empty lists,
 *   and page=99999 «درخواست نامعتبر است»;
 * - ۹۹۹۹/۰۱/۰۱ typed in a date field threw an uncaught RangeError (no message, nothing changed), and a
 *   link with ?to=9999-12-31 threw while rendering the field; the server answered that link 500.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, submitSearch, useBrowserApp, watchDialogs, watchPage } from './support';

const app = useBrowserApp();

const SIZES = [
  ['1366', { width: 1366, height: 768 }],
  ['390', { width: 390, height: 844 }],
] as const;

/** What people type for the same thing, each expected to find at least one session. */
const SPELLINGS: Array<[string, string]> = [
  ['zwnj', 'برنامه‌ریزی'],
  ['spaced', 'برنامه ریزی'],
  ['joined', 'برنامهریزی'],
  ['glued-persian-digits', 'ماده۲۷'],
  ['glued-ascii-digits', 'ماده27'],
  ['superlative-spaced', 'مهم ترین'],
  ['superlative-joined', 'مهمترین'],
  ['arabic-letters', 'فيروزي كارگاه'],
  ['persian-digits', 'بودجه ۱۴۰۰'],
];

const pageErrors = (problems: string[]) => problems.filter((p) => p.startsWith('page error'));

describe.each(SIZES)('the search journey at %s px', (size, viewport) => {
  const phone = size === '390';

  it('finds every spelling typed with Enter, says what it did with common words and typos, and escapes what it echoes', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    const problems = watchPage(page);
    const dialogs = watchDialogs(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search`);
    await page.getByText('چه چیزی را می‌جویید؟').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    // Arriving means wanting to type: the box has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');

    for (const [name, text] of SPELLINGS) {
      await submitSearch(page, text);
      await page.locator('.search-hit').first().waitFor();
      expect(await horizontalOverflow(page), name).toBe(0);
      if (name === 'joined' || name === 'glued-persian-digits') await screenshot(page, `search-journey-${name}-${size}`, { fullPage: false });
    }
    // Counts in Persian digits.
    expect(await page.locator('.list-summary').textContent()).toMatch(/^[۰-۹]+ /);

    // Common words only: found as a phrase, and said with the words as typed.
    await submitSearch(page, 'می تواند');
    await page.locator('.search-hit').first().waitFor();
    expect(await page.locator('.search-ignored').textContent()).toContain('«می تواند» فقط از واژه‌های رایج است');
    await checkA11y(page);
    await screenshot(page, `search-journey-common-words-${size}`);

    // A typo: the respelling is offered, and following it finds the sessions.
    await submitSearch(page, 'املاک مازات');
    const suggestion = page.locator('.search-suggestion').getByRole('link', { name: 'املاک مازاد' });
    await suggestion.waitFor();
    await screenshot(page, `search-journey-typo-${size}`, { fullPage: false });
    await suggestion.click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'املاک مازاد');
    await page.locator('.search-hit').first().waitFor();

    // Markup typed in the box is text: nothing runs, nothing is added to the page, the words still search.
    await submitSearch(page, '<img src=x onerror=alert(1)> "><svg onload=alert(2)> بودجه');
    await page.locator('.search-hit').first().waitFor();
    expect(await page.locator('main img, main svg[onload]').count()).toBe(0);
    await submitSearch(page, '<script>window.zarafe = 1</script> زرافه');
    await page.getByText('نتیجه‌ای پیدا نشد.').waitFor();
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => 'zarafe' in window)).toBe(false);
    await screenshot(page, `search-journey-markup-${size}`, { fullPage: false });

    // Keyboard: the focus moves to the filters and is visible.
    await page.getByRole('searchbox', { name: 'عبارت جست‌وجو' }).focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement ?? document.body);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);

    expect(dialogs).toEqual([]);
    expect(pageErrors(problems)).toEqual([]);
  });

  it('filters by Jalali dates typed in Persian digits and by a misspelt speaker; refuses a year past the calendar in Persian', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('بودجه')}`);
    await page.locator('.search-hit').first().waitFor();
    const allSessions = await page.locator('.search-hit').count();

    const from = page.locator('input[name="from"]');
    await from.click();
    await page.keyboard.type('۱۴۰۰/۰۱/۰۱');
    await page.keyboard.press('Tab');
    await page.waitForURL((url) => url.searchParams.get('from') === '2021-03-21');
    await expect.poll(() => page.locator('.search-hit').count()).toBeLessThan(allSessions);
    // Shown back in Jalali with Persian digits; the session dates too.
    expect(await from.inputValue()).toBe('۱۴۰۰/۰۱/۰۱');
    expect(await page.locator('.search-hit time').first().textContent()).toMatch(/[۰-۹]+ [آ-ی]+ [۰-۹]{4}/);

    // A name as misspelt in the source (فیروری) filters to its speaker.
    await page.locator('input[name="speaker"]').fill('فیروری');
    await page.waitForURL((url) => url.searchParams.get('speaker') === 'فیروری');
    await page.locator('.search-hit').first().waitFor();
    for (const line of await page.locator('.search-hit .fact-line').allTextContents()) expect(line).toContain('حسین فیروزی');
    await screenshot(page, `search-journey-filters-${size}`, { fullPage: false });

    // ۹۹۹۹: a slip of the keyboard, refused in Persian by the field itself.
    const heights = () => page.locator('.search-filters input, .search-filters select').evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().height)));
    const before = await heights();
    const to = page.locator('input[name="to"]');
    await to.click();
    await page.keyboard.type('۹۹۹۹/۰۱/۰۱');
    await page.keyboard.press('Tab');
    await page.getByRole('alert').filter({ hasText: 'تاریخ خوانده نشد' }).waitFor();
    expect(new URL(page.url()).searchParams.get('to')).toBeNull();
    // The message takes room below its field; the other fields keep their height (they stretched to the row's).
    expect(await heights()).toEqual(before);
    await checkA11y(page);
    await screenshot(page, `search-journey-date-refused-${size}`, { fullPage: false });

    // The same year in a shared link: the page stands and shows the server's Persian reason.
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('بودجه')}&to=9999-12-31`);
    await page.getByText(/۹۹۹۹\/۱۲\/۳۱.*باید میان سال‌های ۱۳۰۰ و ۱۴۹۹/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await checkA11y(page);
    await screenshot(page, `search-journey-date-link-${size}`, { fullPage: false });

    expect(pageErrors(problems)).toEqual([]);
  });

  it('says a page past the results has none, with a way back, for a link to page 2 or 99999', async () => {
    const page = await openPage(app.browser, { viewport, isMobile: phone, hasTouch: phone });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    for (const deep of ['2', '99999']) {
      await page.goto(`${app.server.url}/search?q=${encodeURIComponent('بودجه')}&page=${deep}`);
      await page.getByText('این صفحه نتیجه‌ای ندارد.').waitFor();
      // Not «درخواست نامعتبر است» (the API refuses an offset past 10,000), nor a count over empty lists.
      expect(await page.getByText('درخواست نامعتبر است').count()).toBe(0);
      expect(await page.locator('.list-summary').count()).toBe(0);
    }
    await checkA11y(page);
    await screenshot(page, `search-journey-past-the-end-${size}`, { fullPage: false });
    await page.getByRole('link', { name: 'صفحه نخست نتیجه‌ها' }).click();
    await page.locator('.search-hit').first().waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(pageErrors(problems)).toEqual([]);
  });
});
