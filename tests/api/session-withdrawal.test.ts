/**
 * A withdrawn session, its directives and actions, and restoring it.
 *
 * - Withdrawing is one write: the session and the cancellation of its open actions (each with its
 *   follow-up, audit entry and the unit's notification) commit together or not at all. A failure
 *   injected in the middle (a trigger that refuses the second cancellation's notification) leaves the
 *   session published and every action open; the retry then does the whole withdrawal.
 * - Its directive page (the roll-up) opens for managers and admins, marked and read-only, with its
 *   cancelled actions; staff and directors get the same 404 as for a directive that never existed.
 * - Restoring (managers and admins, versioned, audited with a reason) brings it back to lists, its page,
 *   search and the register; the actions its withdrawal cancelled stay cancelled until a manager
 *   reopens them with a new deadline (each audited, the unit told).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { tinyPdf } from './actions-fixtures';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SLUG = 'tvto-outsourcing-webinar-2';
const UNITS = ['prov-tehran', 'prov-fars', 'prov-isfahan'];

interface Detail {
  version: number;
  status: string;
  directives: Array<{ id: number; quote: string }>;
}

let t: TestContext;
let manager: TestRequest;
let admin: TestRequest;
let staff: TestRequest;
let director: TestRequest;
let otherDirector: TestRequest;
let directiveId: number;
let quoteWords: string;
/** A letter posted on Tehran's action before the withdrawal. */
let evidenceId: number;

interface ErrorBody {
  error: { code: string; message: string };
}
interface Rollup {
  directive: { id: number; session: { status: string; withdrawal: { at: string; reason: string } | null } };
  units: Array<{ id: number; status: string; version: number; dueOn: string | null; unit: { code: string } }>;
  withdrawalCancelled: number[];
}
const PERSIAN = /[\u0600-\u06FF]/;
const expectError = async (res: Response, status: number, code: string) => {
  const body = await expectJson<ErrorBody>(res, status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(PERSIAN);
  return body;
};
/** Directives found by the search of everything (GET /api/search?kinds=directives). */
const directiveHits = async (as: TestRequest, q: string) => {
  const page = await expectJson<{ groups?: Array<{ kind: string; items?: Array<{ id: number }> }> }>(
    await as(`/api/search?${new URLSearchParams({ kinds: 'directives', q }).toString()}`),
    200,
  );
  return (page.groups?.find((g) => g.kind === 'directives')?.items ?? []).map((d) => d.id);
};
const hitsFor = async (as: TestRequest, q: string) =>
  (await expectJson<{ hits: Array<{ session: { slug: string } }> }>(await as(`/api/search?q=${encodeURIComponent(q)}&limit=20`), 200)).hits.map((h) => h.session.slug);

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
  admin = t.as(await t.signIn({ role: 'admin' }));
  staff = t.as(await t.signIn({ role: 'staff' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
  otherDirector = t.as(await t.signIn({ role: 'director', unitCode: 'prov-khorasan-razavi' }));
  const session = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
  const first = session.directives[0];
  if (!first) throw new Error('the second webinar has directives');
  directiveId = first.id;
  quoteWords = first.quote.split(/\s+/).slice(0, 6).join(' ');
  const assigned = await expectJson<{ created: Array<{ id: number; version: number; unit: { code: string } }> }>(
    await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: UNITS, dueOn: '1400-03-15' } }),
    201,
  );
  const tehran = assigned.created.find((a) => a.unit.code === 'prov-tehran');
  if (!tehran) throw new Error('tehran has an action');
  const form = new FormData();
  form.set('version', String(tehran.version));
  form.set('note', 'نامه ارسال شد');
  form.set('files', new Blob([new Uint8Array(tinyPdf('letter 7'))], { type: 'application/pdf' }), 'letter.pdf');
  const posted = await expectJson<{ timeline: Array<{ files: Array<{ id: number }> }> }>(await director(`/api/actions/${tehran.id}/follow-ups`, { method: 'POST', body: form }), 201);
  evidenceId = posted.timeline.flatMap((f) => f.files)[0]?.id ?? 0;
  expect((await staff(`/api/evidence/${evidenceId}`)).status).toBe(200);
});

