/**
 * One-line fields take what a person pastes: a trailing newline, a line break, a tab or a bidi
 * control in a title, series, speaker, deadline phrase, reference, display name or letter number
 * is stored as one clean line (server/security/one-line.ts), never with the break inside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { SEED_SESSION } from '../support/sample-content';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
let admin: TestRequest;
beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-20T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager' }));
  admin = t.as(await t.signIn({ role: 'admin' }));
});
afterAll(async () => {
  await t.close();
});

interface Draft {
  slug: string;
  title: string;
  series: string | null;
  suggestions: Array<{ id: number; version: number; speaker: string | null; dueRule: string | null; refs: string[] }>;
}

const TEXT = 'استان‌ها موظفند ظرف دو هفته گزارش عملکرد را به سازمان برنامه و بودجه ارسال کنند.';

describe('one-line fields (red-team finding: titles kept CR/LF and other controls)', () => {
  it('stores an imported title and series pasted with line breaks as one line', async () => {
    const draft = await expectJson<Draft>(
      await manager('/api/imports', { json: { text: TEXT, title: 'نشست شورای برنامه‌ریزی\r\nاستان\u2028تهران\n', series: '\u202Eنشست‌های\tفصلی\n' } }),
      201,
    );
    expect(draft.title).toBe('نشست شورای برنامه‌ریزی استان تهران');
    expect(draft.series).toBe('نشست‌های فصلی');
  });

  it('does the same for the fields of an uploaded file', async () => {
    const form = new FormData();
    form.set('file', new Blob([`${TEXT} دوم`], { type: 'text/plain' }), 'report.txt');
    form.set('title', 'گزارش\r\nفصلی\n');
    form.set('series', 'سری\nدوم');
    const draft = await expectJson<Draft>(await manager('/api/imports', { method: 'POST', body: form }), 201);
    expect(draft).toMatchObject({ title: 'گزارش فصلی', series: 'سری دوم' });
  });

  it('does the same for a title in markdown front matter', async () => {
    const markdown = ['---', 'slug: one-line-title', 'title: "عنوان\\nدو خطی"', '---', '', TEXT, ''].join('\n');
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { format: 'markdown', text: markdown } }), 201);
    expect(draft.title).toBe('عنوان دو خطی');
  });

  it('keeps a review’s speaker, deadline phrase and references on one line', async () => {
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { text: `${TEXT} سوم`, heldOn: '1399-11-01' } }), 201);
    const s = draft.suggestions[0];
    if (!s) throw new Error('the text has a directive');
    const saved = await expectJson<Draft['suggestions'][number]>(
      await manager(`/api/imports/${draft.slug}/directives/${s.id}`, {
        method: 'PATCH',
        json: { version: s.version, speaker: 'حسین\nفیروزی\n', dueRule: 'ظرف\r\nدو هفته', refs: ['ماده\n۲۷', '\n'] },
      }),
      200,
    );
    expect(saved).toMatchObject({ speaker: 'حسین فیروزی', dueRule: 'ظرف دو هفته', refs: ['ماده ۲۷'] });
  });

  it('keeps a corrected title, series and speakers on one line, and an all-breaks title is refused as empty', async () => {
    const session = await expectJson<{ version: number }>(await manager(`/api/sessions/${SEED_SESSION.slug}`), 200);
    const empty = await expectJson<{ error: { code: string } }>(
      await manager(`/api/sessions/${SEED_SESSION.slug}`, { method: 'PATCH', json: { version: session.version, title: '\r\n\t\n' } }),
      422,
    );
    expect(empty.error.code).toBe('title_required');
    await expectJson(
      await manager(`/api/sessions/${SEED_SESSION.slug}`, {
        method: 'PATCH',
        json: { version: session.version, title: 'وبینار واگذاری\nامور\n', series: 'وبینارها\r\n', speakers: ['حسین\nفیروزی'], reason: 'آزمون' },
      }),
      200,
    );
    const now = await expectJson<{ title: string; series: string | null; speakers: string[] }>(await manager(`/api/sessions/${SEED_SESSION.slug}`), 200);
    expect(now).toMatchObject({ title: 'وبینار واگذاری امور', series: 'وبینارها', speakers: ['حسین فیروزی'] });
  });

  it('keeps a user’s display name on one line', async () => {
    const created = await expectJson<{ user: { displayName: string } }>(
      await admin('/api/users', { json: { username: 'one-line-user', displayName: 'مدیر\r\nستاد\n', role: 'staff' } }),
      201,
    );
    expect(created.user.displayName).toBe('مدیر ستاد');
  });
});
