/**
 * A manager uploads a circular as it arrives — a PDF printed by Chromium, two pages — on «نشست
 * جدید», watches it being read, sees each paragraph's page and the suggested directive with its
 * Jalali deadline, downloads the original, confirms and publishes. Then a scan: the OCR
 * confidence per line and the doubtful words are shown. Desktop (1366×768) and phone (390×844).
 */
import { describe, expect, it } from 'vitest';
import { DIRECTIVE, HELD_ON, printPdf, rasterise, writeUp, writeUpHtml } from '../support/documents';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const app = useBrowserApp();
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const JALALI_DATE = HELD_ON.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d).replace(/-/g, '/');

describe('importing a document', () => {
  it('uploads a PDF, shows its pages and the suggested directive, confirms and publishes', async () => {
    const pdf = await printPdf(app.browser, writeUpHtml(writeUp({ fillerParagraphs: 14 })), { headerFooter: true });
    const page = await openPage(app.browser, { viewport: LAPTOP });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByRole('heading', { level: 1, name: 'نشست جدید' }).waitFor();
    // The file picker speaks Persian: its button, and the chosen file's name once chosen.
    const picker = page.locator('.import-form .file-picker');
    expect(await picker.getByText('انتخاب پرونده', { exact: true }).count()).toBe(1);
    expect(await picker.textContent()).toContain('پرونده‌ای انتخاب نشده است.');
    await page.getByLabel(/یا پرونده/).setInputFiles({ name: 'بخشنامه-گزارش-عملکرد.pdf', mimeType: 'application/pdf', buffer: pdf });
    expect(await picker.textContent()).toContain('بخشنامه-گزارش-عملکرد.pdf');
    await screenshot(page, 'import-new-file-chosen', { fullPage: false });
    await page.getByLabel('تاریخ نشست (شمسی)').fill(JALALI_DATE);
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    await page.waitForURL('**/imports/import-2021-01-20-*');

    // The source file: its name, pages and a download link that serves the same bytes.
    const source = page.locator('.source-document');
    await source.waitFor();
    expect(await source.textContent()).toContain('بخشنامه-گزارش-عملکرد.pdf');
    expect(await source.textContent()).toContain('۳ صفحه');
    const href = await source.getByRole('link', { name: 'دریافت پرونده' }).getAttribute('href');
    const downloaded = await page.context().request.get(`${app.server.url}${href}`);
    expect(downloaded.status()).toBe(200);
    expect(Buffer.from(await downloaded.body()).equals(pdf)).toBe(true);

    // Each paragraph shows its page, from ص ۱ to ص ۲ (the last paragraph begins on page 2).
    const pages = await page.locator('.review-paragraph .paragraph-page').allTextContents();
    expect(pages.length).toBe(await page.locator('.review-paragraph').count());
    expect(pages[0]).toBe('ص ۱');
    expect(pages).toContain('ص ۲');
    // The running header was taken out of the text and is named for the reviewer.
    expect(await page.locator('.review-transcript').textContent()).not.toContain('معاونت توسعهٔ مدیریت و منابع');

    // The directive is suggested in place with its deadline, 30 Bahman 1399.
    const card = page.locator('.suggestion-card', { hasText: 'موظفند' }).first();
    await card.waitFor();
    expect(await card.locator('.suggestion-quote').textContent()).toBe(DIRECTIVE);
    await expect.poll(() => card.getByLabel('مهلت (شمسی)').inputValue()).toBe('۱۳۹۹/۱۱/۳۰');
    await checkA11y(page);
    await screenshot(page, 'import-pdf-review-1366');
    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'import-pdf-review-390');
    await page.setViewportSize(LAPTOP);

    await card.getByRole('button', { name: /^تأیید/ }).click();
    await expect.poll(async () => (await card.getAttribute('class')) ?? '').toContain('review-confirmed');
    const rejectRest = page.getByLabel(/بررسی‌نشده رد شوند/);
    if ((await rejectRest.count()) > 0) await rejectRest.check();
    await page.getByRole('button', { name: 'انتشار نشست' }).click();
    await page.waitForURL('**/sessions/import-2021-01-20-*');
    const mark = page.locator('mark.directive-mark[id^="d-"]', { hasText: 'موظفند' });
    await expect.poll(() => mark.count()).toBe(1);
    // The published session offers the original file to its readers.
    await page.getByRole('link', { name: 'بخشنامه-گزارش-عملکرد.pdf' }).waitFor();
    await screenshot(page, 'import-pdf-published-1366');
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a scan’s OCR confidence per line and marks the words it doubted', async () => {
    const [scan] = await rasterise(await printPdf(app.browser, writeUpHtml(writeUp())), 150);
    const page = await openPage(app.browser, { viewport: PHONE, isMobile: true });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByLabel(/یا پرونده/).setInputFiles({ name: 'نامه-اسکن.png', mimeType: 'image/png', buffer: scan ?? Buffer.alloc(0) });
    await page.getByLabel('تاریخ نشست (شمسی)').fill(JALALI_DATE);
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    // While it is read, the page says so (the OCR stage is announced).
    await expect.poll(() => page.locator('.import-progress').textContent(), { timeout: 20_000 }).toMatch(/نوبت|نویسه‌خوانی|بازسازی/);
    await page.waitForURL('**/imports/import-2021-01-20-*', { timeout: 90_000 });
    const lines = page.locator('.ocr-lines');
    await lines.waitFor();
    await lines.locator('summary').click();
    const rows = lines.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    expect(await rows.first().textContent()).toMatch(/[۰-۹]+٪/);
    expect(await page.locator('.suggestion-card', { hasText: 'موظفند' }).count()).toBeGreaterThanOrEqual(1);
    const slug = new URL(page.url()).pathname.split('/').pop() ?? '';
    const draft = (await (await page.context().request.get(`${app.server.url}/api/imports/${slug}`)).json()) as { document: { lowConfidence: unknown[] } };
    // Every doubtful word the server found is marked (a word inside a suggestion is marked there too).
    expect(await page.locator('.ocr-doubt').count()).toBeGreaterThanOrEqual(Math.min(1, draft.document.lowConfidence.length));
    expect(await horizontalOverflow(page)).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'import-scan-review-390');
    expect(problems).toEqual([]);
  }, 150_000);
});
