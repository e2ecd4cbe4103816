/**
 * Issue 13, the forms: what a person types or chooses is what is saved, typed as a Persian
 * user does (Persian digits, Arabic ي/ك, ZWNJ or none). Assignment defaults (1), Persian
 * digits in number and date fields (2), a session that expires while writing (3), the one
 * searchable unit picker (4), the admin forms (5) and date hints and messages (10).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

// 1400-05-10: every seed directive's deadline but the last ones has passed.
const NOW = new Date('2021-08-01T06:00:00Z');
const PBO_DIRECTIVE = 4; // «operational-programmes-1400», names the recipient pbo, due 1399-11-15
const EAST_AZARBAIJAN = 'prov-east-azarbaijan';
const LATIN_DIGIT = /[0-9]/;

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
const desktop = { viewport: { width: 1366, height: 768 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true };

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`${app.server.url}${path}`);
  expect(response.status(), await response.text()).toBe(200);
  const value: T = await response.json();
  return value;
}

interface ActionRow {
  id: number;
  version: number;
  priority: string;
  progress: number;
  unit: { code: string };
  recipient: { code: string } | null;
}

let manager: Page;
let problems: string[];

beforeAll(async () => {
  manager = await openPage(app.browser, desktop);
  problems = watchPage(manager);
  await app.server.signIn(manager, { role: 'manager', displayName: 'مریم احمدی' });
});

describe('1. the assignment form keeps the directive’s recipient and a normal priority', () => {
  it('shows and saves pbo and «عادی» unless the manager changes them', async () => {
    await manager.goto(`${app.server.url}/directives/${PBO_DIRECTIVE}`);
    await manager.getByRole('heading', { name: 'واگذاری به واحدها' }).waitFor();
    const form = manager.locator('.assign-form');
    await expect.poll(() => form.getByLabel('گیرنده', { exact: true }).inputValue()).toBe('pbo');
    expect(await form.getByLabel('اولویت').inputValue()).toBe('normal');
    await form.getByLabel(/همه استان‌ها/).check();
    await form.getByRole('button', { name: 'واگذاری', exact: true }).click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toContain('۳۱ اقدام تازه');
    const list = await getJson<{ items: ActionRow[] }>(manager, `/api/actions?directive=${PBO_DIRECTIVE}&limit=100`);
    expect(list.items).toHaveLength(31);
    expect(new Set(list.items.map((a) => a.priority))).toEqual(new Set(['normal']));
    expect(new Set(list.items.map((a) => a.recipient?.code))).toEqual(new Set(['pbo']));
    await checkA11y(manager);
    await screenshot(manager, 'forms-01-assign-desktop');
  });
});

describe('2 and 3. the progress report, typed on a Persian keyboard, survives an expired session', () => {
  let director: Page;
  let password = '';
  let username = '';
  let userId = 0;
  let actionId = 0;

  beforeAll(async () => {
    director = await openPage(app.browser, phone);
    const user = await app.server.signIn(director, { role: 'director', unitCode: EAST_AZARBAIJAN, displayName: 'رضا کریمی' });
    password = user.password;
    username = user.username;
    userId = user.id;
    const list = await getJson<{ items: ActionRow[] }>(manager, `/api/actions?directive=${PBO_DIRECTIVE}&unit=${EAST_AZARBAIJAN}`);
    actionId = list.items[0]?.id ?? 0;
    expect(actionId).toBeGreaterThan(0);
  });

  it('2. reads ۸۰ as 80 and refuses words with a Persian message instead of saving 0%', async () => {
    await director.goto(`${app.server.url}/actions/${actionId}`);
    const form = director.locator('.update-form');
    await form.waitFor();
    await form.getByLabel('شرح کار انجام‌شده').fill('برنامه عملیاتي تهيه شد');
    await form.getByLabel('درصد پیشرفت').pressSequentially('هشتاد');
    await form.getByRole('button', { name: 'ثبت گزارش' }).click();
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('درصد پیشرفت');
    expect(await form.locator('.form-error').textContent()).not.toMatch(LATIN_DIGIT);
    expect((await getJson<ActionRow>(director, `/api/actions/${actionId}`)).progress).toBe(0);

    await form.getByLabel('درصد پیشرفت').fill('');
    await form.getByLabel('درصد پیشرفت').pressSequentially('۸۰');
    expect(await form.getByLabel('درصد پیشرفت').inputValue()).toBe('۸۰');
    await form.getByLabel('تاریخ نامه (شمسی)').pressSequentially('۱۴۰۰/٠٥/٠١');
    await form.getByLabel('شمارهٔ نامه').fill('۱۲۳/ص');
    await form.getByRole('button', { name: 'ثبت گزارش' }).click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toContain('۸۰٪');
    const saved = await getJson<ActionRow & { timeline: Array<{ letterDate: string | null; progress: number | null }> }>(director, `/api/actions/${actionId}`);
    expect(saved.progress).toBe(80);
    expect(saved.timeline[0]?.letterDate).toBe('2021-07-23');
    await checkA11y(director);
    await screenshot(director, 'forms-02-update-phone');
  });

  it('3. keeps the typed note through sign-in after the session expired, and says why', async () => {
    await director.goto(`${app.server.url}/actions/${actionId}`);
    const note = 'گزارش دوم: کارگاه‌ها برگزار شد و نتیجه به سازمان برنامه ارسال گرديد';
    await director.getByLabel('شرح کار انجام‌شده').fill(note);
    await director.getByLabel('درصد پیشرفت').fill('۹۰');
    // The session ends on the server (expiry, sign-out elsewhere) while the user writes.
    await app.server.database.client.execute({ sql: 'DELETE FROM auth_sessions WHERE user_id = ?', args: [userId] });
    await director.getByRole('button', { name: 'ثبت گزارش' }).click();
    await director.waitForURL((url) => url.pathname === '/login');
    await expect.poll(() => director.locator('main').textContent()).toContain('نشست شما به پایان رسید؛ دوباره وارد شوید');
    await checkA11y(director);
    await screenshot(director, 'forms-03-session-expired-phone');
    await director.getByLabel('نام کاربری').fill(username);
    await director.getByLabel('گذرواژه').fill(password);
    await director.getByRole('button', { name: 'ورود' }).click();
    await director.waitForURL((url) => url.pathname === `/actions/${actionId}`);
    await expect.poll(() => director.getByLabel('شرح کار انجام‌شده').inputValue()).toBe(note);
    expect(await director.getByLabel('درصد پیشرفت').inputValue()).toBe('۹۰');
    // Sent once, the kept text is gone: a reload shows an empty form.
    await director.getByRole('button', { name: 'ثبت گزارش' }).click();
    await expect.poll(() => director.locator('.update-form [role="status"]').textContent()).toContain('۹۰٪');
    await director.reload();
    await director.locator('.update-form').waitFor();
    expect(await director.getByLabel('شرح کار انجام‌شده').inputValue()).toBe('');
  });
});

const IMPORT_TEXT = [
  'وبینار هماهنگی استان‌ها',
  '',
  'در این وبینار مدیر کل دفتر برنامه ریزی گفت: اداره کل آموزش فنی و حرفه ای استان اردبیل موظف است ظرف دو هفته گزارش کارگاه‌های مشترک را به ستاد سازمان ارسال کند.',
  'وی افزود استان‌ها باید تا پایان ماه برنامه عملیاتی سال آینده را تهیه کنند.',
].join('\n');

describe('4. one unit picker: searchable, grouped by kind, full names', () => {
  it('finds «اردبیل» typed with Arabic ي and shows the full name of the chosen province', async () => {
    const response = await manager.context().request.post(`${app.server.url}/api/imports`, {
      data: { text: IMPORT_TEXT, heldOn: '1400-05-01' },
      headers: { Origin: app.server.url },
    });
    expect(response.status(), await response.text()).toBe(201);
    const draft: { slug: string } = await response.json();
    await manager.goto(`${app.server.url}/imports/${draft.slug}`);
    const card = manager.locator('.suggestion-card').first();
    await card.waitFor();
    const picker = card.locator('.unit-picker', { has: manager.getByLabel('واحد مسئول', { exact: true }) });
    await picker.getByRole('searchbox').fill('اردبيل');
    const select = picker.getByLabel('واحد مسئول', { exact: true });
    await expect.poll(() => select.locator('option:not([value=""])').allTextContents()).toEqual(['اداره کل آموزش فنی و حرفه‌ای استان اردبیل']);
    const groups = await select.locator('optgroup').evaluateAll((els) => els.map((el) => el.getAttribute('label')));
    expect(groups).toEqual(['استان‌ها']);
    const saved = manager.waitForResponse((r) => r.request().method() === 'PATCH');
    await select.selectOption('prov-ardabil');
    expect((await saved).status()).toBe(200);
    const chosen = picker.locator('.unit-picker-chosen');
    await expect.poll(() => chosen.textContent()).toContain('اداره کل آموزش فنی و حرفه‌ای استان اردبیل');
    // The whole name is on screen, not cut with an ellipsis.
    expect(await chosen.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await picker.getByRole('searchbox').fill('');
    const allGroups = await select.locator('optgroup').evaluateAll((els) => els.map((el) => el.getAttribute('label')));
    expect(allGroups).toEqual(['گروه‌ها', 'ستاد', 'استان‌ها', 'دستگاه‌های بیرونی']);
    await checkA11y(manager);
    await screenshot(manager, 'forms-04-import-picker-desktop');
    await manager.setViewportSize(phone.viewport);
    expect(await horizontalOverflow(manager)).toBe(0);
    await screenshot(manager, 'forms-04-import-picker-phone');
    await manager.setViewportSize(desktop.viewport);

    // The ranked candidates keep working with the same picker.
    const candidates = manager.locator('details.candidate-list');
    if ((await candidates.count()) > 0) {
      await candidates.locator('summary').click();
      const candidate = candidates.locator('.suggestion-card').first();
      expect(await candidate.locator('.unit-picker').count()).toBe(2);
      await candidate.getByRole('button', { name: /^تأیید/ }).click();
      await expect.poll(() => manager.locator('.suggestion-list > .suggestion-card.review-confirmed').count()).toBeGreaterThanOrEqual(1);
    }

    // The admin's unit picker and the assignment's recipient use the same groups and names.
    await manager.goto(`${app.server.url}/directives/${PBO_DIRECTIVE}`);
    const recipient = manager.locator('.assign-form .unit-picker', { has: manager.getByLabel('گیرنده', { exact: true }) });
    await recipient.getByRole('searchbox').fill('برنامه و بودجه');
    await expect.poll(() => recipient.locator('optgroup').evaluateAll((els) => els.map((el) => el.getAttribute('label')))).toEqual(['دستگاه‌های بیرونی']);
    expect(await manager.locator('main').textContent()).not.toContain('دستگاه‌های دیگر');
  });
});

describe('5. the admin forms', () => {
  let admin: Page;
  beforeAll(async () => {
    admin = await openPage(app.browser, desktop);
    await app.server.signIn(admin, { role: 'admin', displayName: 'مدیر سامانه' });
  });

  it('saves a role or unit only on «ذخیره», and asks before disabling', async () => {
    const target = await app.server.createUser({ role: 'staff', username: 'changing.user', displayName: 'کاربر آزمایشی' });
    await admin.goto(`${app.server.url}/admin/users`);
    const row = admin.getByRole('row').filter({ hasText: 'changing.user' });
    await row.waitFor();
    await row.getByLabel(/^نقش/).selectOption('director');
    await row.getByLabel(/^واحد/).selectOption(EAST_AZARBAIJAN);
    await admin.waitForTimeout(300);
    const before = await getJson<{ items: Array<{ id: number; role: string; unitCode: string | null; disabled: boolean }> }>(admin, '/api/users');
    expect(before.items.find((u) => u.id === target.id)).toMatchObject({ role: 'staff', unitCode: null });
    await row.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(async () => (await getJson<{ items: Array<{ id: number; role: string; unitCode: string | null }> }>(admin, '/api/users')).items.find((u) => u.id === target.id)?.role).toBe('director');

    await row.getByRole('button', { name: 'غیرفعال‌سازی' }).click();
    const confirm = admin.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('changing.user');
    await checkA11y(admin);
    await screenshot(admin, 'forms-05-admin-confirm-desktop');
    await confirm.getByRole('button', { name: 'انصراف' }).click();
    expect((await getJson<{ items: Array<{ id: number; disabled: boolean }> }>(admin, '/api/users')).items.find((u) => u.id === target.id)?.disabled).toBe(false);
    await row.getByRole('button', { name: 'غیرفعال‌سازی' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'غیرفعال شود' }).click();
    await expect.poll(() => row.textContent()).toContain('غیرفعال');
  });

  it('answers a Persian username with one Persian message, no browser bubble', async () => {
    await admin.goto(`${app.server.url}/admin/users`);
    const form = admin.locator('.add-user-form');
    await form.waitFor();
    await form.getByLabel(/نام کاربری/).fill('maryam.a');
    await form.getByLabel('نام و سمت').fill('');
    await form.getByRole('button', { name: 'افزودن' }).click();
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('نام و سمت');
    await form.getByLabel(/نام کاربری/).fill('مریم');
    await form.getByLabel('نام و سمت').fill('مریم احمدی');
    await form.getByRole('button', { name: 'افزودن' }).click();
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('حروف لاتین');
    // The stale message about the name is gone, and the browser showed no bubble of its own.
    expect(await form.locator('.form-error').textContent()).not.toContain('نام و سمت');
    expect(await form.evaluate((el) => el instanceof HTMLFormElement && el.noValidate)).toBe(true);
    await screenshot(admin, 'forms-05-admin-username-desktop');
  });

  it('tells a disabled user that the account is disabled, only when the password was right', async () => {
    const user = await app.server.createUser({ role: 'staff', username: 'gone.user' });
    await app.server.database.client.execute({ sql: 'UPDATE users SET disabled = 1 WHERE id = ?', args: [user.id] });
    const page = await openPage(app.browser, desktop);
    await page.goto(`${app.server.url}/login`);
    await page.getByLabel('نام کاربری').fill(user.username);
    await page.getByLabel('گذرواژه').fill('not-the-password');
    await page.getByRole('button', { name: 'ورود' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('نام کاربری یا گذرواژه درست نیست');
    await page.getByLabel('گذرواژه').fill(user.password);
    await page.getByRole('button', { name: 'ورود' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('حساب شما غیرفعال شده است');
    await page.context().close();
  });
});

describe('10. date fields show a hint, never a date that looks filled in', () => {
  it('has no date-like placeholder, and a bad date gets a Persian message with a Persian example', async () => {
    for (const path of [`/directives/${PBO_DIRECTIVE}`, '/actions', '/dashboard', '/imports/new']) {
      await manager.goto(`${app.server.url}${path}`);
      await manager.locator('main form').first().waitFor();
      const placeholders = await manager.locator('main input').evaluateAll((els) => els.map((el) => el.getAttribute('placeholder') ?? ''));
      expect(placeholders.filter((p) => /[0-9۰-۹]{2}/.test(p)), path).toEqual([]);
    }
    await manager.goto(`${app.server.url}/directives/${PBO_DIRECTIVE}`);
    const form = manager.locator('.assign-form');
    await form.getByLabel('مهلت (شمسی)').fill('۱۴۰۰/۱۳/۴۰');
    await form.getByText('یا واحدهای تکی را برگزینید').click();
    await form.getByLabel(/استان اردبیل/).check();
    await form.getByRole('button', { name: 'واگذاری', exact: true }).click();
    const error = form.locator('.form-error');
    await expect.poll(() => error.textContent()).toContain('۱۳۹۹/۱۱/۱۵');
    expect(await error.textContent()).not.toMatch(LATIN_DIGIT);
    expect(await error.textContent()).not.toContain('-');
    await screenshot(manager, 'forms-10-bad-date-desktop');
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });
});
