/**
 * Issue 13, the pages that misled: a chunk that fails to load (6), errors that offer a
 * useless retry and pages a role may not use (7), counts of one page only (8), the header
 * (9), the dashboard's length and chart direction (11), the print report's order and office
 * header (12), Latin digits (13), search focus and highlighting (14), raw codes, headings
 * and the file picker (15) and the import review (16).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp } from './support';

const NOW = new Date('2021-08-01T06:00:00Z');
const OVERDUE_DIRECTIVES = [4, 5, 6]; // due 1399-11-15, 1400-02-01, 1400-01-31: all past on 1400-05-10
const EAST_AZARBAIJAN = 'prov-east-azarbaijan';
const LATIN_DIGIT = /[0-9]/;
const desktop = { viewport: { width: 1366, height: 768 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true };

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
let manager: Page;

async function post(page: Page, path: string, data: unknown): Promise<unknown> {
  const response = await page.context().request.post(`${app.server.url}${path}`, { data, headers: { Origin: app.server.url } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  manager = await openPage(app.browser, desktop);
  await app.server.signIn(manager, { role: 'manager' });
  for (const id of OVERDUE_DIRECTIVES) await post(manager, `/api/directives/${id}/assignments`, { units: ['all-provinces'] });
  // A few provinces finished their work, so the chart has bars.
  await app.server.database.client.execute(
    "UPDATE action_items SET status = 'done', progress = 100, closed_at = '2021-01-30T08:00:00.000Z' WHERE directive_id = 4 AND unit_code IN ('prov-ardabil', 'prov-tehran', 'prov-alborz')",
  );
});

describe('6. a page whose code cannot load', () => {
  it('says so in Persian with a reload button instead of staying blank', async () => {
    const page = await openPage(app.browser, desktop);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/`);
    await page.locator('main h1').waitFor();
    // A new deploy: the old chunk names are gone from the server.
    await page.route('**/assets/account-page*.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.getByRole('link', { name: 'حساب من' }).click();
    const alert = page.locator('main [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('بارگذاری');
    await expect.poll(() => alert.getByRole('button', { name: 'بارگذاری دوباره' }).count()).toBe(1);
    await checkA11y(page);
    await screenshot(page, 'pages-06-chunk-error-desktop');
    await page.unroute('**/assets/account-page*.js');
    await page.getByRole('button', { name: 'بارگذاری دوباره' }).click();
    await page.getByRole('heading', { level: 1, name: 'حساب من' }).waitFor();
    await page.context().close();
  });
});

describe('7. errors that a retry cannot help, and pages a role may not use', () => {
  it('shows the 404 page for /directives/abc and no retry button for refused requests', async () => {
    await manager.goto(`${app.server.url}/directives/abc`);
    await manager.getByRole('heading', { level: 1, name: 'صفحه پیدا نشد' }).waitFor();
    expect(await manager.getByRole('button', { name: 'تلاش دوباره' }).count()).toBe(0);
    await manager.goto(`${app.server.url}/directives/99999`);
    await manager.getByRole('heading', { level: 1 }).filter({ hasText: 'پیدا نشد' }).waitFor();
    expect(await manager.getByRole('button', { name: 'تلاش دوباره' }).count()).toBe(0);
  });

  it('shows a director the refusal, not the dashboard filters or the import form', async () => {
    const director = await openPage(app.browser, desktop);
    await app.server.signIn(director, { role: 'director', unitCode: EAST_AZARBAIJAN });
    for (const path of ['/dashboard', '/imports/new']) {
      await director.goto(`${app.server.url}${path}`);
      await expect.poll(() => director.locator('main').textContent(), { message: path }).toContain('اجازه');
      expect(await director.locator('main form').count(), path).toBe(0);
      expect(await director.getByRole('button', { name: 'تلاش دوباره' }).count(), path).toBe(0);
    }
    await checkA11y(director);
    await screenshot(director, 'pages-07-director-dashboard-desktop');
    await director.context().close();
  });
});

