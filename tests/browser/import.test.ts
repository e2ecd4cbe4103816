/**
 * The import page in a real browser, on the seed article: paste it, see the reversed line
 * repaired and marked, the suggested directives highlighted with their cues, edit a deadline
 * in Jalali, add a missed directive by selecting text, confirm and reject, publish, and land
 * on the published session with the directives highlighted. Then a transcript with a media
 * link: the session page's ▶ seeks the recording to the paragraph's time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEBINAR_VTT } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
const REPAIRED = 'با اشاره به اینکه شورای عالی مهارت می تواند نقش سیاستگذار را ایفا کند';

const app = useBrowserApp();

describe('import page', () => {
  it('imports the seed article, reviews its suggestions and publishes it', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByRole('heading', { level: 1, name: 'نشست جدید' }).waitFor();
    await checkA11y(page);

    await page.getByLabel('متن نشست').fill(SEED);
    await page.getByLabel('عنوان (اختیاری)').fill('نخستین وبینار واگذاری امور (درون‌ریزی)');
    await page.getByLabel('تاریخ نشست (شمسی)').fill('۱۳۹۹/۱۱/۰۱');
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    await page.waitForURL('**/imports/import-2021-01-20-*');

    // The repaired text: the reversed line reads right and is marked as repaired.
    const transcript = page.locator('.review-transcript');
    await transcript.waitFor();
    expect(await transcript.textContent()).toContain(REPAIRED);
    expect(await transcript.textContent()).not.toContain('&shy;');
    const reversedMark = page.locator('.repair-mark[title*="وارونه"]');
    expect(await reversedMark.count()).toBeGreaterThanOrEqual(1);

    // Suggestions highlighted in place, each card with its reasons; then the ranked candidates,
    // collapsed, so the directives under the threshold are one click away.
    const main = page.locator('.review-suggestions > .suggestion-list > .suggestion-card');
    const candidates = page.locator('.candidate-list .suggestion-card');
    const cards = page.locator('.suggestion-card');
    expect(await main.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('mark.suggestion-mark').count()).toBeGreaterThanOrEqual(await main.count());
    expect(await main.first().locator('.suggestion-cues .chip').count()).toBeGreaterThan(0);
    const more = page.locator('.candidate-list > summary');
    expect(await more.textContent()).toMatch(/رهنمود احتمالی دیگر/);
    expect(await candidates.first().isVisible()).toBe(false);
    await more.click();
    expect(await candidates.first().isVisible()).toBe(true);
    const candidateCount = await candidates.count();
    expect(candidateCount).toBeGreaterThan(0);
    expect(candidateCount).toBeLessThanOrEqual(10);
    await checkA11y(page);
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-candidates-desktop', { fullPage: false });
    await page.setViewportSize(viewports.phone);
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-candidates-phone', { fullPage: false });
    await page.setViewportSize(viewports.desktop);
    const FOUR = ['بر اساس ماده 27 اقدام کنند', 'بخش خصوصی را فعال کنیم', 'تهیه برنامه های عملیاتی', 'حداقل طی 3 ماه آینده'];
    for (const words of FOUR) expect(await cards.filter({ hasText: words }).count(), words).toBe(1);
    // The two-week deadline, resolved against 1 Bahman 1399, shown in Jalali.
    const twoWeeks = page.locator('.suggestion-card', { hasText: 'دو هفته' });
    await expect.poll(() => twoWeeks.getByLabel('مهلت (شمسی)').inputValue()).toBe('۱۳۹۹/۱۱/۱۵');
    expect(await twoWeeks.getByLabel('گیرنده').inputValue()).toBe('pbo');

    // Edit its deadline in Jalali; the server answers with the new date.
    const due = twoWeeks.getByLabel('مهلت (شمسی)');
    await due.fill('۱۳۹۹/۱۱/۲۰');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/imports/'));
    await due.press('Tab');
    expect((await saved).status()).toBe(200);

    // Add a directive the extractor missed by selecting a sentence.
    const missed = 'فیروزی از تلاش و همت مدیران استان ها و همکاران در سطح کشور قدردانی کرد';
    // Selected again at each try: the transcript may render anew (the draft refreshed) and drop a selection.
    const selectMissed = () => page.evaluate((needle) => {
      const root = document.querySelector('.review-transcript');
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(needle);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return true;
        }
      }
      return false;
    }, missed);
    expect(await selectMissed()).toBe(true);
    await expect
      .poll(async () => {
        await selectMissed();
        return page.locator('.add-missed').textContent();
      }, { timeout: 10_000 })
      .toContain('انتخاب:');
    await page.getByRole('button', { name: 'افزودن رهنمود از متن انتخاب‌شده' }).click();
    const addedCard = page.locator('.suggestion-card', { hasText: 'افزوده‌ی بازبین' });
    await addedCard.waitFor();
    expect(await addedCard.locator('.suggestion-quote').textContent()).toBe(missed);

    // Confirm the four with one click each (a confirmed candidate joins the suggestions), reject the
    // other suggestions; candidates left alone never hold up publishing.
    for (const words of FOUR) {
      const card = cards.filter({ hasText: words });
      if (((await card.getAttribute('class')) ?? '').includes('review-confirmed')) continue;
      await card.getByRole('button', { name: /^تأیید/ }).click();
      await expect.poll(async () => (await cards.filter({ hasText: words }).getAttribute('class')) ?? '').toContain('review-confirmed');
    }
    for (const words of FOUR) expect(await main.filter({ hasText: words }).count(), words).toBe(1);
    const total = await main.count();
    for (let i = 0; i < total; i++) {
      const card = main.nth(i);
      if (!((await card.getAttribute('class')) ?? '').includes('review-pending')) continue;
      await card.getByRole('button', { name: /^رد/ }).click();
      await expect.poll(async () => (await card.getAttribute('class')) ?? '').not.toContain('review-pending');
    }
    expect(await page.locator('.suggestion-card.review-confirmed').count()).toBe(5);
    expect(await page.getByLabel(/بررسی‌نشده رد شوند/).count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'import-review-desktop');

    // Phone width: nothing overflows sideways.
    await page.setViewportSize(viewports.phone);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'import-review-phone');
    await page.setViewportSize(viewports.desktop);

    await page.getByRole('button', { name: 'انتشار نشست' }).click();
    await page.waitForURL('**/sessions/import-2021-01-20-*');
    await page.getByRole('heading', { level: 1, name: 'نخستین وبینار واگذاری امور (درون‌ریزی)' }).waitFor();
    const marks = page.locator('mark.directive-mark[id^="d-"]');
    await expect.poll(() => marks.count()).toBe(5);
    expect(await page.locator('.transcript').textContent()).toContain(REPAIRED);
    expect(await page.locator('mark.directive-mark', { hasText: missed }).count()).toBe(1);
    await screenshot(page, 'import-published-session');
    expect(problems).toEqual([]);
  });

  it('plays a transcript session from a paragraph\'s time', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'admin' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByLabel(/یا پرونده/).setInputFiles({ name: '1399-11-01-webinar.vtt', mimeType: 'text/vtt', buffer: Buffer.from(WEBINAR_VTT) });
    // A same-origin link: the test has no network, and the player needs only a position to seek.
    await page.getByLabel(/پیوند فایل صوتی/).fill(`${app.server.url}/recordings/webinar.mp3`);
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    await page.waitForURL('**/imports/import-*');
    await page.locator('.suggestion-card').first().getByRole('button', { name: /^تأیید/ }).click();
    await expect.poll(() => page.locator('.suggestion-card.review-confirmed').count()).toBe(1);
    const rejectRest = page.getByLabel(/بررسی‌نشده رد شوند/);
    if ((await rejectRest.count()) > 0) await rejectRest.check();
    await page.getByRole('button', { name: 'انتشار نشست' }).click();
    await page.waitForURL('**/sessions/import-*');

    const play = page.getByRole('button', { name: 'پخش از ۰:۱۲' });
    await play.waitFor();
    await play.click();
    await expect.poll(() => page.evaluate('document.querySelector(".session-media audio")?.currentTime')).toBe(12.5);
    await checkA11y(page);
    expect(problems.filter((p) => !p.includes('webinar.mp3'))).toEqual([]);
  });
});
