/**
 * A one-page circular printed by Chromium with a page footer (walkthrough finding): «صفحهٔ ۱ از ۱»
 * stayed as the last paragraph of the session, since a footer is known by repeating on other pages
 * and the bare page-number rule missed «هٔ» (and the presentation forms a PDF gives). Real app, real
 * worker, the PDF printed here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/support';
import { HELD_ON, printPdf, sameLetters, writeUp, writeUpHtml } from '../support/documents';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Job {
  id: string;
  state: string;
  slug: string | null;
  error: unknown;
}

let ctx: TestContext;
let manager: TestRequest;
let browser: Browser;

beforeAll(async () => {
  [ctx, browser] = await Promise.all([createTestContext(), launchBrowser()]);
  manager = ctx.as(await ctx.signIn({ role: 'manager' }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe('a one-page PDF with a page footer', () => {
  it('has the footer taken out of its text and named among the lines removed', async () => {
    const pdf = await printPdf(browser, writeUpHtml(writeUp()), { headerFooter: true });
    const data = new FormData();
    data.set('file', new File([new Uint8Array(pdf)], 'one-page.pdf', { type: 'application/pdf' }));
    data.set('heldOn', HELD_ON);
    const started = await manager('/api/imports', { method: 'POST', body: data });
    expect(started.status).toBe(202);
    let job = (await started.json()) as Job;
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await manager(`/api/imports/jobs/${job.id}`)).json()) as Job;
    }
    expect(job.error).toBeNull();
    const draft = (await (await manager(`/api/imports/${job.slug}`)).json()) as { text: string; document: { pageCount: number; runningLines: string[] } };
    expect(draft.document.pageCount).toBe(1);
    expect(sameLetters(draft.text)).not.toMatch(/صفحهٔ\s*\d+\s*از/u);
    expect(draft.document.runningLines.map(sameLetters).some((l) => /^صفحهٔ \d+ از \d+$/u.test(l))).toBe(true);
  }, 90_000);
});
