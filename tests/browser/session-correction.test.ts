/**
 * Journey (issue 14, item 5): a manager corrects a wrong word in a published session's text and its
 * title on the session page, searches and finds the session by the new word (not the old); then
 * withdraws another session with a reason, and a staff member no longer finds it in search.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeBody } from '../../server/session-body';
import { storeSessions } from '../../server/ingest/session-store';
import { checkA11y, horizontalOverflow, openPage, pageApi, screenshot, useBrowserApp, watchPage } from './support';

// A transcript in which the province was misheard: «قزوین» where «زنجان» was said.
const MEETING = [
  'در این نشست گزارش استان قزوین دربارهٔ کارگاه‌های آموزشی روستایی ارائه شد.',
  'مدیران کل موظفند ظرف دو هفته فهرست کارگاه‌های روستایی را به ستاد بفرستند.',
];
const QUOTE = 'مدیران کل موظفند ظرف دو هفته فهرست کارگاه‌های روستایی را به ستاد بفرستند';
const DUPLICATE = ['ثبت‌نام آزمون‌های نوبت دی در هنرستان‌های کشاورزی از هفتهٔ آینده آغاز می‌شود.'];

const app = useBrowserApp(() => ({
  setup: async (database) => {
    const quoteStart = composeBody(MEETING.map((text) => ({ text }))).body.indexOf(QUOTE);
    const common = { kind: 'meeting' as const, heldOn: '2021-02-10', sourceKind: 'text' as const, tags: [] };
    await storeSessions(
      database.client,
      [
        {
          ...common,
          slug: 'rural-workshops-meeting',
          title: 'نشست کارگاه‌های روستایی استانهای شمال',
          sourceText: MEETING.join('\n\n'),
          paragraphs: MEETING.map((text) => ({ text })),
          directives: [{ start: quoteStart, end: quoteStart + QUOTE.length, kind: 'action', refs: [], status: 'published' }],
        },
        { ...common, slug: 'duplicate-exam-notice', title: 'اطلاعیهٔ تکراری آزمون‌های نوبت دی', sourceText: DUPLICATE[0] ?? '', paragraphs: DUPLICATE.map((text) => ({ text })), directives: [] },
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

describe('correcting and withdrawing a published session', () => {
  it('a manager fixes a word and the title, finds the new word, and withdraws another session for good', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    expect((await search(page, 'قزوین')).join()).toContain('نشست کارگاه‌های روستایی');

    await page.goto(`${app.server.url}/sessions/rural-workshops-meeting`);
    await page.getByRole('heading', { level: 1, name: 'نشست کارگاه‌های روستایی استانهای شمال' }).waitFor();
    await page.getByRole('button', { name: 'ویرایش' }).click();
    const title = page.getByLabel('عنوان');
    await title.fill('');
    await title.pressSequentially('نشست کارگاه‌های روستایی استان‌های شمال غرب', { delay: 5 });
    await page.getByText('متن نشست (۲ بند)').click();
    const first = page.getByLabel('بند ۱');
    await first.fill(MEETING[0]?.replace('قزوین', '') ?? '');
    // Typed where the wrong word was, as a person types it.
    await first.evaluate((el) => {
      if (el instanceof HTMLTextAreaElement) el.setSelectionRange(el.value.indexOf('استان ') + 6, el.value.indexOf('استان ') + 6);
    });
    await first.pressSequentially('زنجان', { delay: 20 });
    await page.getByLabel('دلیل ویرایش (در سابقه می‌ماند)').pressSequentially('نام استان اشتباه شنیده شده بود');
    await checkA11y(page);
    await screenshot(page, 'correction-01-editing-1366', { fullPage: false });
    await page.getByRole('button', { name: 'ذخیرهٔ ویرایش' }).click();

    await page.getByText('نشست ویرایش شد').waitFor();
    await page.getByRole('heading', { level: 1, name: 'نشست کارگاه‌های روستایی استان‌های شمال غرب' }).waitFor();
    expect(await page.locator('#p-0').textContent()).toContain('گزارش استان زنجان دربارهٔ');
    // The directive is still highlighted on exactly its quote.
    expect((await page.locator('mark.directive-mark').allTextContents()).join('')).toBe(QUOTE);
    expect(await page.getByText('آخرین ویرایش').count()).toBe(1);
    await screenshot(page, 'correction-02-corrected-1366', { fullPage: false });

    expect((await search(page, 'زنجان روستایی')).join()).toContain('استان‌های شمال غرب');
    expect((await search(page, 'قزوین')).join()).not.toContain('کارگاه‌های روستایی');

    // Withdraw the duplicate notice.
    await page.goto(`${app.server.url}/sessions/duplicate-exam-notice`);
    await page.getByRole('button', { name: 'پس‌گرفتن' }).click();
    await page.getByRole('button', { name: 'پس‌گرفتن نشست' }).click();
    await page.getByText('دلیل پس‌گرفتن نشست را بنویسید.').waitFor();
    await page.getByLabel('دلیل (لازم)').pressSequentially('این اطلاعیه دو بار ثبت شده است');
    await page.getByRole('button', { name: 'پس‌گرفتن نشست' }).click();
    await page.getByText('نشست پس گرفته شد.').waitFor();
    await page.locator('.withdrawn-banner').getByText('دلیل: این اطلاعیه دو بار ثبت شده است').waitFor();
    await checkA11y(page);
    await screenshot(page, 'correction-03-withdrawn-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'correction-04-withdrawn-390', { fullPage: false });
    await page.goto(`${app.server.url}/sessions/rural-workshops-meeting`);
    await page.getByRole('button', { name: 'ویرایش' }).click();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'correction-05-editing-390', { fullPage: false });

    // Managers still see it in the list, marked.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.server.url}/`);
    await page.locator('.session-item', { hasText: 'اطلاعیهٔ تکراری' }).getByText('پس‌گرفته‌شده').waitFor();
    expect(problems).toEqual([]);

    // Staff: gone from search and from its page.
    const reader = await openPage(app.browser, { viewport: { width: 390, height: 844 } });
    await app.server.signIn(reader, { role: 'staff' });
    expect(await search(reader, 'آزمون‌های نوبت دی')).toEqual([]);
    await screenshot(reader, 'correction-06-staff-search-390', { fullPage: false });
    await reader.goto(`${app.server.url}/sessions/duplicate-exam-notice`);
    await reader.getByRole('heading', { level: 1, name: 'نشست پیدا نشد' }).waitFor();
    expect((await search(reader, 'زنجان روستایی')).join()).toContain('استان‌های شمال غرب');
  }, 90_000);

  it('after publishing, the session page says which units got actions and which did not', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(10_000);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'manager' });
    const api = pageApi(page, app.server.url);
    const text = 'استان‌ها موظفند ظرف دو هفته برنامه عملیاتی بودجه را به سازمان برنامه و بودجه ارسال کنند.';
    const draft = await api<{ slug: string; suggestions: Array<{ id: number; version: number }> }>('/imports', 'POST', { text, title: 'نشست بودجه استان‌ها', heldOn: '1399-11-01' });
    const first = draft.suggestions[0];
    if (!first) throw new Error('the text has a directive');
    await api(`/imports/${draft.slug}/directives/${first.id}`, 'PATCH', { version: first.version, kind: 'action', assignee: 'prov-tehran', due: '۱۳۹۹/۱۱/۲۰', review: 'confirmed' });

    await page.goto(`${app.server.url}/imports/${draft.slug}`);
    await page.getByRole('button', { name: 'انتشار نشست' }).click();
    await page.getByRole('heading', { level: 1, name: 'نشست بودجه استان‌ها' }).waitFor();
    const summary = page.locator('.publish-summary');
    await summary.getByText('نشست منتشر شد: ۱ رهنمود منتشر شد').waitFor();
    await summary.getByText(/تهران: ۱ اقدام برای/).waitFor();
    await checkA11y(page);
    await screenshot(page, 'correction-07-publish-summary-1366', { fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'correction-08-publish-summary-390', { fullPage: false });
    expect(problems).toEqual([]);
  }, 60_000);
});