afterAll(async () => {
  await t.close();
});

describe('a withdrawal that fails half-way', () => {
  it('leaves nothing half-done: the session stays published and every action open; the retry withdraws it all', async () => {
    const { version } = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.status'`);
    const statusesBefore = (await actionsOf(directiveId)).map((a) => a.status);
    expect([...statusesBefore].sort()).toEqual(['in_progress', 'open', 'open']);
    // The second cancellation's notification fails (as a crash or a full disk would, after the first committed).
    await t.database.client.execute(`CREATE TRIGGER inject_failure BEFORE INSERT ON notifications
      WHEN NEW.kind = 'cancelled' AND (SELECT count(*) FROM notifications WHERE kind = 'cancelled') >= 1
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const failed = await manager(`/api/sessions/${SLUG}/withdraw`, { method: 'POST', json: { version, reason: 'آزمون خرابی' } });
    expect(failed.status).toBe(500);
    await t.database.client.execute('DROP TRIGGER inject_failure');

    expect((await staff(`/api/sessions/${SLUG}`)).status).toBe(200);
    expect((await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200)).status).toBe('published');
    expect((await actionsOf(directiveId)).map((a) => a.status)).toEqual(statusesBefore);
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

describe("a withdrawn session's directive", () => {
  it('opens for managers and admins, marked and with its cancelled actions; staff and directors get the 404 of a directive that never was', async () => {
    for (const as of [manager, admin]) {
      const rollup = await expectJson<Rollup>(await as(`/api/directives/${directiveId}/rollup`), 200);
      expect(rollup.directive.session.status).toBe('withdrawn');
      expect(rollup.directive.session.withdrawal?.reason).toBe('آزمون خرابی');
      expect(rollup.units.map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(rollup.withdrawalCancelled).toEqual(rollup.units.map((a) => a.id).sort((a, b) => a - b));
    }
    const never = await expectError(await staff('/api/directives/999999/rollup'), 404, 'not_found');
    for (const as of [staff, director, otherDirector]) {
      expect(await expectError(await as(`/api/directives/${directiveId}/rollup`), 404, 'not_found')).toEqual(never);
      expect(await expectError(await as(`/api/reports/print?directive=${directiveId}`), 404, 'not_found')).toEqual(
        await expectError(await as('/api/reports/print?directive=999999'), 404, 'not_found'),
      );
    }
    expect((await t.request(`/api/directives/${directiveId}/rollup`)).status).toBe(401);
    expect((await manager(`/api/reports/print?directive=${directiveId}`)).status).toBe(200);
  });

  it('is read-only: assigning, publishing, bulk steps and action changes answer 409 session_withdrawn', async () => {
    const rollup = await expectJson<Rollup>(await manager(`/api/directives/${directiveId}/rollup`), 200);
    const action = rollup.units.find((a) => a.unit.code === 'prov-tehran');
    if (!action) throw new Error('tehran has an action');
    await expectError(await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: ['prov-qom'], dueOn: '1400-03-15' } }), 409, 'session_withdrawn');
    await expectError(await manager(`/api/directives/${directiveId}/publish`, { method: 'POST', json: {} }), 409, 'session_withdrawn');
    await expectError(
      await manager(`/api/directives/${directiveId}/actions/bulk`, { method: 'POST', json: { scope: 'withdrawal_cancelled', operation: 'reopen', dueOn: '1400-04-01' } }),
      409,
      'session_withdrawn',
    );
    await expectError(
      await manager(`/api/actions/${action.id}/transitions`, { method: 'POST', json: { version: action.version, transition: 'reopen', reason: 'دوباره' } }),
      409,
      'session_withdrawn',
    );
    await expectError(await manager(`/api/actions/${action.id}`, { method: 'PATCH', json: { version: action.version, dueOn: '1400-04-01' } }), 409, 'session_withdrawn');
    await expectError(await director(`/api/actions/${action.id}/comments`, { method: 'POST', json: { note: 'چرا لغو شد؟' } }), 409, 'session_withdrawn');
    expect((await manager(`/api/directives/${directiveId}/rollup`)).status).toBe(200);
    expect((await expectJson<Rollup>(await manager(`/api/directives/${directiveId}/rollup`), 200)).units.map((a) => a.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it("its actions: managers and the action's own unit read them (with no step offered); staff and other directors get 404 and do not list them", async () => {
    const rollup = await expectJson<Rollup>(await manager(`/api/directives/${directiveId}/rollup`), 200);
    const tehran = rollup.units.find((a) => a.unit.code === 'prov-tehran');
    if (!tehran) throw new Error('tehran has an action');
    const own = await expectJson<{ permissions: { canPostUpdate: boolean; canComment: boolean; transitions: string[] } }>(await director(`/api/actions/${tehran.id}`), 200);
    expect(own.permissions).toMatchObject({ canPostUpdate: false, canComment: false, transitions: [] });
    const managed = await expectJson<{ permissions: { canReassign: boolean; transitions: string[] } }>(await manager(`/api/actions/${tehran.id}`), 200);
    expect(managed.permissions).toMatchObject({ canReassign: false, transitions: [] });
    const never = await expectError(await staff('/api/actions/999999'), 404, 'not_found');
    expect(await expectError(await staff(`/api/actions/${tehran.id}`), 404, 'not_found')).toEqual(never);
    expect(await expectError(await otherDirector(`/api/actions/${tehran.id}`), 404, 'not_found')).toEqual(never);
    const listed = async (as: TestRequest) =>
      (await expectJson<{ items: Array<{ directive: { id: number } }> }>(await as('/api/actions?status=cancelled&limit=500'), 200)).items.some((a) => a.directive.id === directiveId);
    expect(await listed(staff)).toBe(false);
    expect(await listed(otherDirector)).toBe(false);
    expect(await listed(manager)).toBe(true);
    const csv = await (await staff('/api/exports/actions.csv')).text();
    expect(csv).not.toContain('دومین وبینار');
    // Its evidence follows the action: the unit and managers download it, anyone else gets the 404 of a file that never was.
    const noFile = await expectError(await staff('/api/evidence/999999'), 404, 'not_found');
    expect(await expectError(await staff(`/api/evidence/${evidenceId}`), 404, 'not_found')).toEqual(noFile);
    expect(await expectError(await otherDirector(`/api/evidence/${evidenceId}`), 404, 'not_found')).toEqual(noFile);
    expect((await director(`/api/evidence/${evidenceId}`)).status).toBe(200);
    expect((await manager(`/api/evidence/${evidenceId}`)).status).toBe(200);
  });
});

describe('restoring a withdrawn session', () => {
  it('is for managers and admins, needs a reason and the version read (409 when stale)', async () => {
    const { version } = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
    await expectError(await director(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: 'بازگردان' } }), 403, 'manager_only');
    await expectError(await staff(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: 'بازگردان' } }), 403, 'manager_only');
    expect((await t.request(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: 'بازگردان' } })).status).toBe(401);
    await expectError(await manager(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: '  ' } }), 422, 'reason_required');
    await expectError(await manager(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version: version - 1, reason: 'بازگردان' } }), 409, 'version_conflict');
    await expectError(await manager(`/api/sessions/no-such-session/restore`, { method: 'POST', json: { version, reason: 'بازگردان' } }), 404, 'not_found');
    await expectError(await manager(`/api/sessions/tvto-outsourcing-webinar-1/restore`, { method: 'POST', json: { version: 1, reason: 'بازگردان' } }), 409, 'session_not_withdrawn');
    expect((await staff(`/api/sessions/${SLUG}`)).status).toBe(404);
  });

  it('brings it back to the list, its page, search and the register, audited; the cancelled actions stay cancelled until reopened with a new deadline', async () => {
    expect(await hitsFor(staff, 'دومین وبینار')).not.toContain(SLUG);
    expect(await directiveHits(staff, quoteWords)).not.toContain(directiveId);
    // A minute later (the search of everything reads what changed after the last write it saw).
    t.clock.advance(60_000);
    const { version } = await expectJson<Detail>(await manager(`/api/sessions/${SLUG}`), 200);
    const restored = await expectJson<{ version: number; cancelledActions: number }>(
      await admin(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: 'پس‌گرفتن به اشتباه بود' } }),
      200,
    );
    expect(restored).toMatchObject({ version: version + 1, cancelledActions: 3 });
    // A second restore with the same (now stale) version changes nothing.
    await expectError(await manager(`/api/sessions/${SLUG}/restore`, { method: 'POST', json: { version, reason: 'دوباره' } }), 409, 'session_not_withdrawn');

    const seen = await expectJson<Detail & { withdrawal: unknown }>(await staff(`/api/sessions/${SLUG}`), 200);
    expect(seen).toMatchObject({ status: 'published', withdrawal: null });
    const list = await expectJson<{ items: Array<{ slug: string }> }>(await staff('/api/sessions?limit=100'), 200);
    expect(list.items.map((s) => s.slug)).toContain(SLUG);
    expect(await hitsFor(staff, 'دومین وبینار')).toContain(SLUG);
    expect(await directiveHits(staff, quoteWords)).toContain(directiveId);
    const register = await expectJson<{ items: Array<{ id: number }> }>(await staff('/api/directives?limit=100'), 200);
    expect(register.items.map((d) => d.id)).toContain(directiveId);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'session.restore' AND detail = 'پس‌گرفتن به اشتباه بود'`)).toBe(1);

    // Nothing reopened by itself: the directive's page lists them for reopening.
    const rollup = await expectJson<Rollup>(await staff(`/api/directives/${directiveId}/rollup`), 200);
    expect(rollup.directive.session).toMatchObject({ status: 'published', withdrawal: null });
    expect(rollup.units.map((a) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(rollup.withdrawalCancelled).toHaveLength(3);

    const reopen = (json: unknown) => manager(`/api/directives/${directiveId}/actions/bulk`, { method: 'POST', json });
    await expectError(await reopen({ scope: 'withdrawal_cancelled', operation: 'reopen' }), 422, 'due_date_required');
    // A deadline before today (1400-01-31 on 2021-04-20) is not a fresh one: each action is skipped, saying why.
    const past = await expectJson<{ changed: number[]; skipped: Array<{ code: string }> }>(
      await reopen({ scope: 'withdrawal_cancelled', operation: 'reopen', dueOn: '1400-01-20' }),
      200,
    );
    expect(past.changed).toEqual([]);
    expect(past.skipped.map((s) => s.code)).toEqual(['due_date_past', 'due_date_past', 'due_date_past']);
    const tehran = rollup.units.find((a) => a.unit.code === 'prov-tehran');
    if (!tehran) throw new Error('tehran has an action');
    await expectError(await reopen({ scope: 'selected', actions: [{ id: tehran.id, version: tehran.version - 1 }], operation: 'reopen', dueOn: '1400-04-10' }), 409, 'version_conflict');
    const notified = await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'assigned'`);
    const result = await expectJson<{ changed: number[]; skipped: unknown[] }>(
      await reopen({ scope: 'withdrawal_cancelled', operation: 'reopen', dueOn: '۱۴۰۰/۰۴/۱۰', reason: 'نشست بازگردانده شد' }),
      200,
    );
    expect(result.changed).toHaveLength(3);
    expect(result.skipped).toEqual([]);
    const after = await expectJson<Rollup>(await manager(`/api/directives/${directiveId}/rollup`), 200);
    expect(after.units.map((a) => [a.status, a.dueOn])).toEqual([
      ['in_progress', '2021-07-01'],
      ['in_progress', '2021-07-01'],
      ['in_progress', '2021-07-01'],
    ]);
    expect(after.withdrawalCancelled).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'assigned'`)).toBe(notified + 3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE event = 'action.redate' AND detail = 'نشست بازگردانده شد'`)).toBe(3);
    const told = await expectJson<{ items: Array<{ kind: string; detail: string | null }> }>(await director('/api/notifications'), 200);
    expect(told.items.some((n) => n.kind === 'assigned' && (n.detail ?? '').includes('۱۴۰۰/۰۴/۱۰'))).toBe(true);
    // Once reopened they are ordinary actions again: the director may report.
    expect((await director(`/api/actions/${tehran.id}/comments`, { method: 'POST', json: { note: 'دریافت شد' } })).status).toBe(201);
  });
});
