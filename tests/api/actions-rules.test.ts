/**
 * Rules of action items through the real API: evidence checked by content, idempotent retries,
 * re-assigning and re-dating audited, evidence before closing, two app instances on one
 * database racing on the same version, carry-over in a series, the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDatabase, type Database } from '../../server/db/client';
import { expectJson } from '../support/responses';
import { countRows } from '../support/temp-db';
import { createTestContext, sessionCookieOf, TEST_ORIGIN, type TestContext, type TestRequest } from '../support/test-app';
import { elfHeader, tinyPdf, tinyPng } from './actions-fixtures';

interface Action {
  id: number;
  version: number;
  status: string;
  progress: number;
  dueOn: string | null;
  dueState: string;
  unit: { code: string };
  audit: Array<{ event: string; before: unknown; after: unknown; detail: string | null }>;
}

let t: TestContext;
let manager: TestRequest;
let director: TestRequest;
let directiveId: number;

async function ownAction(): Promise<Action> {
  const mine = await expectJson<{ items: Action[] }>(await director('/api/actions/mine'), 200);
  const first = mine.items.find((a) => a.status !== 'done');
  if (!first) throw new Error('no open action');
  return expectJson<Action>(await director(`/api/actions/${first.id}`), 200);
}

function upload(version: number, name: string, content: Buffer): FormData {
  const form = new FormData();
  form.set('version', String(version));
  form.set('note', 'پیوست');
  form.set('files', new Blob([new Uint8Array(content)]), name);
  return form;
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-21T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
  const row = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
  directiveId = Number(row.rows[0]?.id);
  // Without a due date on the directive, assigning without one is refused; with one (Jalali) it works.
  await t.database.client.execute({ sql: 'UPDATE directives SET due_on = NULL WHERE id = ?', args: [directiveId] });
  const missing = await manager(`/api/directives/${directiveId}/assignments`, { json: { units: ['northwest-provinces'] } });
  expect((await expectJson<{ error: { code: string } }>(missing, 422)).error.code).toBe('due_date_required');
  await expectJson(await manager(`/api/directives/${directiveId}/assignments`, { json: { units: ['northwest-provinces'], dueOn: '1400-02-01' } }), 201);
});

afterAll(async () => {
  await t.close();
});

describe('evidence files', () => {
  it('refuses an executable named .pdf with 422 and stores nothing', async () => {
    const action = await ownAction();
    const [followUps, blobs] = [await countRows(t.database, 'follow_ups'), await countRows(t.database, 'blobs')];
    const refused = await expectJson<{ error: { code: string } }>(
      await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', body: upload(action.version, 'نامه.pdf', elfHeader) }),
      422,
    );
    expect(refused.error.code).toBe('file_type_not_allowed');
    const mismatch = await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', body: upload(action.version, 'scan.pdf', tinyPng) });
    expect(mismatch.status).toBe(422);
    expect([await countRows(t.database, 'follow_ups'), await countRows(t.database, 'blobs')]).toEqual([followUps, blobs]);
    expect((await ownAction()).version).toBe(action.version);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const action = await ownAction();
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(20 * 1024 * 1024)]);
    const response = await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', body: upload(action.version, 'big.pdf', big) });
    expect(response.status).toBe(413);
  });

  it('stores the same file twice under one SHA-256', async () => {
    const action = await ownAction();
    const pdf = tinyPdf('same letter');
    const first = await expectJson<Action>(
      await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', body: upload(action.version, 'a.pdf', pdf) }),
      201,
    );
    const blobs = await countRows(t.database, 'blobs');
    await expectJson(await director(`/api/actions/${action.id}/follow-ups`, { method: 'POST', body: upload(first.version, 'b.pdf', pdf) }), 201);
    expect(await countRows(t.database, 'blobs')).toBe(blobs);
  });
});

describe('idempotent retries', () => {
  it('stores a retried post with the same Idempotency-Key once', async () => {
    const action = await ownAction();
    const before = await countRows(t.database, 'follow_ups');
    const send = () =>
      director(`/api/actions/${action.id}/follow-ups`, {
        method: 'POST',
        headers: { 'Idempotency-Key': 'retry-42' },
        json: { version: action.version, note: 'یک بار', progress: 30 },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await countRows(t.database, 'follow_ups')).toBe(before + 1);
  });
});

describe('status rules through the API', () => {
  it('refuses a request to close without evidence (422 evidence_required), and a director cancelling (403)', async () => {
    const mine = await expectJson<{ items: Action[] }>(await director('/api/actions/mine'), 200);
    expect(mine.items).toHaveLength(1);
    // Another unit of the group, without evidence: a manager asks on its behalf.
    const other = await expectJson<{ items: Action[] }>(await manager(`/api/actions?directive=${directiveId}&unit=prov-ardabil`), 200);
    const target = other.items[0];
    if (!target) throw new Error('no Ardabil action');
    const refused = await expectJson<{ error: { code: string; message: string } }>(
      await manager(`/api/actions/${target.id}/transitions`, { json: { version: target.version, transition: 'request_verification' } }),
      422,
    );
    expect(refused.error.code).toBe('evidence_required');
    expect(refused.error.message).toMatch(/مستند/);
    const own = await ownAction();
    const cancel = await director(`/api/actions/${own.id}/transitions`, { json: { version: own.version, transition: 'cancel', reason: 'x' } });
    expect(cancel.status).toBe(403);
  });
});

describe('re-assigning and re-dating', () => {
  it('lets a manager re-date (Jalali) and re-assign, audited with before and after; a director may not', async () => {
    const list = await expectJson<{ items: Action[] }>(await manager(`/api/actions?directive=${directiveId}&unit=prov-zanjan`), 200);
    const action = list.items[0];
    if (!action) throw new Error('no Zanjan action');
    expect((await director(`/api/actions/${action.id}`, { method: 'PATCH', json: { version: action.version, dueOn: '1400-03-01' } })).status).toBe(403);

    const redated = await expectJson<Action>(
      await manager(`/api/actions/${action.id}`, { method: 'PATCH', json: { version: action.version, dueOn: '1400-03-01', reason: 'درخواست استان' } }),
      200,
    );
    expect(redated.dueOn).toBe('2021-05-22');
    const taken = await manager(`/api/actions/${action.id}`, { method: 'PATCH', json: { version: redated.version, unitCode: 'prov-ardabil' } });
    expect((await expectJson<{ error: { code: string } }>(taken, 409)).error.code).toBe('already_assigned');
    const moved = await expectJson<Action>(
      await manager(`/api/actions/${action.id}`, { method: 'PATCH', json: { version: redated.version, unitCode: 'prov-qazvin' } }),
      200,
    );
    expect(moved.unit.code).toBe('prov-qazvin');
    const events = moved.audit.filter((a) => a.event === 'action.redate' || a.event === 'action.reassign');
    expect(events).toEqual([
      expect.objectContaining({ event: 'action.redate', before: { dueOn: '2021-04-21' }, after: { dueOn: '2021-05-22' }, detail: 'درخواست استان' }),
      expect.objectContaining({ event: 'action.reassign', before: { unitCode: 'prov-zanjan' }, after: { unitCode: 'prov-qazvin' } }),
    ]);
  });
});

describe('two instances on one database', () => {
  let second: Database;
  let secondManager: TestRequest;

  beforeAll(async () => {
    second = await openDatabase(t.database.url);
    const app = createApp({ database: second, clock: t.clock });
    const user = await t.createUser({ role: 'manager' });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    const cookie = sessionCookieOf(login) ?? '';
    secondManager = async (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('origin', TEST_ORIGIN);
      headers.set('cookie', cookie);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      return app.request(path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    };
  });

  afterAll(() => second.close());

  it('lets exactly one of 20 racing writes on the same version through; the others get 409', async () => {
    const list = await expectJson<{ items: Action[] }>(await manager(`/api/actions?directive=${directiveId}&unit=prov-west-azarbaijan`), 200);
    const action = list.items[0];
    if (!action) throw new Error('no action');
    const before = await countRows(t.database, 'follow_ups');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? manager : secondManager)(`/api/actions/${action.id}/follow-ups`, {
          method: 'POST',
          json: { version: action.version, note: `گزارش ${i}`, progress: i },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await countRows(t.database, 'follow_ups')).toBe(before + 1);
    const after = await expectJson<Action>(await manager(`/api/actions/${action.id}`), 200);
    expect(after.version).toBe(action.version + 1);
  });

  it('stores all of 20 updates sent through both instances when clients retry on 409, none twice', async () => {
    const list = await expectJson<{ items: Action[] }>(await manager(`/api/actions?directive=${directiveId}&unit=prov-ardabil`), 200);
    const id = list.items[0]?.id ?? 0;
    const before = await countRows(t.database, 'follow_ups');
    const post = async (i: number) => {
      const send = i % 2 ? manager : secondManager;
      for (let attempt = 0; attempt < 200; attempt++) {
        const current = await expectJson<Action>(await send(`/api/actions/${id}`), 200);
        const response = await send(`/api/actions/${id}/follow-ups`, {
          method: 'POST',
          headers: { 'Idempotency-Key': `bulk-${i}` },
          json: { version: current.version, note: `بند ${i}` },
        });
        if (response.status === 201 || response.status === 200) return response.status;
        expect(response.status).toBe(409);
      }
      throw new Error('never stored');
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => post(i)));
    expect(await countRows(t.database, 'follow_ups')).toBe(before + 20);
    const notes = await t.database.client.execute({ sql: `SELECT count(DISTINCT note) AS n FROM follow_ups WHERE action_id = ? AND note LIKE 'بند %'`, args: [id] });
    expect(Number(notes.rows[0]?.n)).toBe(20);
  });
});

describe('series carry-over and the dashboard', () => {
  it('carries open actions of the first webinar into the second of its series', async () => {
    const carried = await expectJson<{ directives: Array<{ directive: { anchor: string }; actions: Action[] }>; total: number }>(
      await director('/api/sessions/tvto-outsourcing-webinar-2/carry-over'),
      200,
    );
    const anchors = carried.directives.map((d) => d.directive.anchor);
    expect(anchors).toContain('property-sales-3-months');
    expect(carried.total).toBe(carried.directives.reduce((n, d) => n + d.actions.length, 0));
    const first = await expectJson<{ total: number }>(await director('/api/sessions/tvto-outsourcing-webinar-1/carry-over'), 200);
    expect(first.total).toBe(0);
  });

  it('reports completion per province and a provinces × directives matrix', async () => {
    const dashboard = await expectJson<{
      provinces: Array<{ unit: { code: string }; total: number; completionRate: number | null }>;
      matrix: { units: unknown[]; directives: Array<{ id: number }>; cells: Array<{ unitCode: string; directiveId: number; status: string }> };
      totals: { total: number };
    }>(await manager('/api/reports/dashboard?from=1399-10-01&to=1399-12-29'), 200);
    expect(dashboard.provinces).toHaveLength(31);
    const ardabil = dashboard.provinces.find((p) => p.unit.code === 'prov-ardabil');
    expect(ardabil).toMatchObject({ total: 1, completionRate: 0 });
    expect(dashboard.matrix.directives.map((d) => d.id)).toEqual([directiveId]);
    expect(dashboard.matrix.cells).toHaveLength(dashboard.totals.total);
    const outside = await expectJson<{ totals: { total: number } }>(await manager('/api/reports/dashboard?from=1400-01-01'), 200);
    expect(outside.totals.total).toBe(0);
    expect((await director('/api/reports/dashboard')).status).toBe(403);
  });
});
