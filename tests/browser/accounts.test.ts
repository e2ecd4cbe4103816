/**
 * Accounts in a real browser: signing in through the form and back to where one was, the
 * header's user and sign-out, the admin's user page, changing one's password, and hostile
 * markup in a session's title and body rendering as inert text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, openPage, screenshot, useBrowserApp, watchDialogs, watchPage } from './support';

const XSS_SLUG = 'xss-probe';
const XSS_TITLE = '<img src=x onerror="window.__xss=1;alert(1)"> نشست آزمایشی';
const XSS_PARAGRAPHS = [
  'متن عادی با <script>window.__xss=2;alert(2)</script> درون آن.',
  '[پیوند خطرناک](javascript:window.__xss=3;alert(3)) و <a href="javascript:alert(4)">پیوند دوم</a>',
  '<svg onload="window.__xss=5;alert(5)"></svg><iframe src="javascript:alert(6)"></iframe>',
];

const NOTES_SLUG = 'notes-probe';
/** Editor notes are markdown, rendered as HTML: only sanitised markup may survive. */
const XSS_NOTES = [
  '- نام **فیروزی** اصلاح شد.',
  '- <img src=x onerror="window.__xss=7;alert(7)"> و <script>window.__xss=8</script>',
  '- [پیوند خطرناک](javascript:window.__xss=9;alert(9))',
].join('\n');

let folder = '';

