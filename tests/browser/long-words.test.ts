/**
 * A long unbroken run of characters in a title, a tag or a series (a pasted link, a file name,
 * letters joined by underscores) wraps on a phone instead of widening the page: the red-team
 * pass found the home list, the session page and search results scrolling sideways at 390 px.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, openPage, screenshot, useBrowserApp, viewports, watchPage } from './support';

const LONG = 'گزارش_نهایی_طرح_واگذاری_مراکز_آموزشی_به_بخش_غیردولتی_استان_آذربایجان_شرقی';
const LINK = 'https://example.org/reports/1405/outsourcing-of-training-centres-final-version.pdf';

let folder = '';

const app = useBrowserApp(() => {
  folder = mkdtempSync(join(tmpdir(), 'neshast-long-words-'));
  const session = {
    slug: 'long-words',
    title: `نشست ${LONG} ${LINK}`,
    kind: 'meeting',
    // Newer than the sample content, so it comes first on the home page.
    heldOn: '2026-11-01',
    series: `مجموعهٔ ${LONG}`,
    tags: [LONG, LINK],
    paragraphs: [{ text: `در این نشست ${LONG} بررسی شد و پیوند ${LINK} به همه فرستاده شد.`, speaker: 'مریم احمدی' }],
  };
  const file = join(folder, 'long-words.jsonl');
  writeFileSync(file, `${JSON.stringify(session)}\n`);
  return { content: [resolve('content'), file] };
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('long unbroken words on a phone', () => {
  it('wrap in the home list, on the session page and in search results, with no sideways scrolling', async () => {
    const page = await openPage(app.browser, { viewport: viewports.phone, isMobile: true });
    const problems = watchPage(page);
    await app.server.signIn(page, { role: 'staff' });
    const overflows: Record<string, number> = {};
    for (const [name, path] of [
      ['home', '/'],
      ['session', '/sessions/long-words'],
      ['search', `/search?q=${encodeURIComponent('واگذاری مراکز آموزشی')}`],
    ] as const) {
      await page.goto(`${app.server.url}${path}`);
      await page.getByText(LONG).first().waitFor();
      await screenshot(page, `long-words-${name}-390`);
      overflows[name] = await horizontalOverflow(page);
    }
    expect(overflows).toEqual({ home: 0, session: 0, search: 0 });
    expect(problems).toEqual([]);
  });
});
