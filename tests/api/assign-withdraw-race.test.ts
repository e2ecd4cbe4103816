/**
 * An assignment racing a withdrawal: the service checks the session, then the withdrawal commits, then
 * the actions are inserted. The insert itself must refuse a directive whose session is no longer
 * published, or a withdrawn session gains open actions (found by the start-up repair only at the next
 * start). Failed before the fix: the late insert created three open actions on the withdrawn session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectivesRepo } from '../../server/directives/directives.repo';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SLUG = 'tvto-outsourcing-webinar-2';

let t: TestContext;
let manager: TestRequest;
let directiveId: number;

beforeAll(async () => {
  t = await createTestContext({ now: '2021-04-20T08:00:00Z' });
  await t.ingestContent();
  manager = t.as(await t.signIn({ role: 'manager' }));
  const session = await expectJson<{ version: number; directives: Array<{ id: number }> }>(await manager(`/api/sessions/${SLUG}`), 200);
  directiveId = session.directives[0]?.id ?? 0;
  await expectJson(await manager(`/api/sessions/${SLUG}/withdraw`, { method: 'POST', json: { version: session.version, reason: 'آزمون هم‌زمانی' } }), 200);
});
afterAll(async () => {
  await t.close();
});

describe('assigning a directive whose session was withdrawn meanwhile', () => {
  it('creates no action, no audit entry and no notice when the insert runs after the withdrawal', async () => {
    const count = async (sql: string) => Number((await t.database.client.execute({ sql, args: [directiveId] })).rows[0]?.n ?? 0);
    const before = {
      actions: await count('SELECT count(*) AS n FROM action_items WHERE directive_id = ?'),
      notices: await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'assigned' AND action_id IN (SELECT id FROM action_items WHERE directive_id = ?)`),
    };
    const repo = createDirectivesRepo(t.database);
    const created = await repo.createActions({
      directiveId,
      unitCodes: ['prov-tehran', 'prov-fars', 'prov-isfahan'],
      dueOn: '1400-03-15',
      recipientCode: null,
      priority: 'normal',
      now: t.clock.now().toISOString(),
      actorId: 1,
    });
    expect(created).toBeNull();
    expect(await count('SELECT count(*) AS n FROM action_items WHERE directive_id = ?')).toBe(before.actions);
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'assigned' AND action_id IN (SELECT id FROM action_items WHERE directive_id = ?)`)).toBe(before.notices);
  });

  it('answers the assignment itself with 409 session_withdrawn', async () => {
    const res = await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: ['prov-tehran'], dueOn: '1400-03-15' } });
    const body = await expectJson<{ error: { code: string } }>(res, 409);
    expect(body.error.code).toBe('session_withdrawn');
  });
});
