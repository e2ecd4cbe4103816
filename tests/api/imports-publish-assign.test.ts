/**
 * Import and publish, once (issue 14, item 5): the unit confirmed on a suggestion during review gets
 * its action when the session is published, the publish summary says so, and the unit is told; a
 * confirmed unit without a due date is named in the summary instead of getting an action silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
interface Draft {
  slug: string;
  suggestions: Array<{ id: number; version: number; kind: string; origin: string; review: string }>;
}

let t: TestContext;
let manager: TestRequest;
let director: TestRequest;

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-25T08:00:00Z' });
  manager = t.as(await t.signIn({ role: 'manager' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
});

afterAll(async () => {
  await t.close();
});

describe('publishing assigns what review confirmed', () => {
  it('creates the action for the confirmed unit, says so, and tells the unit', async () => {
    const draft = await expectJson<Draft>(await manager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: '1399-11-01', title: 'وبینار' } }), 201);
    const base = `/api/imports/${draft.slug}`;
    // The first two in the text, confirmed as actions (a candidate may be confirmed too).
    const actionable = [...draft.suggestions].sort((a, b) => a.id - b.id);
    const [withDue, withoutDue] = actionable;
    if (!withDue || !withoutDue) throw new Error('the seed has at least two actionable suggestions');
    await expectJson(await manager(`${base}/directives/${withDue.id}`, { method: 'PATCH', json: { version: withDue.version, kind: 'action', assignee: 'prov-tehran', due: '۱۳۹۹/۱۱/۲۰', review: 'confirmed' } }), 200);
    await expectJson(await manager(`${base}/directives/${withoutDue.id}`, { method: 'PATCH', json: { version: withoutDue.version, kind: 'action', assignee: 'prov-fars', due: null, review: 'confirmed' } }), 200);
    const published = await expectJson<{ published: number; assigned: unknown[]; notAssigned: Array<{ directiveId: number; unitCode: string; reason: string }> }>(
      await manager(`${base}/publish`, { method: 'POST', json: { rejectUnreviewed: true } }),
      200,
    );
    expect(published.published).toBe(2);
    expect(published.assigned).toEqual([{ directiveId: withDue.id, unitCode: 'prov-tehran', actions: 1 }]);
    expect(published.notAssigned).toEqual([{ directiveId: withoutDue.id, unitCode: 'prov-fars', reason: expect.stringContaining('مهلت') }]);

    const mine = await expectJson<{ items: Array<{ directive: { id: number }; dueOn: string }> }>(await director('/api/actions/mine'), 200);
    expect(mine.items.map((a) => [a.directive.id, a.dueOn])).toEqual([[withDue.id, '2021-02-08']]);
    const told = await expectJson<{ items: Array<{ kind: string }> }>(await director('/api/notifications?kind=assigned'), 200);
    expect(told.items).toHaveLength(1);
    const fars = await expectJson<{ total: number }>(await manager(`/api/actions?directive=${withoutDue.id}`), 200);
    expect(fars.total).toBe(0);
  });
});
