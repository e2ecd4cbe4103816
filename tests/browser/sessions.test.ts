/**
 * The foundation in a real browser: home page → the seed webinar, right-to-left Persian with
 * its Jalali date and its directives highlighted in place, stable #d- links, phone width, axe.
 */
import { describe, expect, it } from 'vitest';
import { SEED_SESSION } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

const app = useBrowserApp();

describe('sessions in the browser', () => {
  it('goes from the home page to the seed webinar, shown in Persian, right to left, with its directives in place', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/`);

    const html = page.locator('html');
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('fa');

    const link = page.getByRole('link', { name: SEED_SESSION.title });
    await link.waitFor();
    // The list shows each session's Jalali date and directive count in Persian digits.
    const seedItem = page.locator('.session-item', { has: link });
    expect(await seedItem.textContent()).toContain('۱ بهمن ۱۳۹۹');
    expect(await seedItem.textContent()).toContain('۵ رهنمود');
    await checkA11y(page);
    await screenshot(page, 'home-desktop');

    await link.click();
    await page.waitForURL(`**/sessions/${SEED_SESSION.slug}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(SEED_SESSION.title);
    expect(await page.title()).toContain(SEED_SESSION.title);
    expect(await page.locator('.session-facts time').textContent()).toMatch(/۱ بهمن ۱۳۹۹/);

    const marks = page.locator('main mark.directive-mark[id^="d-"]');
    expect(await marks.count()).toBeGreaterThanOrEqual(4);
    // Each highlight quotes the body verbatim: its text is the directive's quote from the API.
    const detail = await (await page.context().request.get(`${app.server.url}/api/sessions/${SEED_SESSION.slug}`)).json();
    const quotes = new Map<string, string>(detail.directives.map((d: { anchor: string; quote: string }) => [d.anchor, d.quote]));
    for (const [anchor, quote] of quotes) {
      const parts = await page.locator(`mark[data-directive="${anchor}"]`).allTextContents();
      expect(parts.join('')).toBe(quote.replace(/\n+/g, ''));
    }
    // The deadline note beside a directive names who acts and the rule.
    const note = page.locator('aside.directive-note', { has: page.locator('#note-operational-programmes-1400') });
    expect(await note.textContent()).toContain('همه استان‌ها');
    expect(await note.textContent()).toContain('سازمان برنامه و بودجه کشور');
    expect(await note.textContent()).toContain('دو هفته');
    // Its stable link: copied whole, and followed in place.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await note.getByRole('button', { name: 'رونوشت پیوند رهنمود ۴' }).click();
    await note.getByText('پیوند رونوشت شد.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${app.server.url}/sessions/${SEED_SESSION.slug}#d-operational-programmes-1400`);
    await note.getByRole('link', { name: 'نشانی رهنمود ۴' }).click();
    await page.waitForURL(`**/sessions/${SEED_SESSION.slug}#d-operational-programmes-1400`);
    await expect.poll(() => page.locator('#d-operational-programmes-1400').getAttribute('class')).toContain('is-current');
    // The paragraphs keep their ordinals as anchors.
    expect(await page.locator('main p[id^="p-"]').count()).toBe(detail.paragraphs.length);

    await checkA11y(page);
    await screenshot(page, 'session-desktop');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a #d- link at its directive, at phone width, without sideways scrolling', async () => {
    const page = await openPage(app.browser, { viewport: viewports.phone, isMobile: true, hasTouch: true });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'director' });
    const anchor = 'd-property-sales-3-months';
    await page.goto(`${app.server.url}/sessions/${SEED_SESSION.slug}#${anchor}`);

    const target = page.locator(`#${anchor}`);
    await target.waitFor();
    expect(await target.evaluate((el) => el.tagName)).toBe('MARK');
    // Scrolled to it: the highlight is on screen although it is far down the text.
    await expect.poll(() => target.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(viewports.phone.height);
    expect(await target.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    expect(await horizontalOverflow(page)).toBe(0);
    // On a phone, a directive's note comes below its paragraph, not beside it.
    const paragraph = page.locator('.passage', { has: target });
    const text = await paragraph.locator('.passage-text').boundingBox();
    const notes = await paragraph.locator('.passage-notes').boundingBox();
    expect(notes && text && notes.y >= text.y + text.height).toBe(true);

    await screenshot(page, 'session-phone-directive', { fullPage: false });
    await screenshot(page, 'session-phone');
    await checkA11y(page);

    // Both pages hold at 360 px too.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.server.url}/sessions/${SEED_SESSION.slug}`);
    await page.locator('#d-article-27-sales').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${app.server.url}/`);
    await page.getByRole('link', { name: SEED_SESSION.title }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'home-phone-360');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says in Persian when a session does not exist, and the skip link leads to the content', async () => {
    const page = await openPage(app.browser);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/sessions/no-such-session`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('نشست پیدا نشد');
    expect(await page.getByRole('link', { name: 'بازگشت به فهرست نشست‌ها' }).getAttribute('href')).toBe('/');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'پرش به محتوای اصلی' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await checkA11y(page);
    await page.context().close();
  });

  it('shows loading, error (with a working retry) and empty states in Persian', async () => {
    const page = await openPage(app.browser);
    await app.server.signIn(page, { role: 'staff' });
    let failing = true;
    // The first answer waits until the test has seen the loading state.
    let release = () => {};
    const released = new Promise<void>((done) => (release = done));
    await page.route('**/api/sessions?*', async (route) => {
      if (!failing) return route.continue();
      await released;
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'خطای داخلی رخ داد. دوباره تلاش کنید.' } }),
      });
    });
    await page.goto(`${app.server.url}/`);
    await page.getByRole('status').filter({ hasText: 'در حال بارگذاری فهرست نشست‌ها' }).waitFor();
    release();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('خطای داخلی رخ داد');
    await checkA11y(page);
    await screenshot(page, 'home-error');

    failing = false;
    await alert.getByRole('button', { name: 'تلاش دوباره' }).click();
    await page.getByRole('link', { name: SEED_SESSION.title }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.unroute('**/api/sessions?*');
    await page.route('**/api/sessions?*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], total: 0, limit: 20, offset: 0 }) }),
    );
    await page.goto(`${app.server.url}/`);
    await page.getByText('هنوز نشستی ثبت نشده است.').waitFor();
    await page.context().close();
  });

  it('sends a visitor who is not signed in to the sign-in page, keeping the way back', async () => {
    const page = await openPage(app.browser);
    await page.goto(`${app.server.url}/sessions/${SEED_SESSION.slug}#d-article-27-sales`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/sessions/${SEED_SESSION.slug}#d-article-27-sales`);
    await page.context().close();
  });
});
