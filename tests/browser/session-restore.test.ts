/**
 * Journey: a manager withdraws a session with a reason, opens its directive (marked «پس‌گرفته‌شده»,
 * read-only, its actions cancelled) while staff get «رهنمود پیدا نشد», restores the session with a
 * reason, finds it again in search, and reopens the actions its withdrawal cancelled with a new
 * deadline from the directive's page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tehranToday } from '../../server/actions/due-dates';
import { addDays, formatJalali } from '../../server/persian/jalali';
import { toPersianDigits } from '../../server/persian/numbers';
import { composeBody } from '../../server/session-body';
import { storeSessions } from '../../server/ingest/session-store';
import { checkA11y, horizontalOverflow, openPage, pageApi, screenshot, useBrowserApp, watchPage } from './support';

const MEETING = [
  'در این نشست وضعیت هنرستان‌های کشاورزی استان‌ها و نیاز به تجهیزات گلخانه‌ای بررسی شد.',
  'استان‌ها موظفند ظرف یک ماه فهرست تجهیزات گلخانه‌ای هنرستان‌ها را به ستاد بفرستند.',
];
const QUOTE = 'استان‌ها موظفند ظرف یک ماه فهرست تجهیزات گلخانه‌ای هنرستان‌ها را به ستاد بفرستند';
const SLUG = 'greenhouse-schools-meeting';
const TITLE = 'نشست تجهیزات گلخانه‌ای هنرستان‌ها';

const app = useBrowserApp(() => ({
  setup: async (database) => {
    const quoteStart = composeBody(MEETING.map((text) => ({ text }))).body.indexOf(QUOTE);
    await storeSessions(
      database.client,
      [
        {
          kind: 'meeting',
          heldOn: '2021-02-10',
          sourceKind: 'text',
          tags: [],
          slug: SLUG,
          title: TITLE,
          sourceText: MEETING.join('\n\n'),
          paragraphs: MEETING.map((text) => ({ text })),
          directives: [{ start: quoteStart, end: quoteStart + QUOTE.length, kind: 'action', refs: [], status: 'published' }],
        },
      ],
      new Date(),
    );
  },
}));

async function search(page: Page, q: string): Promise<string[]> {
  await page.goto(`${app.server.url}/search?q=${encodeURIComponent(q)}`);
  await page.locator('.search-results, .state-empty').first().waitFor();
  return page.locator('.search-hit-title').allTextContents();
}

describe('withdrawing and restoring a session', () => {
  it('a manager withdraws, opens the withdrawn directive, restores the session, finds it again and reopens its actions', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const api = pageApi(page, app.server.url);
    const session = await api<{ directives: Array<{ id: number }> }>(`/sessions/${SLUG}`, 'GET');
    const directiveId = session.directives[0]?.id;
    if (!directiveId) throw new Error('the meeting has a directive');
    await api(`/directives/${directiveId}/assignments`, 'POST', { units: ['prov-tehran', 'prov-fars'], dueOn: '1399-12-10' });

    // Withdraw, with a reason.
    await page.goto(`${app.server.url}/sessions/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'پس‌گرفتن' }).click();
    await page.getByLabel('دلیل (لازم)').pressSequentially('فهرست تجهیزات هنوز تأیید نشده است');
    await page.getByRole('button', { name: 'پس‌گرفتن نشست' }).click();
    await page.getByText('نشست پس گرفته شد. ۲ اقدام باز لغو شد').waitFor();

    // Its directive still opens for the manager: marked, read-only, the actions cancelled.
    await page.getByRole('link', { name: /پیگیری اقدام‌های رهنمود/ }).click();
    const notice = page.locator('.withdrawn-notice');
    await notice.getByText('دلیل: فهرست تجهیزات هنوز تأیید نشده است').waitFor();
    await notice.getByText('پس‌گرفته‌شده').waitFor();
    expect(await page.locator('.rollup-table').getByText('لغوشده').count()).toBe(2);
    expect(await page.locator('.bulk-panel').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'واگذاری' }).count()).toBe(0);
    expect(await page.locator('.rollup-table input[type="checkbox"]').count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'restore-01-withdrawn-directive-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'restore-02-withdrawn-directive-390', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Staff: the same page is a directive that does not exist.
    const reader = await openPage(app.browser, { viewport: { width: 390, height: 844 } });
    await app.server.signIn(reader, { role: 'staff' });
    await reader.goto(`${app.server.url}/directives/${directiveId}`);
    await reader.getByRole('heading', { level: 1, name: 'رهنمود پیدا نشد' }).waitFor();
    expect((await search(reader, 'تجهیزات گلخانه‌ای')).join()).not.toContain(TITLE);

    // Tehran's director still opens the unit's cancelled action: marked, read-only, no link to the hidden session.
    const rollup = await api<{ units: Array<{ id: number; unit: { code: string } }> }>(`/directives/${directiveId}/rollup`, 'GET');
    const tehran = rollup.units.find((a) => a.unit.code === 'prov-tehran');
    if (!tehran) throw new Error('tehran has an action');
    const unitDirector = await openPage(app.browser, { viewport: { width: 390, height: 844 } });
    await app.server.signIn(unitDirector, { role: 'director', unitCode: 'prov-tehran' });
    await unitDirector.goto(`${app.server.url}/actions/${tehran.id}`);
    await unitDirector.locator('.withdrawn-notice').getByText(/نشست این اقدام پس گرفته شده است/).waitFor();
    expect(await unitDirector.getByRole('link', { name: /دیدن این رهنمود/ }).count()).toBe(0);
    expect(await unitDirector.getByRole('button', { name: /ثبت گزارش|فرستادن پیام/ }).count()).toBe(0);
    expect(await horizontalOverflow(unitDirector)).toBe(0);
    await screenshot(unitDirector, 'restore-09-director-cancelled-action-390', { fullPage: false });

    // Restore, with a reason.
    await page.goto(`${app.server.url}/sessions/${SLUG}`);
    await page.getByRole('button', { name: 'بازگرداندن' }).click();
    await page.getByRole('button', { name: 'بازگرداندن نشست' }).click();
    await page.getByText('دلیل بازگرداندن نشست را بنویسید.').waitFor();
    await page.getByLabel('دلیل (لازم)').pressSequentially('فهرست تأیید شد');
    await checkA11y(page);
    await screenshot(page, 'restore-03-restoring-1366', { fullPage: false });
    await page.getByRole('button', { name: 'بازگرداندن نشست' }).click();
    await page.getByText(/نشست بازگردانده شد و دوباره در فهرست‌ها و جست‌وجو هست\. ۲ اقدام/).waitFor();
    expect(await page.locator('.withdrawn-banner').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'restore-04-restored-390', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Found again in search, by the manager and by staff.
    expect((await search(page, 'تجهیزات گلخانه‌ای')).join()).toContain(TITLE);
    expect((await search(reader, 'تجهیزات گلخانه‌ای')).join()).toContain(TITLE);
    await screenshot(reader, 'restore-05-staff-search-390', { fullPage: false });

    // The cancelled actions did not reopen by themselves: the directive page offers it, with a new deadline.
    await page.goto(`${app.server.url}/directives/${directiveId}`);
    await page.locator('.restore-notice').getByText(/۲ اقدام با پس‌گرفتن نشست لغو شد/).waitFor();
    await page.getByRole('button', { name: 'لغوشده با پس‌گرفتن نشست (۲)' }).click();
    expect(await page.getByLabel('کار', { exact: true }).inputValue()).toBe('reopen');
    // A deadline a month from today, typed as a person types it (the old one, in ۱۳۹۹, is long past).
    await page.getByLabel('مهلت تازه (شمسی)').pressSequentially(toPersianDigits(formatJalali(addDays(tehranToday(new Date()), 30)).replaceAll('-', '/')));
    await page.getByLabel('دلیل یا پیام (در سابقه و اعلان می‌ماند)').pressSequentially('نشست بازگردانده شد');
    await screenshot(page, 'restore-06-reopen-1366', { fullPage: false });
    await page.getByRole('button', { name: 'بازگشایی با مهلت تازه برای ۲ اقدام' }).click();
    await page.getByText('۲ اقدام با مهلت تازه باز شد. به هر واحد خبر داده شد.').waitFor();
    await page.locator('.restore-notice').waitFor({ state: 'detached' });
    expect(await page.locator('.rollup-table').getByText('لغوشده').count()).toBe(0);
    expect(await page.locator('.rollup-table').getByText('در حال انجام').count()).toBe(2);
    expect(await page.locator('.tile-overdue .tile-number').textContent()).toBe('۰');
    await checkA11y(page);
    await screenshot(page, 'restore-07-reopened-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'restore-08-reopened-390', { fullPage: false });
    expect(problems).toEqual([]);
  }, 90_000);
});
