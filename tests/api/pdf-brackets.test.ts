/**
 * Brackets and guillemets in a Persian PDF (walkthrough finding): Chromium draws «ماده ۲۷» and
 * (پیوست ۲) in a right-to-left line with mirrored glyphs, and its text layer names the glyph drawn,
 * so the draft read »ماده ۲۷« and )پیوست ۲( — in the review, the session page and search. LibreOffice
 * names the logical character; its PDFs must read the same as before. Real app, real worker, PDFs
 * made here by Chromium and LibreOffice (LibreOffice's lam-alef, which read reversed, has its own
 * test: pdf-libreoffice.test.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/support';
import { libreOfficePdf, makeDocx, printPdf, sameLetters, writeUpHtml, type WriteUp } from '../support/documents';
import { uploadDocument } from '../support/document-upload';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const DOC: WriteUp = {
  title: 'بخشنامهٔ فروش دارایی‌ها (نسخهٔ نهایی)',
  paragraphs: [
    'در نشست مدیران کل استان‌ها که روز یکم بهمن ۱۳۹۹ برگزار شد، روند فروش دارایی‌های مازاد بررسی شد.',
    'استان‌ها می‌توانند دارایی‌های مازاد را طبق «ماده ۲۷» قانون [الحاقی] و از راه شورای برنامه‌ریزی (پیوست ۲) بفروشند.',
    'الف) فهرست دارایی‌ها؛ ب) برنامهٔ زمان‌بندی (با نظر ستاد).',
  ],
};
const LINES = ['(نسخهٔ نهایی)', '«ماده ۲۷»', '[الحاقی]', '(پیوست ۲)', 'الف) فهرست دارایی‌ها؛ ب)', '(با نظر ستاد)'];

async function importPdf(as: TestRequest, name: string, pdf: Buffer): Promise<{ title: string; text: string }> {
  const job = await uploadDocument(as, name, pdf, { timeoutMs: 60_000 });
  expect(job.error, JSON.stringify(job.error)).toBeNull();
  const draft = (await (await as(`/api/imports/${job.slug}`)).json()) as { title: string; text: string };
  return { title: sameLetters(draft.title), text: sameLetters(draft.text) };
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

describe('brackets in a Persian PDF', () => {
  it('read the right way round from a Chromium PDF, which draws them mirrored', async () => {
    const draft = await importPdf(manager, 'chromium.pdf', await printPdf(browser, writeUpHtml(DOC)));
    const all = `${draft.title}\n${draft.text}`;
    for (const line of LINES) expect(all).toContain(line);
    expect(all).not.toMatch(/»ماده|\)پیوست|\]الحاقی/u);
  }, 90_000);

  it('read as before from a LibreOffice PDF, which names the logical characters', async () => {
    const draft = await importPdf(manager, 'libreoffice.pdf', await libreOfficePdf('circular.docx', await makeDocx(DOC)));
    const all = `${draft.title}\n${draft.text}`;
    for (const line of LINES) expect(all).toContain(line);
  }, 180_000);
});
