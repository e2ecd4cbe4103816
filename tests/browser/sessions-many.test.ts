/**
 * The sessions pages with more than one page of sessions, transcripts with speakers and
 * timestamps, and imported text that looks like HTML (shown as text, never run).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y, openPage, screenshot, useBrowserApp, watchPage } from './support';

const HOSTILE_TITLE = '<img src=x onerror="window.__hacked = 1">نشست با عنوان ناامن';
const EXTRA = 22;

let folder = '';

const app = useBrowserApp(() => {
  folder = mkdtempSync(join(tmpdir(), 'neshast-many-'));
  const lines = Array.from({ length: EXTRA }, (_, i) =>
    JSON.stringify({
      slug: `bulk-${i + 1}`,
      title: i === 0 ? HOSTILE_TITLE : `نشست انبوه شماره ${i + 1}`,
      kind: 'meeting',
      // Older than the sample content, so they fill the second page.
      heldOn: `2020-0${1 + (i % 9)}-${String(1 + i).padStart(2, '0')}`,
      paragraphs: [
        { text: 'سخن نخست <script>window.__hacked = 2</script> در این نشست.', speaker: 'مریم احمدی', start: 5 },
        { text: 'پاسخ دوم.', speaker: 'علی رضایی', start: 3725 },
        { text: 'ادامه پاسخ.', speaker: 'علی رضایی', start: 3740 },
      ],
    }),
  );
  const file = join(folder, 'bulk.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { content: [resolve('content'), file] };
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('many sessions in the browser', () => {
  it('pages through the sessions, newest first, with page numbers in Persian', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/`);

    const pager = page.getByRole('navigation', { name: 'صفحه‌های فهرست نشست‌ها' });
    await pager.waitFor();
    expect(await pager.textContent()).toContain('صفحه ۱ از ۲');
    expect(await page.locator('.session-item').count()).toBe(20);
    expect(await page.locator('.list-summary').textContent()).toBe(`${(EXTRA + 4).toLocaleString('fa-IR', { useGrouping: false })} نشست`);

    await pager.getByRole('link', { name: 'صفحه بعد' }).click();
    await page.waitForURL('**/?page=2');
    await expect.poll(() => pager.textContent()).toContain('صفحه ۲ از ۲');
    expect(await page.locator('.session-item').count()).toBe(EXTRA + 4 - 20);
    // The oldest session (bulk-1, 1 January 2020 = 11 Dey 1398) comes last.
    const oldest = page.locator('.session-item').last();
    expect(await oldest.getByRole('heading').textContent()).toBe(HOSTILE_TITLE);
    expect(await oldest.locator('time').textContent()).toBe('۱۱ دی ۱۳۹۸');
    await checkA11y(page);

    await pager.getByRole('link', { name: 'صفحه قبل' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '');
    await expect.poll(() => pager.textContent()).toContain('صفحه ۱ از ۲');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows imported text that looks like HTML as text, and a transcript with speakers and times', async () => {
    const page = await openPage(app.browser);
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    await page.goto(`${app.server.url}/sessions/bulk-1`);

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.locator('#p-0').textContent()).toContain('<script>window.__hacked = 2</script>');
    expect(await page.evaluate('window.__hacked')).toBeUndefined();

    // A speaker's name heads their turn once; timestamps are m:ss or h:mm:ss in Persian digits.
    expect(await page.locator('.passage-speaker').allTextContents()).toEqual(['مریم احمدی', 'علی رضایی']);
    expect(await page.locator('.passage-time').allTextContents()).toEqual(['۰:۰۵', '۱:۰۲:۰۵', '۱:۰۲:۲۰']);
    expect(await page.locator('.transcript').textContent()).not.toContain('رهنمود ۱');
    await checkA11y(page);
    await screenshot(page, 'session-transcript');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
