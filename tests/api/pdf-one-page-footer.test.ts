/**
 * A one-page circular printed by Chromium with a page footer (walkthrough finding): «صفحهٔ ۱ از ۱»
 * stayed as the last paragraph of the session, since a footer is known by repeating on other pages
 * and the bare page-number rule missed «هٔ» (and the presentation forms a PDF gives). Real app, real
 * worker, the PDF printed here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/support';
import { printPdf, sameLetters, writeUp, writeUpHtml } from '../support/documents';
import { uploadDocument } from '../support/document-upload';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

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
    const job = await uploadDocument(manager, 'one-page.pdf', pdf);
    expect(job.error).toBeNull();
    const draft = (await (await manager(`/api/imports/${job.slug}`)).json()) as { text: string; document: { pageCount: number; runningLines: string[] } };
    expect(draft.document.pageCount).toBe(1);
    expect(sameLetters(draft.text)).not.toMatch(/صفحهٔ\s*\d+\s*از/u);
    expect(draft.document.runningLines.map(sameLetters).some((l) => /^صفحهٔ \d+ از \d+$/u.test(l))).toBe(true);
  }, 90_000);
});
