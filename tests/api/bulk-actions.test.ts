/**
 * A directive's actions as one unit of work (issue 14, item 2) and who is told (item 3), through the
 * real API: extend the deadline of the 12 of 31 provinces without a report in one step, each with its
 * own audit entry and its director's notification; scoping (managers only, actions of this directive),
 * 409 when a version given is stale (nothing changes), cancel with a reason, verify those awaiting,
 * re-assign one, remind now; the assigning manager hears of a report, the other manager does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../server/notifications/reminders';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Summary {
  id: number;
  version: number;
  status: string;
  dueOn: string | null;
  unit: { code: string; name: string };
}
interface Rollup {
  units: Summary[];
  reported: number[];
}
interface Notice {
  id: number;
  kind: string;
  detail: string | null;
  readAt: string | null;
  action: { id: number; unit: { code: string } };
}

let t: TestContext;
let manager: TestRequest;
let otherManager: TestRequest;
let directiveId = 0;
let otherDirectiveId = 0;
const directors = new Map<string, TestRequest>();

const rollup = async () => expectJson<Rollup>(await manager(`/api/directives/${directiveId}/rollup`), 200);
const bulk = (body: unknown, as: TestRequest = manager) => as(`/api/directives/${directiveId}/actions/bulk`, { method: 'POST', json: body });
const notices = async (as: TestRequest, kind?: string) =>
  (await expectJson<{ items: Notice[] }>(await as(`/api/notifications${kind ? `?kind=${kind}` : ''}`), 200)).items;

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-25T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager', username: 'assigning-manager' }));
  otherManager = t.as(await t.signIn({ role: 'manager', username: 'other-manager' }));
  const session = await expectJson<{ directives: Array<{ id: number; anchor: string; kind: string }> }>(await manager('/api/sessions/tvto-outsourcing-webinar-1'), 200);
  directiveId = session.directives.find((d) => d.anchor === 'operational-programmes-1400')?.id ?? 0;
  otherDirectiveId = session.directives.find((d) => d.anchor === 'property-sales-3-months')?.id ?? 0;
  for (const id of [directiveId, otherDirectiveId]) {
    await expectJson(await manager(`/api/directives/${id}/publish`, { method: 'POST', json: { dueOn: '1399-11-15' } }), 200);
    await expectJson(await manager(`/api/directives/${id}/assignments`, { method: 'POST', json: { units: ['all-provinces'] } }), 201);
  }
  const { units } = await rollup();
  expect(units).toHaveLength(31);
  // A director for every province; 19 of them post a report, 12 do not.
  for (const [i, action] of units.entries()) {
    const director = t.as(await t.signIn({ role: 'director', unitCode: action.unit.code, username: `dg-${action.unit.code}` }));
    directors.set(action.unit.code, director);
    if (i < 19) await expectJson(await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', json: { note: `گزارش ${action.unit.name}` } }), 201);
  }
});

afterAll(async () => {
  await t.close();
});

describe('one step over many actions', () => {
  it('extends the deadline of the 12 provinces without a report, each audited and told', async () => {
    const before = await rollup();
    expect(before.reported).toHaveLength(19);
    const silent = before.units.filter((a) => !before.reported.includes(a.id));
    expect(silent).toHaveLength(12);
    const result = await expectJson<{ selected: number; changed: number[]; skipped: unknown[] }>(
      await bulk({ scope: 'no_report', operation: 'extend', days: 10, reason: 'درخواست استان‌ها' }),
      200,
    );
    expect(result).toMatchObject({ selected: 12, skipped: [] });
    expect(new Set(result.changed)).toEqual(new Set(silent.map((a) => a.id)));

    const after = await rollup();
    for (const action of after.units) {
      // 1399-11-15 = 2021-02-03; ten days more = 2021-02-13.
      expect(action.dueOn).toBe(result.changed.includes(action.id) ? '2021-02-13' : '2021-02-03');
    }
    for (const action of silent) {
      const detail = await expectJson<{ audit: Array<{ event: string; detail: string | null }> }>(await manager(`/api/actions/${action.id}`), 200);
      expect(detail.audit.filter((a) => a.event === 'action.redate')).toEqual([expect.objectContaining({ detail: 'درخواست استان‌ها' })]);
      const told = await notices(directors.get(action.unit.code) ?? manager, 'redated');
      expect(told.map((n) => [n.action.id, n.detail])).toEqual([[action.id, '۱۳۹۹/۱۱/۲۵']]);
    }
    const reportedOne = after.units.find((a) => after.reported.includes(a.id));
    expect(await notices(directors.get(reportedOne?.unit.code ?? '') ?? manager, 'redated')).toEqual([]);
  });

  it('is for managers only, and only over the actions of this directive', async () => {
    const director = directors.values().next().value ?? manager;
    expect((await bulk({ scope: 'all', operation: 'remind' }, director)).status).toBe(403);
    const foreign = await expectJson<{ items: Summary[] }>(await manager(`/api/actions?directive=${otherDirectiveId}`), 200);
    const refused = await bulk({ scope: 'selected', actions: [{ id: foreign.items[0]?.id ?? 0 }], operation: 'remind' });
    expect((await expectJson<{ error: { code: string } }>(refused, 422)).error.code).toBe('not_in_directive');
    expect((await bulk({ scope: 'selected', actions: [], operation: 'remind' })).status).toBe(422);
  });

  it('answers 409 and changes nothing when a version given is stale', async () => {
    const { units } = await rollup();
    const [a, b] = units;
    const response = await bulk({
      scope: 'selected',
      actions: [
        { id: a?.id ?? 0, version: a?.version },
        { id: b?.id ?? 0, version: (b?.version ?? 1) - 1 },
      ],
      operation: 'redate',
      dueOn: '1399-12-20',
    });
    const body = await expectJson<{ error: { code: string; details: { stale: Array<{ id: number }> } } }>(response, 409);
    expect(body.error.details.stale.map((s) => s.id)).toEqual([b?.id]);
    const again = await rollup();
    expect(again.units.find((u) => u.id === a?.id)?.dueOn).toBe(a?.dueOn);
  });

  it('cancels the selected ones with a reason, and tells each unit why', async () => {
    const { units } = await rollup();
    const chosen = units.slice(-2);
    expect((await expectJson<{ error: { code: string } }>(await bulk({ scope: 'selected', actions: chosen.map((a) => ({ id: a.id })), operation: 'cancel' }), 422)).error.code).toBe('reason_required');
    const result = await expectJson<{ changed: number[] }>(
      await bulk({ scope: 'selected', actions: chosen.map((a) => ({ id: a.id, version: a.version })), operation: 'cancel', reason: 'ادغام در برنامه ملی' }),
      200,
    );
    expect(result.changed).toHaveLength(2);
    for (const action of chosen) {
      const told = await notices(directors.get(action.unit.code) ?? manager, 'cancelled');
      expect(told.map((n) => n.detail)).toEqual(['ادغام در برنامه ملی']);
    }
    // Cancelled ones are skipped by a later step over them.
    const later = await expectJson<{ skipped: Array<{ code: string }> }>(await bulk({ scope: 'selected', actions: chosen.map((a) => ({ id: a.id })), operation: 'remind' }), 200);
    expect(later.skipped.map((s) => s.code)).toEqual(['action_closed', 'action_closed']);
  });

  it('verifies those awaiting verification; the assigning manager, not the other one, heard of each request', async () => {
    const { units } = await rollup();
    const asking = units.slice(0, 2);
    for (const action of asking) {
      const director = directors.get(action.unit.code) ?? manager;
      const current = await expectJson<Summary>(await director(`/api/actions/${action.id}`), 200);
      await expectJson(await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', json: { version: current.version, letterNumber: '۷۷/ب', requestVerification: true } }), 201);
    }
    const requests = await notices(manager, 'verification_requested');
    expect(new Set(requests.map((n) => n.action.id))).toEqual(new Set(asking.map((a) => a.id)));
    expect(await notices(otherManager, 'verification_requested')).toEqual([]);
    // Another province's director does not see them either.
    expect(await notices(directors.get(units[5]?.unit.code ?? '') ?? manager, 'verification_requested')).toEqual([]);

    const result = await expectJson<{ changed: number[] }>(await bulk({ scope: 'awaiting_verification', operation: 'verify' }), 200);
    expect(new Set(result.changed)).toEqual(new Set(asking.map((a) => a.id)));
    for (const action of asking) expect((await notices(directors.get(action.unit.code) ?? manager, 'verified')).map((n) => n.action.id)).toEqual([action.id]);
  });

  it('re-assigns one action to another unit, telling both; several at once are refused', async () => {
    const { units } = await rollup();
    const open = units.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
    const two = await bulk({ scope: 'selected', actions: open.slice(0, 2).map((a) => ({ id: a.id })), operation: 'reassign', unitCode: 'hq' });
    expect((await expectJson<{ error: { code: string } }>(two, 422)).error.code).toBe('bulk_reassign_one');
    const one = open[3];
    const moved = await expectJson<{ changed: number[] }>(await bulk({ scope: 'selected', actions: [{ id: one?.id ?? 0 }], operation: 'reassign', unitCode: 'hq' }), 200);
    expect(moved.changed).toEqual([one?.id]);
    expect((await notices(directors.get(one?.unit.code ?? '') ?? manager, 'reassigned')).map((n) => n.action.id)).toEqual([one?.id]);
  });

  it('reminds now: each open action of the directive gets one reminder, read per person', async () => {
    const result = await expectJson<{ changed: number[] }>(await bulk({ scope: 'all', operation: 'remind', reason: 'لطفاً گزارش را بفرستید.' }), 200);
    const { units } = await rollup();
    expect(result.changed).toHaveLength(units.filter((a) => !['done', 'cancelled'].includes(a.status)).length);
    const code = units.find((a) => a.status === 'open')?.unit.code ?? '';
    const director = directors.get(code) ?? manager;
    const colleague = t.as(await t.signIn({ role: 'director', unitCode: code, username: `deputy-${code}` }));
    const [reminder] = await notices(director, 'reminder');
    expect(reminder?.detail).toBe('لطفاً گزارش را بفرستید.');
    await expectJson(await director(`/api/notifications/${reminder?.id}/read`, { method: 'POST' }), 200);
    expect((await notices(director, 'reminder'))[0]?.readAt).not.toBeNull();
    expect((await notices(colleague, 'reminder'))[0]?.readAt).toBeNull();
    // A manager does not get the unit's notices in their own list.
    expect(await notices(manager, 'reminder')).toEqual([]);
  });

  it("groups a manager's overdue reminders into one row per directive, saying how many units sent no report", async () => {
    t.clock.set('2021-02-05T08:00:00Z');
    await runReminders(t.database.client, { now: t.clock.now() });
    const reader = t.as(await t.signIn({ role: 'manager', username: 'grouped-reader' }));
    const grouped = await expectJson<{ items: Array<{ directive: { id: number }; kind: string; units: number; withoutReport: number; summary: string }> }>(
      await reader('/api/notifications/grouped'),
      200,
    );
    const overdueRows = grouped.items.filter((g) => g.kind === 'overdue');
    // One row per directive, not one per unit.
    expect(new Set(overdueRows.map((g) => g.directive.id)).size).toBe(overdueRows.length);
    const row = overdueRows.find((g) => g.directive.id === otherDirectiveId);
    // The other directive: 31 provinces, none reported, all still due 1399-11-15.
    expect(row).toMatchObject({ units: 31, withoutReport: 31 });
    expect(row?.summary).toBe('مهلت گذشته است: ۳۱ واحد؛ ۳۱ واحد هنوز گزارشی نفرستاده‌اند');
  });
});
