/**
 * Journey (issue 14): a manager extends the deadline of a 31-province directive for the 12 provinces
 * that sent no report, in one step on the directive page, and each of those directors gets a
 * notification; the per-province strip shows the roll-up in Persian alphabetical order. Real server,
 * real Chromium; screenshots at 1366×768 and 390×844.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_SESSION } from '../support/sample-content';
import { checkA11y, horizontalOverflow, openPage, screenshot, useBrowserApp, watchPage } from './support';

const ANCHOR = 'operational-programmes-1400';
const NOW = new Date('2021-01-28T08:00:00Z');

const app = useBrowserApp(() => ({ deps: { clock: { now: () => NOW } } }));
let manager: Page;
let directiveId = 0;
const actions: Array<{ id: number; unit: { code: string; name: string } }> = [];
const silent: typeof actions = [];
const watched: string[][] = [];

async function post(page: Page, path: string, data: unknown): Promise<unknown> {
  const response = await page.context().request.post(`${app.server.url}${path}`, { data, headers: { Origin: app.server.url } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  manager = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
  watched.push(watchPage(manager));
  await app.server.signIn(manager, { role: 'manager', displayName: 'مریم احمدی، کارشناس ستاد' });
  const session = await (await manager.context().request.get(`${app.server.url}/api/sessions/${SEED_SESSION.slug}`)).json();
  directiveId = session.directives.find((d: { anchor: string }) => d.anchor === ANCHOR).id;
  await post(manager, `/api/directives/${directiveId}/publish`, { dueOn: '1399-11-15' });
  const assigned = (await post(manager, `/api/directives/${directiveId}/assignments`, { units: ['all-provinces'] })) as { created: typeof actions };
  actions.push(...assigned.created);
  expect(actions).toHaveLength(31);
  // 19 provinces report through their directors; 12 stay silent.
  for (const [i, action] of actions.entries()) {
    if (i >= 19) {
      silent.push(action);
      continue;
    }
    const director = await openPage(app.browser);
    await app.server.signIn(director, { role: 'director', unitCode: action.unit.code, username: `dg-${action.unit.code}` });
    await post(director, `/api/actions/${action.id}/follow-ups`, { note: `گزارش ${action.unit.name}` });
    await director.context().close();
  }
});

describe('a directive’s actions as one unit of work', () => {
  it('extends the deadline of the 12 provinces without a report in one step', async () => {
    await manager.goto(`${app.server.url}/directives/${directiveId}`);
    await manager.getByRole('heading', { name: 'کار با چند اقدام با هم' }).waitFor();
    // The strip: 31 cells in Persian alphabetical order, 12 without a report.
    const cells = manager.locator('.province-strip .province-cell');
    await expect.poll(() => cells.count()).toBe(31);
    const names = await cells.evaluateAll((els) => els.map((el) => (el.getAttribute('title') ?? '').split(':')[0] ?? ''));
    expect(names).toEqual([...names].sort(new Intl.Collator('fa').compare));
    expect(await manager.locator('.province-strip .strip-no_report').count()).toBe(12);

    await manager.getByRole('button', { name: 'بی‌گزارش‌ها (۱۲)' }).click();
    expect(await manager.locator('.bulk-panel [aria-live]').textContent()).toContain('۱۲ اقدام برگزیده شده است');
    await manager.getByLabel('کار', { exact: true }).selectOption('extend');
    await manager.getByLabel('چند روز تمدید').fill('۱۰');
    await manager.getByLabel(/دلیل یا پیام/).fill('فرصت بیشتر برای استان‌هایی که هنوز گزارش نداده‌اند');
    await checkA11y(manager);
    await screenshot(manager, 'directive-bulk-01-chosen-1366');
    await manager.getByRole('button', { name: 'تمدید مهلت برای ۱۲ اقدام' }).click();
    await expect.poll(() => manager.locator('.bulk-form [role="status"]').textContent()).toContain('مهلت ۱۲ اقدام تمدید شد');
    await screenshot(manager, 'directive-bulk-02-done-1366');

    await manager.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(manager)).toBe(0);
    await screenshot(manager, 'directive-bulk-03-phone-390');
    await manager.setViewportSize({ width: 1366, height: 768 });
  });

  it('tells each of those 12 directors, and none of the others', async () => {
    for (const action of silent) {
      const director = await openPage(app.browser);
      await app.server.signIn(director, { role: 'director', unitCode: action.unit.code, username: `silent-${action.unit.code}` });
      const list = await (await director.context().request.get(`${app.server.url}/api/notifications?kind=redated`)).json();
      expect(list.items.map((n: { action: { id: number } }) => n.action.id)).toEqual([action.id]);
      if (action === silent[0]) {
        await director.goto(`${app.server.url}/notifications`);
        const item = director.locator('.notification-item').first();
        await item.waitFor();
        expect(await item.textContent()).toContain('مهلت تغییر کرد');
        // 1399-11-15 + 10 days.
        expect(await item.textContent()).toContain('۱۳۹۹/۱۱/۲۵');
        await checkA11y(director);
        await screenshot(director, 'directive-bulk-04-director-notified');
      }
      await director.context().close();
    }
    const reporter = await openPage(app.browser);
    await app.server.signIn(reporter, { role: 'director', unitCode: actions[0]?.unit.code, username: 'reporter-check' });
    const theirs = await (await reporter.context().request.get(`${app.server.url}/api/notifications?kind=redated`)).json();
    expect(theirs.items).toEqual([]);
    await reporter.context().close();
    expect(watched.flat()).toEqual([]);
  });
});
