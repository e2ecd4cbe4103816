/**
 * A series name or a speaker typed on an Arabic keyboard layout (ي، ك) is the same series and the
 * same person (walkthrough finding): a write-up imported into «وبينارهاي واگذاري امور به بخش غير
 * دولتي» was stored with Arabic letters, so its carry-over found none of the open actions of the
 * earlier webinars of «وبینارهای واگذاری امور به بخش غیر دولتی»; a correction stored «حسين فيروزي»
 * beside «حسین فیروزی». Real app, real database, the sample content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SERIES = 'وبینارهای واگذاری امور به بخش غیر دولتی';
const TYPED_SERIES = SERIES.replace(/ی/g, 'ي');
const TEXT = 'سومین وبینار واگذاری امور برگزار شد.\nمدیران کل استان‌ها باید ظرف دو هفته گزارش پیشرفت را به ستاد ارسال کنند.';

let t: TestContext;
let manager: TestRequest;

beforeAll(async () => {
  t = await createTestContext({ now: '2021-06-01T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager' }));
  const row = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
  await expectJson(await manager(`/api/directives/${Number(row.rows[0]?.id)}/assignments`, { json: { units: ['prov-ardabil'], dueOn: '1400-02-01' } }), 201);
}, 60_000);
afterAll(async () => t.close());

describe('a series and speakers typed with Arabic ي and ك', () => {
  it('are stored with Persian letters, so the imported session carries over its series’ open actions', async () => {
    const draft = await expectJson<{ slug: string; series: string | null }>(
      await manager('/api/imports', { method: 'POST', json: { text: TEXT, heldOn: '۱۴۰۰/۰۳/۰۱', series: TYPED_SERIES, title: 'سومين وبينار' } }),
      201,
    );
    expect(draft.series).toBe(SERIES);
    await expectJson(await manager(`/api/imports/${draft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } }), 200);
    const carried = await expectJson<{ directives: Array<{ directive: { anchor: string } }> }>(await manager(`/api/sessions/${draft.slug}/carry-over`), 200);
    expect(carried.directives.map((d) => d.directive.anchor)).toContain('property-sales-3-months');
  });

  it('in a correction are stored with Persian letters', async () => {
    const session = await expectJson<{ version: number }>(await manager('/api/sessions/tvto-outsourcing-webinar-2'), 200);
    await expectJson(
      await manager('/api/sessions/tvto-outsourcing-webinar-2', { method: 'PATCH', json: { version: session.version, series: TYPED_SERIES, speakers: ['حسين فيروزي', 'مريم احمدي'], tags: ['املاك'] } }),
      200,
    );
    const corrected = await expectJson<{ series: string; speakers: string[]; tags: string[] }>(await manager('/api/sessions/tvto-outsourcing-webinar-2'), 200);
    expect(corrected).toMatchObject({ series: SERIES, speakers: ['حسین فیروزی', 'مریم احمدی'], tags: ['املاک'] });
  });
});
