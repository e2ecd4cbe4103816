/**
 * U+0000 in a JSON string (a stray NUL in text copied from a PDF or another program): libSQL
 * stores it but reads the text back cut at it, so the red-team pass saw a follow-up note
 * «nul\u0000 … end» read back as «nul» and an import lose every word after the NUL, in its
 * body and in its original alike. The NUL is dropped on the way in; the rest is kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Detail {
  version: number;
  timeline: Array<{ note: string | null }>;
}

describe('a NUL character in JSON text', () => {
  let t: TestContext;
  let asManager: TestRequest;

  beforeEach(async () => {
    t = await createTestContext();
    await t.ingestContent();
    asManager = t.as(await t.signIn({ role: 'manager' }));
  });
  afterEach(async () => t.close());

  it('is dropped from a pasted import, and the text after it is kept in the body and the original', async () => {
    const raw = '{"title":"نشست با نویسهٔ تهی","text":"بند نخست پیش از نویسهٔ تهی.\\u0000 بند دوم که نباید گم شود: مدیران کل استان‌ها باید تا پایان ماه گزارش بفرستند."}';
    const created = await asManager('/api/imports', { method: 'POST', body: raw });
    expect(created.status).toBe(201);
    const { slug } = (await created.json()) as { slug: string };
    const draft = (await (await asManager(`/api/imports/${slug}`)).json()) as { text: string; original: string; suggestions: Array<{ quote: string; end: number }> };
    expect(draft.original).toBe('بند نخست پیش از نویسهٔ تهی. بند دوم که نباید گم شود: مدیران کل استان‌ها باید تا پایان ماه گزارش بفرستند.');
    expect(draft.text).toContain('بند دوم که نباید گم شود');
    for (const s of draft.suggestions) expect(draft.text.length).toBeGreaterThanOrEqual(s.end);
  });

  it('is dropped from a follow-up note, and a typed backslash-u0000 (six characters) is kept as written', async () => {
    const asDirector = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
    await asManager('/api/directives/1/assignments', { method: 'POST', json: { units: ['prov-east-azarbaijan'], dueOn: '1399-12-01' } });
    const list = (await (await asDirector('/api/actions/mine')).json()) as { items: Array<{ id: number }> };
    const id = list.items[0]?.id;
    expect(id).toBeDefined();
    const posted = await asDirector(`/api/actions/${id}/follow-ups`, { method: 'POST', body: '{"note":"پیش\\u0000 پس؛ مسیر C:\\\\u0000 همان‌طور که نوشته شد"}' });
    expect(posted.status).toBe(201);
    const detail = (await (await asDirector(`/api/actions/${id}`)).json()) as Detail;
    expect(detail.timeline.map((f) => f.note)).toContain('پیش پس؛ مسیر C:\\u0000 همان‌طور که نوشته شد');

    // The same note sent as multipart (the form with files) keeps its end too.
    const form = new FormData();
    form.set('note', 'چندبخشی\u0000 پس از نویسهٔ تهی');
    expect((await asDirector(`/api/actions/${id}/follow-ups`, { method: 'POST', body: form })).status).toBe(201);
    const again = (await (await asDirector(`/api/actions/${id}`)).json()) as Detail;
    expect(again.timeline.map((f) => f.note)).toContain('چندبخشی پس از نویسهٔ تهی');
  });
});
