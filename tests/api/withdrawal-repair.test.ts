/**
 * Withdrawals left half-done are finished at start. Before a withdrawal became one batch (migration
 * 0010), the session was withdrawn in one write and its actions cancelled one by one afterwards, so a
 * failure between left a withdrawn session with open actions (and without a withdrawal key). Such rows
 * are made here as that code left them; the start-up check cancels them as the withdrawal would have
 * (follow-up, audit entry, the unit's notice, the withdrawal's key for a restore), once, and touches
 * nothing else. Real app, real database file with the real migrations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrectionRepo } from '../../server/sessions/correction.repo';
import { FINISHED_AT_START, finishHalfDoneWithdrawals } from '../../server/sessions/withdrawal-repair';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const WITHDRAWN = 'tvto-outsourcing-webinar-2';
const LIVE = 'tvto-outsourcing-webinar-1';
const UNITS = ['prov-tehran', 'prov-fars', 'prov-isfahan'];

interface Detail {
  version: number;
  directives: Array<{ id: number; kind: string }>;
}
interface Rollup {
  units: Array<{ id: number; status: string; version: number; unit: { code: string } }>;
  withdrawalCancelled: number[];
}

let t: TestContext;
let manager: TestRequest;
let managerId: number;
let director: TestRequest;
let withdrawnDirective: number;
let liveDirective: number;

const count = async (sql: string, args: Array<string | number> = []) => Number((await t.database.client.execute({ sql, args })).rows[0]?.n ?? 0);
const openActionsOfWithdrawn = () =>
  count(
    `SELECT count(*) AS n FROM action_items a JOIN directives d ON d.id = a.directive_id JOIN sessions s ON s.id = d.session_id
     WHERE s.status = 'withdrawn' AND a.status NOT IN ('done', 'cancelled')`,
  );

async function assignedDirective(slug: string, units: string[]): Promise<number> {
  const session = await expectJson<Detail>(await manager(`/api/sessions/${slug}`), 200);
  const directive = session.directives.find((d) => d.kind !== 'policy');
  if (!directive) throw new Error(`${slug} has an assignable directive`);
  await expectJson(await manager(`/api/directives/${directive.id}/assignments`, { method: 'POST', json: { units, dueOn: '1400-03-15' } }), 201);
  return directive.id;
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-04-20T08:00:00Z' });
  await t.ingestContent();
  const signed = await t.signInUser({ role: 'manager' });
  manager = t.as(signed.cookie);
  managerId = signed.user.id;
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
  withdrawnDirective = await assignedDirective(WITHDRAWN, UNITS);
  liveDirective = await assignedDirective(LIVE, ['prov-tehran']);

  // What the withdrawal before migration 0010 left when it failed after its first write: the session
  // withdrawn (no key) with its audit entry, one action cancelled through the actions' rules, two still open.
  const rollup = await expectJson<Rollup>(await manager(`/api/directives/${withdrawnDirective}/rollup`), 200);
  const fars = rollup.units.find((a) => a.unit.code === 'prov-fars');
  if (!fars) throw new Error('fars has an action');
  await expectJson(
    await manager(`/api/actions/${fars.id}/transitions`, { method: 'POST', json: { version: fars.version, transition: 'cancel', reason: 'پیش از خرابی لغو شد' } }),
    200,
  );
  const sessionId = await count(`SELECT id AS n FROM sessions WHERE slug = ?`, [WITHDRAWN]);
  await t.database.client.batch(
    [
      {
        sql: `UPDATE sessions SET status = 'withdrawn', withdrawn_at = ?, withdrawn_reason = ?, version = version + 1, updated_at = ? WHERE slug = ?`,
        args: ['2021-04-19T10:00:00.000Z', 'تکرار نشست دیگر', '2021-04-19T10:00:00.000Z', WITHDRAWN],
      },
      {
        sql: `INSERT INTO audit_log (at, actor_id, event, entity, entity_id, before, after, detail) VALUES (?, ?, 'session.withdraw', 'session', ?, NULL, NULL, ?)`,
        args: ['2021-04-19T10:00:00.000Z', managerId, String(sessionId), 'تکرار نشست دیگر'],
      },
    ],
    'write',
  );
}, 60_000);

afterAll(async () => t.close());

describe('a withdrawal left half-done', () => {
  it('can exist: a withdrawn session with open actions and no withdrawal key', async () => {
    expect(await openActionsOfWithdrawn()).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM sessions WHERE slug = ? AND withdrawal_key IS NULL`, [WITHDRAWN])).toBe(1);
  });

  it('is finished at start: its open actions cancelled as the withdrawal would have, by the manager who withdrew, with its key', async () => {
    const before = {
      followUps: await count(`SELECT count(*) AS n FROM follow_ups WHERE kind = 'cancelled'`),
      audit: await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`),
      notices: await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'cancelled'`),
    };
    const result = await finishHalfDoneWithdrawals(createCorrectionRepo(t.database), t.clock);
    expect(result).toEqual({ sessions: 1, actions: 2 });
    expect(await openActionsOfWithdrawn()).toBe(0);

    const rollup = await expectJson<Rollup>(await manager(`/api/directives/${withdrawnDirective}/rollup`), 200);
    expect(rollup.units.map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // The two it cancelled carry the withdrawal's key (a restore offers to reopen them); the one cancelled by hand does not.
    const finished = rollup.units.filter((a) => a.unit.code !== 'prov-fars').map((a) => a.id);
    expect(rollup.withdrawalCancelled).toEqual([...finished].sort((a, b) => a - b));

    expect(await count(`SELECT count(*) AS n FROM follow_ups WHERE kind = 'cancelled' AND author_id = ?`, [managerId])).toBe(before.followUps + 2);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status' AND detail = ? AND actor_id = ?`, [FINISHED_AT_START, managerId])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`)).toBe(before.audit + 2);
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'cancelled'`)).toBe(before.notices + 2);

    // The unit reads why, in Persian, on its action.
    const tehran = rollup.units.find((a) => a.unit.code === 'prov-tehran');
    const own = await expectJson<{ status: string; statusReason: string | null }>(await director(`/api/actions/${tehran?.id ?? 0}`), 200);
    expect(own.status).toBe('cancelled');
    expect(own.statusReason).toContain('پس گرفته شد: تکرار نشست دیگر');
  });

  it('is finished once: a second start finds nothing and writes nothing; a live session’s actions stay open', async () => {
    const audit = await count(`SELECT count(*) AS n FROM audit_log`);
    expect(await finishHalfDoneWithdrawals(createCorrectionRepo(t.database), t.clock)).toEqual({ sessions: 0, actions: 0 });
    expect(await count(`SELECT count(*) AS n FROM audit_log`)).toBe(audit);
    const live = await expectJson<Rollup>(await manager(`/api/directives/${liveDirective}/rollup`), 200);
    expect(live.units.map((a) => a.status)).toEqual(['open']);
  });

  it('leaves a restore able to reopen the actions it cancelled', async () => {
    const session = await expectJson<Detail>(await manager(`/api/sessions/${WITHDRAWN}`), 200);
    await expectJson(await manager(`/api/sessions/${WITHDRAWN}/restore`, { method: 'POST', json: { version: session.version, reason: 'اشتباه بود' } }), 200);
    const before = await expectJson<Rollup>(await manager(`/api/directives/${withdrawnDirective}/rollup`), 200);
    const reopened = await expectJson<{ changed: number[]; skipped: unknown[] }>(
      await manager(`/api/directives/${withdrawnDirective}/actions/bulk`, {
        method: 'POST',
        json: { scope: 'withdrawal_cancelled', operation: 'reopen', dueOn: '1400-04-10', reason: 'نشست بازگردانده شد' },
      }),
      200,
    );
    expect([...reopened.changed].sort((a, b) => a - b)).toEqual(before.withdrawalCancelled);
    expect(reopened.skipped).toEqual([]);
    const rollup = await expectJson<Rollup>(await manager(`/api/directives/${withdrawnDirective}/rollup`), 200);
    expect(rollup.units.filter((a) => a.status !== 'cancelled').map((a) => a.unit.code).sort()).toEqual(['prov-isfahan', 'prov-tehran']);
    expect(rollup.units.find((a) => a.unit.code === 'prov-fars')?.status).toBe('cancelled');
  });
});
