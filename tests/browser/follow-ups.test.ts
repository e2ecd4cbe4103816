/**
 * Follow-ups that append, in Chromium against the real server (issue 14, item 4): two people of one
 * province post notes on the same action at the same moment and both are stored (a note needs no
 * version, so neither sees a conflict); the director asks a question in the action's discussion and
 * the manager replies to it, shown in the timeline. Screenshots at 1366×768 and 390×844.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_SESSION } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const ANCHOR = 'operational-programmes-1400';
const UNIT = 'prov-fars';
const NOW = new Date('2021-01-28T08:00:00Z');

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
let manager: Page;
let director: Page;
let deputy: Page;
let actionId = 0;
const watched: string[][] = [];

beforeAll(async () => {
  [manager, director, deputy] = await Promise.all([openPage(app.browser), openPage(app.browser), openPage(app.browser)]);
  watched.push(watchPage(manager), watchPage(director), watchPage(deputy));
  await app.server.signIn(manager, { role: 'manager', displayName: 'مریم احمدی، کارشناس ستاد' });
  await app.server.signIn(director, { role: 'director', unitCode: UNIT, displayName: 'رضا کریمی، مدیرکل فارس' });
  await app.server.signIn(deputy, { role: 'director', unitCode: UNIT, displayName: 'سارا نوری، معاون اداره کل فارس' });
  // The directive published and assigned to Fars through the API, as the directive page does.
  const api = manager.context().request;
  const headers = { Origin: app.server.url };
  const session = await (await api.get(`${app.server.url}/api/sessions/${SEED_SESSION.slug}`)).json();
  const directive = session.directives.find((d: { anchor: string }) => d.anchor === ANCHOR);
  expect((await api.post(`${app.server.url}/api/directives/${directive.id}/publish`, { data: { dueOn: '1399-11-15' }, headers })).status()).toBe(200);
  const assigned = await api.post(`${app.server.url}/api/directives/${directive.id}/assignments`, { data: { units: [UNIT] }, headers });
  expect(assigned.status()).toBe(201);
  actionId = (await assigned.json()).created[0].id;
});

describe('notes and the discussion on one action', () => {
  it('stores both notes when two people of the province send them at the same moment', async () => {
    await Promise.all([director, deputy].map((page) => page.goto(`${app.server.url}/actions/${actionId}`)));
    await Promise.all([director, deputy].map((page) => page.getByRole('heading', { name: 'گزارش پیشرفت' }).waitFor()));
    await director.getByLabel('شرح کار انجام‌شده').fill('نامه به شورای برنامه‌ریزی استان فرستاده شد.');
    await deputy.getByLabel('شرح کار انجام‌شده').fill('فهرست املاک مازاد از شهرستان‌ها گرفته شد.');
    // Both pages read version 1; both click at once.
    await Promise.all([director, deputy].map((page) => page.getByRole('button', { name: 'ثبت گزارش' }).click()));
    for (const page of [director, deputy]) {
      await expect.poll(() => page.locator('.update-form [role="status"]').textContent()).toContain('گزارش ثبت شد');
      expect(await page.locator('.conflict-notice').count()).toBe(0);
    }
    await director.reload();
    const entries = director.locator('.timeline-entry');
    await expect.poll(() => entries.count()).toBe(2);
    const text = await director.locator('.timeline').textContent();
    expect(text).toContain('نامه به شورای برنامه‌ریزی استان فرستاده شد.');
    expect(text).toContain('فهرست املاک مازاد از شهرستان‌ها گرفته شد.');
    expect(await director.locator('.eyebrow .status-badge').textContent()).toBe('در حال انجام');
  });

  it('lets the director ask headquarters a question and shows the manager’s reply under it', async () => {
    // An empty message is refused in words that say what to do, not the general error line.
    await director.getByRole('button', { name: 'فرستادن پیام' }).click();
    await expect.poll(() => director.locator('.comment-form [role="alert"]').first().textContent()).toContain('متن پیام را بنویسید');
    await director.getByLabel('پیام به ستاد یا واحد (پرسش، توضیح)').fill('آیا برآورد هزینه هم باید پیوست شود؟');
    await director.getByRole('button', { name: 'فرستادن پیام' }).click();
    await expect.poll(() => director.locator('.timeline-comment').count()).toBe(1);

    await manager.goto(`${app.server.url}/actions/${actionId}`);
    const question = manager.locator('.timeline-comment').first();
    await question.waitFor();
    expect(await question.textContent()).toContain('آیا برآورد هزینه هم باید پیوست شود؟');
    await question.getByRole('button', { name: 'پاسخ' }).click();
    await manager.getByLabel('پاسخ شما').fill('بله، با جدول بودجه ۱۴۰۰.');
    await manager.getByRole('button', { name: 'فرستادن پاسخ' }).click();
    await expect.poll(() => manager.locator('.timeline-comment').count()).toBe(2);
    await checkA11y(manager);

    await director.reload();
    const reply = director.locator('.timeline-comment').first();
    await expect.poll(() => reply.textContent()).toContain('بله، با جدول بودجه ۱۴۰۰.');
    expect(await reply.locator('.timeline-reply-to').textContent()).toContain('در پاسخ به رضا کریمی، مدیرکل فارس');
    await checkA11y(director);
    await director.setViewportSize({ width: 1366, height: 768 });
    await screenshot(director, 'follow-ups-01-thread-1366');
    await director.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(director)).toBe(0);
    await screenshot(director, 'follow-ups-02-thread-390');
    expect(watched.flat()).toEqual([]);
  });
});