const app = useBrowserApp(() => {
  folder = mkdtempSync(join(tmpdir(), 'neshast-xss-'));
  const jsonl = join(folder, 'xss.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ slug: XSS_SLUG, title: XSS_TITLE, kind: 'meeting', heldOn: '1399-11-05', paragraphs: XSS_PARAGRAPHS })}\n`);
  const markdown = join(folder, 'notes.md');
  writeFileSync(markdown, ['---', `slug: ${NOTES_SLUG}`, 'title: نشست با یادداشت', 'heldOn: 1399-11-06', 'notes: |', ...XSS_NOTES.split('\n').map((l) => `  ${l}`), '---', '', 'متن نشست.', ''].join('\n'));
  return { content: [resolve('content'), jsonl, markdown] };
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Status and body of a sign-in from a separate browser context (the page keeps its own cookie). */
async function tryLogin(username: string, password: string): Promise<{ status: number; body: unknown }> {
  const context = await app.browser.newContext();
  try {
    const response = await context.request.post(`${app.server.url}/api/auth/login`, { data: { username, password }, headers: { Origin: app.server.url } });
    return { status: response.status(), body: await response.json() };
  } finally {
    await context.close();
  }
}

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('گذرواژه').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
}

describe('signing in and out', () => {
  it('signs in through the form, returns to the page asked for, shows the user and signs out', async () => {
    const user = await app.server.createUser({ role: 'manager', displayName: 'مریم احمدی' });
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await page.goto(`${app.server.url}/sessions/tvto-outsourcing-webinar-1`);
    await page.waitForURL((url) => url.pathname === '/login');
    await checkA11y(page);
    await screenshot(page, 'login');

    await fillSignIn(page, user.username, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('نام کاربری یا گذرواژه درست نیست');

    await page.getByLabel('گذرواژه').fill(user.password);
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((url) => url.pathname === '/sessions/tvto-outsourcing-webinar-1');
    await expect.poll(() => page.locator('.user-menu').textContent()).toContain('مریم احمدی');

    await page.getByRole('button', { name: 'خروج' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(`${app.server.url}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    // The wrong password's 401 is the only error the console may show.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await page.context().close();
  });

  it('changes the password on "my account"; the old one stops working', async () => {
    const page = await openPage(app.browser);
    const user = await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/account`);
    await page.getByLabel('گذرواژهٔ فعلی').fill(user.password);
    await page.getByLabel('گذرواژهٔ تازه (دست‌کم ۸ نویسه)').fill('a-brand-new-passphrase');
    // A repeat that differs is refused on the page, in words, and nothing is sent.
    await page.getByLabel('تکرار گذرواژهٔ تازه').fill('a-brand-new-passphrasf');
    await page.getByRole('button', { name: 'تغییر گذرواژه' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'گذرواژهٔ تازه و تکرار آن یکی نیستند.' }).count()).toBe(1);
    expect((await tryLogin(user.username, user.password)).status).toBe(200);
    await page.getByLabel('تکرار گذرواژهٔ تازه').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: 'تغییر گذرواژه' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'گذرواژه تغییر کرد' }).count()).toBe(1);
    await checkA11y(page);
    expect((await tryLogin(user.username, user.password)).status).toBe(401);
    expect((await tryLogin(user.username, 'a-brand-new-passphrase')).status).toBe(200);
    await page.context().close();
  });
});

describe('the header shows each role its own pages', () => {
  it.each([
    ['staff', ['نشست‌ها', 'رهنمودها', 'اقدام‌ها', 'جست‌وجو']],
    ['manager', ['نشست‌ها', 'رهنمودها', 'اقدام‌ها', 'جست‌وجو', 'نشست جدید']],
    ['admin', ['نشست‌ها', 'رهنمودها', 'اقدام‌ها', 'جست‌وجو', 'نشست جدید', 'کاربران']],
  ] as const)('%s', async (role, expected) => {
    const page = await openPage(app.browser);
    await app.server.signIn(page, { role });
    await page.goto(`${app.server.url}/`);
    const nav = page.getByRole('navigation', { name: 'پیمایش اصلی' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual([...expected]);
    await page.context().close();
  });
});

describe('the admin page', () => {
  it('adds a director with a shown-once password, and disables a user', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'admin' });
    const victim = await app.server.createUser({ role: 'staff', username: 'to-disable', displayName: 'کارمند رفتنی' });
    await page.goto(`${app.server.url}/admin/users`);
    await page.getByRole('table').waitFor();

    await page.getByLabel('نام کاربری (حروف لاتین کوچک)').fill('tabriz.dg');
    await page.getByLabel('نام و سمت').fill('مدیر کل آذربایجان شرقی');
    await page.getByLabel('نقش', { exact: true }).selectOption('director');
    await page.getByLabel('واحد (برای مدیر کل لازم است)').selectOption('prov-east-azarbaijan');
    await page.getByRole('button', { name: 'افزودن' }).click();
    const issued = page.locator('.issued-password');
    await issued.waitFor();
    const password = (await issued.textContent()) ?? '';
    expect((await tryLogin('tabriz.dg', password)).body).toMatchObject({ role: 'director', unitCode: 'prov-east-azarbaijan' });

    const row = page.getByRole('row').filter({ hasText: 'to-disable' });
    await row.getByRole('button', { name: 'غیرفعال‌سازی' }).click();
    await row.getByRole('alertdialog').getByRole('button', { name: 'غیرفعال شود' }).click();
    await expect.poll(() => row.textContent()).toContain('غیرفعال');
    expect((await tryLogin(victim.username, victim.password)).status).toBe(401);
    await checkA11y(page);
    await screenshot(page, 'admin-users');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is refused to a manager', async () => {
    const page = await openPage(app.browser);
    await app.server.signIn(page, { role: 'manager' });
    await page.goto(`${app.server.url}/admin/users`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('اجازه');
    await page.context().close();
  });
});

describe('hostile markup in a session', () => {
  it('renders a title and body full of script, event handlers and javascript: links as inert text', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    const dialogs = watchDialogs(page);
    await app.server.signIn(page, { role: 'staff' });

    await page.goto(`${app.server.url}/`);
    await page.getByText('نشست آزمایشی').first().waitFor();
    await page.goto(`${app.server.url}/sessions/${XSS_SLUG}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toContain('<img src=x onerror=');
    await expect.poll(() => page.locator('main').textContent()).toContain('<script>window.__xss=2');

    // Give any injected handler time to fire, then click everything that looks like a link.
    for (const link of await page.locator('main a').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href.toLowerCase().startsWith('javascript:')).toBe(false);
    }
    await page.waitForTimeout(300);

    expect(dialogs).toEqual([]);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('main img, main script, main svg[onload], main iframe').count()).toBe(0);
    expect(await page.locator('[onerror], [onload]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('renders markdown notes as sanitised HTML: the list and bold stay, scripts and javascript: links go', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    const dialogs = watchDialogs(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/sessions/${NOTES_SLUG}`);
    const notes = page.locator('.editor-notes-text');
    await expect.poll(() => notes.locator('li').count()).toBe(3);
    expect(await notes.locator('strong').textContent()).toBe('فیروزی');
    const link = notes.getByText('پیوند خطرناک');
    expect(((await link.getAttribute('href')) ?? '').toLowerCase()).not.toContain('javascript:');
    await link.click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await notes.locator('img, script, [onerror]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
