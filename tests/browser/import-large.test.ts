/**
 * The review page of a huge draft renders (red-team finding: a draft with 190,000 repairs came as a
 * 30 MB JSON and its review page never drew). 50,000 lines each carrying an HTML entity make
 * 50,000 entity repairs and 49,999 joined lines in one 250k-character paragraph; the page shows the
 * transcript, the count of every repair and, in Persian, how many are not listed.
 */
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

/** 15 bytes: 50,000 of them fill most of the 1 MB a JSON body may hold. */
const LINE = '&nbsp;باید';

const app = useBrowserApp();

describe('a huge draft’s review page', () => {
  it('shows the transcript and the repairs summarised, on a desktop and a phone', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const created = await page.context().request.post(`${app.server.url}/api/imports`, {
      data: { text: `${LINE}\n`.repeat(50_000), heldOn: '1399-11-01', title: 'درون‌ریزی بسیار بزرگ' },
      headers: { Origin: app.server.url },
      timeout: 80_000,
    });
    expect(created.status()).toBe(201);
    const { slug } = (await created.json()) as { slug: string };

    const open = async () => {
      await page.goto(`${app.server.url}/imports/${slug}`);
      await page.locator('.review-transcript').waitFor({ timeout: 30_000 });
      expect((await page.locator('.review-transcript').textContent())?.length).toBeGreaterThan(200_000);
      // The header counts what the list shows: no suggestion, the candidates apart (it said «۱ رهنمود پیشنهادی»).
      // The unpunctuated run is judged in pieces of at most 2,000 characters: the ten best are candidates.
      const facts = await page.locator('.review-facts').textContent();
      expect(facts).toContain('۰ رهنمود پیشنهادی');
      expect(facts).toContain('۱۰ رهنمود احتمالی');
      const summary = page.locator('.repair-list > summary');
      // 50,000 entities + 49,999 joins, counted in Persian digits.
      expect(await summary.textContent()).toContain('۹۹٬۹۹۹');
      await summary.click();
      expect(await page.locator('.repair-list .repairs-unlisted').textContent()).toContain('۴۹٬۸۰۰ اصلاح دیگر');
      expect(await page.locator('.repair-list').textContent()).toContain('۴۹٬۹۹۹ سطر شکسته');
      // The listed ones are marked in the text, no more.
      expect(await page.locator('.review-transcript .repair-mark').count()).toBeLessThanOrEqual(200);
    };
    // The page top (title, counts, the transcript's start) and the end of the repair list, at each size.
    const shoot = async (width: number) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `import-large-top-${width}`, { fullPage: false });
      await page.locator('.repair-list .repairs-unlisted').scrollIntoViewIfNeeded();
      await screenshot(page, `import-large-repairs-${width}`, { fullPage: false });
      expect(await horizontalOverflow(page)).toBe(0);
    };
    await open();
    await shoot(1366);
    await page.setViewportSize(viewports.phone);
    await open();
    await shoot(390);
    expect(problems).toEqual([]);
  }, 90_000);
});
