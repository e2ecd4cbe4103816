/**
 * Withdrawing a published session is one write: the session and the cancellation of its open actions
 * (each with its follow-up, audit entry and the unit's notification) commit together or not at all.
 * A failure injected in the middle (a trigger that refuses the second cancellation's notification)
 * leaves the session published and every action open; the retry then does the whole withdrawal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SLUG = 'tvto-outsourcing-webinar-2';
const UNITS = ['prov-tehran', 'prov-fars', 'prov-isfahan'];

interface Detail {
  version: number;
  status: string;
  directives: Array<{ id: number }>;
}

let t: TestContext;
let manager: TestRequest;
let staff: TestRequest;
let directiveId: number;

const actionsOf = async (id: number) =>
  (await t.database.client.execute({ sql: 'SELECT id, status, version FROM action_items WHERE directive_id = ? ORDER BY id', args: [id] })).rows.map((r) => ({
    id: Number(r.id),
    status: String(r.status),
  }));
const count = async (sql: string) => Number((await t.database.client.execute(sql)).rows[0]?.n ?? 0);

beforeAll(async () => {
  t = await createTestContext({ now: '2021-04-20T08:00:00Z' });
  await t.ingestContent();
  manager = t.as(await t.signIn({ role: 'manager' }));
  staff = t.as(await t.signIn({ role: 'staff' }));
  const session = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
  const first = session.directives[0];
  if (!first) throw new Error('the second webinar has directives');
  directiveId = first.id;
  await expectJson(await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: UNITS, dueOn: '1400-03-15' } }), 201);
});

afterAll(async () => {
  await t.close();
});

describe('a withdrawal that fails half-way', () => {
  it('leaves nothing half-done: the session stays published and every action open; the retry withdraws it all', async () => {
    const { version } = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`);
    // The second cancellation's notification fails (as a crash or a full disk would, after the first committed).
    await t.database.client.execute(`CREATE TRIGGER inject_failure BEFORE INSERT ON notifications
      WHEN NEW.kind = 'cancelled' AND (SELECT count(*) FROM notifications WHERE kind = 'cancelled') >= 1
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const failed = await manager(`/api/sessions/${SLUG}/withdraw`, { method: 'POST', json: { version, reason: 'آزمون خرابی' } });
    expect(failed.status).toBe(500);
    await t.database.client.execute('DROP TRIGGER inject_failure');

    expect((await staff(`/api/sessions/${SLUG}`)).status).toBe(200);
    expect((await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200)).status).toBe('published');
    expect((await actionsOf(directiveId)).map((a) => a.status)).toEqual(['open', 'open', 'open']);
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'cancelled'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM follow_ups WHERE kind = 'cancelled'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`)).toBe(auditBefore);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'session.withdraw'`)).toBe(0);

    const done = await expectJson<{ cancelledActions: number[] }>(
      await manager(`/api/sessions/${SLUG}/withdraw`, { method: 'POST', json: { version, reason: 'آزمون خرابی' } }),
      200,
    );
    const actions = await actionsOf(directiveId);
    expect(actions.map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect([...done.cancelledActions].sort((a, b) => a - b)).toEqual(actions.map((a) => a.id));
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'cancelled'`)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM follow_ups WHERE kind = 'cancelled'`)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`)).toBe(auditBefore + 3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'session.withdraw'`)).toBe(1);
    expect((await staff(`/api/sessions/${SLUG}`)).status).toBe(404);
  });
});
