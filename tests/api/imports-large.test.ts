/**
 * A huge import's review stays small and is not recomputed (red-team findings): `'باید\n' × 100,000`
 * made 99,999 repairs, a 16 MB draft on every POST and GET, and each GET repaired the source again
 * in the worker (6.4 s at 500k characters). Now the import stores its repairs summarised (counts
 * per kind, the first ones listed) and a GET reads them; a text with more suggestions than a draft
 * can be reviewed with (20,000 lines, one directive each, made a 12 MB draft) is refused. Real app,
 * real database file, real worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedExtractionRunner } from '../../server/imports/extraction-runner';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');

interface Repair {
  kind: string;
  line: number;
  start: number | null;
  end: number | null;
}
interface Draft {
  slug: string;
  text: string;
  repairs: Repair[];
  repairCounts: { total: number; byKind: Record<string, number>; listed: number };
  paragraphs: Array<{ text: string }>;
}

let t: TestContext;
let asManager: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  asManager = t.as(await t.signIn({ role: 'manager' }));
}, 60_000);
afterAll(async () => t.close());

async function importText(text: string, heldOn: string): Promise<{ status: number; bytes: number; draft: Draft }> {
  const res = await asManager('/api/imports', { method: 'POST', json: { text, heldOn } });
  const raw = await res.text();
  expect(res.status, raw.slice(0, 300)).toBeLessThan(300);
  return { status: res.status, bytes: Buffer.byteLength(raw), draft: JSON.parse(raw) as Draft };
}

describe('a huge import’s draft', () => {
  it('of 100,000 broken lines is counted per kind and lists only the first repairs, on POST and GET alike', async () => {
    const text = 'باید\n'.repeat(100_000);
    const posted = await importText(text, '1399-11-01');
    expect(posted.status).toBe(201);
    const { draft } = posted;
    expect(draft.repairCounts.total).toBe(99_999);
    expect(Object.values(draft.repairCounts.byKind).reduce((a, b) => a + b, 0)).toBe(99_999);
    expect(draft.repairs.length).toBe(draft.repairCounts.listed);
    expect(draft.repairs.length).toBeLessThanOrEqual(200);
    expect(draft.repairs.length).toBeGreaterThan(0);
    // The source, the body and its paragraph are ~0.9 MB each in UTF-8; the repairs were 13 MB more.
    expect(posted.bytes).toBeLessThan(4 * 1024 * 1024);

    const res = await asManager(`/api/imports/${draft.slug}`);
    const raw = await res.text();
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(raw)).toBeLessThan(4 * 1024 * 1024);
    const got = JSON.parse(raw) as Draft;
    expect(got.repairCounts).toEqual(draft.repairCounts);
    expect(got.repairs).toEqual(draft.repairs);
  }, 120_000);

  it('suggests no quote longer than a reviewer may mark, however long a run without punctuation is', async () => {
    const { draft } = await importText(`آغاز\n${'باید\n'.repeat(100_000)}`, '1399-11-05');
    const quotes = (draft as Draft & { suggestions: Array<{ quote: string; start: number; end: number }> }).suggestions;
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(q.quote.length).toBeLessThanOrEqual(3_000);
      expect(draft.text.slice(q.start, q.end)).toBe(q.quote);
    }
  }, 120_000);

  it('keeps /api/health answering while it is read and extracted (a request must never block the others)', async () => {
    const importing = importText(`سلامت\n${'باید\n'.repeat(100_000)}`, '1399-11-06');
    let settled = false;
    void importing.finally(() => (settled = true));
    const waits: number[] = [];
    while (!settled) {
      const started = performance.now();
      expect((await t.request('/api/health')).status).toBe(200);
      waits.push(performance.now() - started);
      await new Promise((next) => setTimeout(next, 20));
    }
    await importing;
    // The import takes seconds (most of it in the worker thread); each health answer waits far less.
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(1_000);
  }, 120_000);

  it('is read on GET from what the import stored, not repaired again; a draft stored without it is repaired once', async () => {
    const runner = sharedExtractionRunner();
    const { draft } = await importText(SEED, '1399-11-02');
    const reversed = draft.repairs.filter((r) => r.kind === 'reversed-line' && r.start !== null);
    expect(reversed.length).toBeGreaterThan(0);

    const repairs = vi.spyOn(runner, 'repairs');
    try {
      const got = (await (await asManager(`/api/imports/${draft.slug}`)).json()) as Draft;
      expect(got.repairs).toEqual(draft.repairs);
      expect(got.repairCounts).toEqual(draft.repairCounts);
      expect(repairs).not.toHaveBeenCalled();

      // A draft imported before the repairs were stored: the first GET repairs it in the worker and keeps the result.
      await t.database.client.execute({ sql: 'DELETE FROM import_repairs WHERE session_id = (SELECT id FROM sessions WHERE slug = ?)', args: [draft.slug] });
      const legacy = (await (await asManager(`/api/imports/${draft.slug}`)).json()) as Draft;
      expect(legacy.repairs).toEqual(draft.repairs);
      expect(repairs).toHaveBeenCalledTimes(1);
      await asManager(`/api/imports/${draft.slug}`);
      expect(repairs).toHaveBeenCalledTimes(1);
    } finally {
      repairs.mockRestore();
    }
  }, 120_000);

  it('refuses a text with more suggested directives than one draft can be reviewed with, in Persian, and writes nothing', async () => {
    const count = async () => Number((await t.database.client.execute('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM directives) AS n')).rows[0]?.n);
    const before = await count();
    const lines = Array.from({ length: 1_100 }, (_, i) => `استان شماره ${i + 1} باید برنامه را ظرف دو هفته به سازمان ارسال کند.`);
    const res = await asManager('/api/imports', { method: 'POST', json: { text: lines.join('\n'), heldOn: '1399-11-04' } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('too_many_suggestions');
    expect(error.message).toMatch(/در چند بخش کوچک‌تر درون‌ریزی کنید/);
    expect(error.message).toContain('۱٬۰۰۰');
    expect(await count()).toBe(before);
  }, 120_000);

  it('drops the stored spans once the body no longer is the one they point into', async () => {
    const { draft } = await importText(`${SEED}\n`, '1399-11-03');
    await t.database.client.execute({ sql: "UPDATE sessions SET body = body || ' ' WHERE slug = ?", args: [draft.slug] });
    const got = (await (await asManager(`/api/imports/${draft.slug}`)).json()) as Draft;
    expect(got.repairCounts).toEqual(draft.repairCounts);
    expect(got.repairs.every((r) => r.start === null && r.end === null)).toBe(true);
  }, 120_000);
});
