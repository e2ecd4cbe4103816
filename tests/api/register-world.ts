/**
 * @module A register world built through the real API as managers and directors would: the sample
 * content, an import published with one confirmed and one rejected directive (1400-05-01), another
 * import left as a draft, and actions in every state. On 2021-08-01 (1400-05-10, `REGISTER_TODAY`):
 *
 * | directive (anchor)                  | session year | actions                                  | states                              |
 * |-------------------------------------|--------------|------------------------------------------|-------------------------------------|
 * | operational-programmes-1400         | 1399         | Tehran verified late, Fars cancelled     | done, done_late                     |
 * | operational-programmes-followup     | 1400         | Tehran reported on, Fars no report       | open, overdue (due 2021-04-20)      |
 * | property-sales-progress-report      | 1400         | East Azarbaijan awaiting verification    | open, awaiting_verification         |
 * | workplace-training-partners         | 1400         | Ardabil verified on time                 | done, done_on_time                  |
 * | property-sales-report-extended      | 1400         | Tehran cancelled                         | cancelled                           |
 * | every other published one           |              | none                                     | not_assigned                        |
 */
import { expect } from 'vitest';
import { expectJson } from '../support/responses';
import type { TestContext, TestRequest } from '../support/test-app';

export const REGISTER_TODAY = '2021-08-01T08:00:00Z';
/** Words only in the imports' directives: the published one, the rejected one, the draft one. */
export const PUBLISHED_WORD = 'گلپونه';
export const REJECTED_WORD = 'نیلوفرآبی';
export const DRAFT_WORD = 'زرینه‌پوش';

export interface RegisterWorld {
  manager: TestRequest;
  director: TestRequest;
  staff: TestRequest;
  /** Directive id by anchor (sample content) or by the import word. */
  id: Record<string, number>;
  importedSlug: string;
}

interface ActionJson {
  id: number;
  version: number;
  unit: { code: string };
}

export async function buildRegisterWorld(t: TestContext): Promise<RegisterWorld> {
  t.clock.set('2021-04-12T08:00:00Z');
  await t.ingestContent(['content']);
  const manager = t.as(await t.signIn({ role: 'manager', username: 'register-setup' }));
  const id: Record<string, number> = {};
  for (const row of (await t.database.client.execute('SELECT id, anchor FROM directives')).rows) id[String(row.anchor)] = Number(row.id);

  // An import published with one directive confirmed and the other rejected.
  const imported = await expectJson<{ slug: string; suggestions: Array<{ id: number; version: number; quote: string }> }>(
    await manager('/api/imports', {
      json: {
        title: 'نشست سامانه‌ها',
        heldOn: '1400-05-01',
        text: `استان‌ها موظفند ظرف دو هفته گزارش عملکرد سامانه ${PUBLISHED_WORD} را به سازمان برنامه و بودجه ارسال کنند.\n\nمدیران کل استان‌ها موظفند ظرف یک ماه فهرست کارگاه‌های ${REJECTED_WORD} را به دفتر آموزش ارسال کنند.`,
      },
    }),
    201,
  );
  const keep = imported.suggestions.find((s) => s.quote.includes(PUBLISHED_WORD));
  expect(keep, JSON.stringify(imported.suggestions)).toBeDefined();
  expect(imported.suggestions.some((s) => s.quote.includes(REJECTED_WORD))).toBe(true);
  // Confirmed without a due date: publishing assigns the unit confirmed in review only with a due date (issue 14), so this one stays not assigned.
  await expectJson(await manager(`/api/imports/${imported.slug}/directives/${keep?.id}`, { method: 'PATCH', json: { version: keep?.version, review: 'confirmed', due: null } }), 200);
  await expectJson(await manager(`/api/imports/${imported.slug}/publish`, { json: { rejectUnreviewed: true } }), 200);
  id[PUBLISHED_WORD] = keep?.id ?? 0;

  // An import left as a draft.
  await expectJson(
    await manager('/api/imports', { json: { heldOn: '1400-04-01', text: `استان‌ها موظفند ظرف ده روز طرح ${DRAFT_WORD} را به سازمان ارسال کنند.` } }),
    201,
  );

  const assign = async (anchor: string, units: string[], dueOn?: string) => {
    const body = await expectJson<{ created: ActionJson[] }>(await manager(`/api/directives/${id[anchor]}/assignments`, { json: { units, dueOn } }), 201);
    return new Map(body.created.map((a) => [a.unit.code, a.id]));
  };
  const version = async (actionId: number) => (await expectJson<ActionJson>(await manager(`/api/actions/${actionId}`), 200)).version;
  const report = async (actionId: number, json: Record<string, unknown>) =>
    expectJson(await manager(`/api/actions/${actionId}/follow-ups`, { json: { version: await version(actionId), ...json } }), 201);
  const step = async (actionId: number, transition: string, reason?: string) =>
    expectJson(await manager(`/api/actions/${actionId}/transitions`, { json: { version: await version(actionId), transition, reason } }), 200);
  const verify = async (actionId: number) => {
    await report(actionId, { note: 'نامه ارسال شد', letterNumber: '۱۲۳/۴۵', progress: 100 });
    await step(actionId, 'request_verification');
    await step(actionId, 'verify');
  };

  const programmes = await assign('operational-programmes-1400', ['prov-tehran', 'prov-fars'], '2021-02-03');
  await verify(programmes.get('prov-tehran') ?? 0);
  await step(programmes.get('prov-fars') ?? 0, 'cancel', 'ادغام با برنامه استان');

  const followup = await assign('operational-programmes-followup', ['prov-tehran', 'prov-fars']);
  await report(followup.get('prov-tehran') ?? 0, { note: 'در حال تهیه', progress: 40 });

  const progressReport = await assign('property-sales-progress-report', ['prov-east-azarbaijan'], '2021-09-01');
  const east = progressReport.get('prov-east-azarbaijan') ?? 0;
  await report(east, { note: 'گزارش پیوست شد', letterNumber: '۹۸/۷', progress: 90 });
  await step(east, 'request_verification');

  const workplace = await assign('workplace-training-partners', ['prov-ardabil']);
  await verify(workplace.get('prov-ardabil') ?? 0);

  const extended = await assign('property-sales-report-extended', ['prov-tehran']);
  await step(extended.get('prov-tehran') ?? 0, 'cancel', 'تکراری');

  // Sign-in sessions expire over the months the clock moves: the readers sign in on the day.
  t.clock.set(REGISTER_TODAY);
  return {
    manager: t.as(await t.signIn({ role: 'manager', username: 'register-manager' })),
    director: t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan', username: 'register-director' })),
    staff: t.as(await t.signIn({ role: 'staff', username: 'register-staff' })),
    id,
    importedSlug: imported.slug,
  };
}