describe('8. the actions list counts every page', () => {
  it('says ۹۰ overdue (all of them), not the 50 of page 1', async () => {
    await manager.goto(`${app.server.url}/actions`);
    const summary = manager.locator('.list-summary');
    await expect.poll(() => summary.textContent()).toContain('۹۳ اقدام');
    await expect.poll(() => summary.textContent()).toContain('۹۰ گذشته از مهلت');
    expect(await manager.locator('.action-card').count()).toBe(50);
  });
});

describe('9. the header', () => {
  it('styles the unread count, lists «کاربران» once, fits one row at 1366 px', async () => {
    const director = await openPage(app.browser, desktop);
    await app.server.signIn(director, { role: 'director', unitCode: EAST_AZARBAIJAN });
    await app.server.database.client.execute({
      sql: "INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at) SELECT id, unit_code, 'overdue', '2021-02-03', '2021-08-01T06:00:00.000Z' FROM action_items WHERE unit_code = ?",
      args: [EAST_AZARBAIJAN],
    });
    await director.goto(`${app.server.url}/account`);
    const count = director.locator('.site-header .unread-count');
    await count.waitFor();
    const style = await count.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, margin: parseFloat(s.marginInlineStart) + parseFloat(s.paddingInlineStart) };
    });
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.margin).toBeGreaterThan(0);
    await screenshot(director, 'pages-09-header-director-desktop', { fullPage: false });
    await director.context().close();

    const admin = await openPage(app.browser, desktop);
    await app.server.signIn(admin, { role: 'admin' });
    await admin.goto(`${app.server.url}/account`);
    await admin.locator('.site-header .user-menu').waitFor();
    expect(await admin.locator('.site-header').getByRole('link', { name: 'کاربران' }).count()).toBe(1);
    expect(await admin.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(90);
    await screenshot(admin, 'pages-09-header-desktop', { fullPage: false });

    await admin.setViewportSize(phone.viewport);
    await admin.reload();
    await admin.locator('.site-header .user-menu').waitFor({ state: 'attached' });
    expect(await admin.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(90);
    const menu = admin.getByRole('button', { name: 'فهرست' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await admin.getByRole('navigation', { name: 'پیمایش اصلی' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await checkA11y(admin);
    await screenshot(admin, 'pages-09-header-phone-open', { fullPage: false });
    await admin.getByRole('navigation', { name: 'پیمایش اصلی' }).getByRole('link', { name: 'اقدام‌ها' }).click();
    await admin.waitForURL('**/actions');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await horizontalOverflow(admin)).toBe(0);
    await checkA11y(admin);
    await screenshot(admin, 'pages-09-header-phone', { fullPage: false });
    await admin.context().close();
  });

  it('shows anonymous visitors on /login no app navigation', async () => {
    const page = await openPage(app.browser, desktop);
    await page.goto(`${app.server.url}/login`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    expect(await page.getByRole('navigation', { name: 'پیمایش اصلی' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('11. the dashboard', () => {
  it('stays short at both sizes, pages its overdue table, and lays the chart out right to left', async () => {
    await manager.setViewportSize(desktop.viewport);
    await manager.goto(`${app.server.url}/dashboard`);
    const chart = manager.locator('.chart-box canvas');
    await chart.waitFor();
    await manager.locator('.overdue-table').waitFor();
    expect(await manager.locator('.overdue-table tbody tr').count()).toBeLessThanOrEqual(20);
    expect(await manager.getByRole('navigation', { name: /صفحه‌های گذشته از مهلت/ }).count()).toBe(1);
    expect(await manager.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
    // Completion bars (#0f4c5c) start at the right edge of the plot, beside their labels.
    const bars = await chart.evaluate((el) => {
      if (!(el instanceof HTMLCanvasElement)) return null;
      const ctx = el.getContext('2d');
      if (!ctx) return null;
      const { width, height } = el;
      const data = ctx.getImageData(0, 0, width, height).data;
      let minX = width;
      let maxX = 0;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (Math.abs((data[i] ?? 0) - 0x0f) < 8 && Math.abs((data[i + 1] ?? 0) - 0x4c) < 8 && Math.abs((data[i + 2] ?? 0) - 0x5c) < 8) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      return { minX, maxX, width };
    });
    expect(bars).not.toBeNull();
    // 100% bars fill the plot; their right end is near the labels on the right, their left end well inside.
    expect((bars?.maxX ?? 0) / (bars?.width ?? 1)).toBeGreaterThan(0.6);
    await checkA11y(manager);
    await screenshot(manager, 'pages-11-dashboard-desktop');
    await manager.setViewportSize(phone.viewport);
    await manager.reload();
    await manager.locator('.overdue-table').waitFor();
    expect(await manager.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9000);
    expect(await horizontalOverflow(manager)).toBe(0);
    await screenshot(manager, 'pages-11-dashboard-phone');
    await manager.setViewportSize(desktop.viewport);
  });
});

describe('12. the print report', () => {
  it('lists units in Persian alphabetical order under an office header, with a signature block', async () => {
    await manager.goto(`${app.server.url}/reports/print?directive=4`);
    const rows = manager.locator('.report-table tbody tr');
    await expect.poll(() => rows.count()).toBe(31);
    const names = await manager.locator('.report-table tbody tr td:first-child').evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ''));
    expect(names).toEqual([...names].sort(new Intl.Collator('fa').compare));
    const header = manager.locator('.letter-head');
    for (const word of ['شماره', 'تاریخ', 'پیوست']) expect(await header.textContent()).toContain(word);
    expect(await manager.locator('.signature-block').count()).toBe(1);
    await screenshot(manager, 'pages-12-print-desktop');
  });
});

describe('13. digits shown to people are Persian', () => {
  it('in the login lock-out message', async () => {
    const page = await openPage(app.browser, desktop);
    const user = await app.server.createUser({ role: 'staff' });
    await page.goto(`${app.server.url}/login`);
    for (let i = 0; i < 7; i++) {
      await page.getByLabel('نام کاربری').fill(user.username);
      await page.getByLabel('گذرواژه').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'ورود' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'ورود' }).isEnabled()).toBe(true);
    }
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('ثانیه');
    expect(await alert.textContent()).not.toMatch(LATIN_DIGIT);
    await page.context().close();
  });

  it('in the repair list of an import and in the calendar feed', async () => {
    // The seed article has a line with its words reversed; its repair note carries two scores.
    const seed = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
    const draft = (await post(manager, '/api/imports', { text: seed, heldOn: '1399-11-01' })) as { slug: string };
    await manager.goto(`${app.server.url}/imports/${draft.slug}`);
    const list = manager.locator('details.repair-list');
    await list.locator('summary').click();
    const reversedNote = list.locator('li', { hasText: 'امتیاز وارونه' });
    expect(await reversedNote.count()).toBeGreaterThan(0);
    for (const text of await reversedNote.allTextContents()) expect(text.replace(/«[^»]*»/g, '')).not.toMatch(LATIN_DIGIT);
    expect(await manager.locator('.review-transcript .repair-mark[title*="وارونه"]').count()).toBeGreaterThan(0);
    const director = await openPage(app.browser, desktop);
    await app.server.signIn(director, { role: 'director', unitCode: EAST_AZARBAIJAN });
    const token = (await post(director, '/api/calendar/token', {})) as { url: string };
    const ics = await (await director.context().request.get(new URL(token.url, app.server.url).toString())).text();
    const descriptions = ics.split(/\r?\n(?! )/).filter((line) => line.startsWith('DESCRIPTION:'));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const line of descriptions) expect(line.replace(/https?:\/\/\S+/g, '').replace(/\/actions\/\d+/g, '')).not.toMatch(/\(\d+٪\)|مهلت: \d/);
    await director.context().close();
  });
});

describe('14. search', () => {
  it('focuses the box on arrival, and a clicked hit highlights its paragraph and the words', async () => {
    await manager.goto(`${app.server.url}/search`);
    const box = manager.getByRole('searchbox');
    await box.waitFor();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('بودجه');
    const snippet = manager.locator('a.search-snippet').first();
    await snippet.waitFor();
    await snippet.click();
    await manager.waitForURL('**/sessions/**');
    const target = manager.locator('.transcript p.is-target');
    await target.waitFor();
    expect(await target.locator('mark.query-mark').count()).toBeGreaterThan(0);
    expect(await target.locator('mark.query-mark').first().textContent()).toContain('بودجه');
    await checkA11y(manager);
    await screenshot(manager, 'pages-14-search-hit-desktop', { fullPage: false });
  });
});

describe('15. names, headings and the file picker', () => {
  it('shows the unit name on «حساب من», heads an action with its task, and labels the file picker in Persian', async () => {
    const director = await openPage(app.browser, phone);
    await app.server.signIn(director, { role: 'director', unitCode: EAST_AZARBAIJAN });
    await director.goto(`${app.server.url}/account`);
    await expect.poll(() => director.locator('main').textContent()).toContain('اداره کل آموزش فنی و حرفه‌ای استان آذربایجان شرقی');
    expect(await director.locator('main').textContent()).not.toContain(EAST_AZARBAIJAN);
    await screenshot(director, 'pages-15-account-phone');

    await director.goto(`${app.server.url}/actions`);
    await director.locator('.action-card a').first().click();
    const heading = director.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).not.toContain('اداره کل');
    const picker = director.locator('.file-picker');
    await picker.waitFor();
    expect(await picker.textContent()).toContain('انتخاب پرونده');
    expect(await picker.textContent()).toContain('پرونده‌ای انتخاب نشده');
    await picker.locator('input[type="file"]').setInputFiles({ name: 'نامه.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => picker.textContent()).toContain('نامه.pdf');
    await checkA11y(director);
    await screenshot(director, 'pages-15-action-phone');
    await director.context().close();
  });
});

describe('16. the import review', () => {
  it('marks only real repairs, reads «وبینار» as a webinar, and leaves an empty deadline empty', async () => {
    const text = [
      'وبینار آموزشی مدیران استان‌ها',
      '',
      'در این وبينار که با حضور مدیران کل برگزار شد، معاون سازمان گفت: استان ها موظفند گزارش عملکرد را ارسال کنند.',
      'وی همچنین از همکاران قدردانی کرد و بر اهمیت آموزش مهارت تاکید نمود.',
    ].join('\n');
    const draft = (await post(manager, '/api/imports', { text })) as { slug: string; kind: string };
    expect(draft.kind).toBe('webinar');
    await manager.goto(`${app.server.url}/imports/${draft.slug}`);
    await manager.locator('.review-transcript').waitFor();
    expect(await manager.locator('.review-transcript .repair-mark').count()).toBe(0);
    const due = manager.locator('.suggestion-card').first().getByLabel('مهلت (شمسی)');
    expect(await due.inputValue()).toBe('');
    expect((await due.getAttribute('placeholder')) ?? '').not.toMatch(/[0-9۰-۹]/);
    await screenshot(manager, 'pages-16-review-desktop');
  });

  it('does not take a VTT’s first cue as its title', async () => {
    const vtt = ['WEBVTT', '', '00:00:01.000 --> 00:00:05.000', 'همکاران عزیز، سلام.', '', '00:00:06.000 --> 00:00:09.000', 'استان ها موظفند گزارش را ارسال کنند.', ''].join('\n');
    const page = manager;
    await page.goto(`${app.server.url}/imports/new`);
    await page.getByLabel(/یا پرونده/).setInputFiles({ name: 'webinar-1400.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vtt) });
    await page.getByRole('button', { name: 'بررسی متن و پیشنهاد رهنمودها' }).click();
    await page.waitForURL('**/imports/import-*');
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.textContent()).not.toContain('همکاران عزیز');
  });
});
