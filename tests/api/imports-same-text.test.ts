/**
 * Importing a write-up whose text another session or draft already holds (issue 14, item 5): the
 * draft names them, with links, so a second copy is not published silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
interface Draft {
  slug: string;
  sameText: Array<{ slug: string; title: string; status: string; link: string }>;
}

let t: TestContext;
let manager: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  manager = t.as(await t.signIn({ role: 'manager' }));
});

afterAll(async () => {
  await t.close();
});

describe('the same text imported twice', () => {
  it('names the earlier draft, with a link, on the second import and on the first', async () => {
    const first = await expectJson<Draft>(await manager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: '1399-11-01', title: 'نسخهٔ نخست' } }), 201);
    expect(first.sameText).toEqual([]);
    const second = await expectJson<Draft>(await manager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: '1399-11-01', title: 'نسخهٔ دوم' } }), 201);
    expect(second.slug).not.toBe(first.slug);
    expect(second.sameText).toEqual([{ slug: first.slug, title: 'نسخهٔ نخست', status: 'draft', link: `/imports/${first.slug}` }]);
    const again = await expectJson<Draft>(await manager(`/api/imports/${first.slug}`), 200);
    expect(again.sameText.map((s) => s.slug)).toEqual([second.slug]);
  });

  it('does not warn for a different text', async () => {
    const other = await expectJson<Draft>(
      await manager('/api/imports', { method: 'POST', json: { text: 'مدیرکل دفتر برنامه‌ریزی گفت: استان‌ها باید تا پایان ماه گزارش عملکرد را بفرستند.', title: 'متن دیگر' } }),
      201,
    );
    expect(other.sameText).toEqual([]);
  });

  it('lists the drafts for managers («پیش‌نویس‌ها»), newest first, and not for directors', async () => {
    const list = await expectJson<{ items: Array<{ title: string; link: string; suggestions: number }> }>(await manager('/api/imports'), 200);
    expect(list.items.map((d) => d.title)).toEqual(['متن دیگر', 'نسخهٔ دوم', 'نسخهٔ نخست']);
    expect(list.items[1]?.suggestions).toBeGreaterThan(0);
    const director = t.as(await t.signIn({ role: 'director' }));
    expect((await director('/api/imports')).status).toBe(403);
  });
});
