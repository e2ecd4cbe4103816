/**
 * Issue 14 item 6: a calendar link is made with a scope (my unit's actions, my approvals, or all I
 * may read) and its feed honours it, with the reader's role and unit as they are at each read and
 * only published work, as the API does.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestRequest, type TestUser } from '../support/test-app';

let t: TestContext;
let managerA: TestRequest;
let managerB: TestRequest;
let managerAUser: TestUser;
let east: TestRequest;
let eastUser: TestUser;
let staff: TestRequest;
let admin: TestRequest;
const directive: Record<string, number> = {};

interface FeedEvent {
  actionId: number;
  unit: string;
}

async function makeFeed(as: TestRequest, scope?: string): Promise<Response> {
  return as('/api/calendar/token', { method: 'POST', ...(scope ? { json: { scope } } : {}) });
}

async function read(path: string): Promise<{ name: string; events: FeedEvent[] }> {
  const response = await t.request(path);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    events: events.map((e) => ({ actionId: Number(/action-(\d+)@/.exec(e.uid)?.[1]), unit: e.summary.split(': ')[1] ?? '' })),
  };
}

async function feedPath(as: TestRequest, scope?: string): Promise<string> {
  const response = await makeFeed(as, scope);
  expect(response.status).toBe(201);
  const body = (await response.json()) as { url: string; scope: string };
  if (scope) expect(body.scope).toBe(scope);
  return new URL(body.url).pathname;
}

async function actionIds(where: string, args: Array<string | number> = []): Promise<number[]> {
  const rs = await t.database.client.execute({ sql: `SELECT a.id FROM action_items a JOIN directives d ON d.id = a.directive_id WHERE ${where} ORDER BY a.id`, args });
  return rs.rows.map((r) => Number(r.id));
}

const sorted = (events: FeedEvent[]) => events.map((e) => e.actionId).sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-21T08:00:00Z' });
  await t.ingestContent(['content']);
  const a = await t.signInUser({ role: 'manager' });
  managerAUser = a.user;
  managerA = t.as(a.cookie);
  managerB = t.as(await t.signIn({ role: 'manager' }));
  const e = await t.signInUser({ role: 'director', unitCode: 'prov-east-azarbaijan' });
  eastUser = e.user;
  east = t.as(e.cookie);
  const tehran = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
  staff = t.as(await t.signIn({ role: 'staff', unitCode: null }));
  admin = t.as(await t.signIn({ role: 'admin' }));
  for (const anchor of ['operational-programmes-1400', 'property-sales-3-months']) {
    const rs = await t.database.client.execute({ sql: 'SELECT id FROM directives WHERE anchor = ?', args: [anchor] });
    directive[anchor] = Number(rs.rows[0]?.id);
  }
  // Manager A assigns the programmes to east and Tehran; manager B the property sales to east and Isfahan.
  expect((await managerA(`/api/directives/${directive['operational-programmes-1400']}/assignments`, { json: { units: ['prov-east-azarbaijan', 'prov-tehran'], dueOn: '2021-02-03' } })).status).toBe(201);
  expect((await managerB(`/api/directives/${directive['property-sales-3-months']}/assignments`, { json: { units: ['prov-east-azarbaijan', 'prov-isfahan'], dueOn: '2021-02-08' } })).status).toBe(201);
  // Tehran sends its programme with a letter and asks for verification.
  const [tehranAction] = await actionIds("a.unit_code = 'prov-tehran'");
  const form = new FormData();
  form.append('version', '1');
  form.append('note', 'برنامه فرستاده شد.');
  form.append('letterNumber', '۱۲/ص/۹۹');
  form.append('requestVerification', 'true');
  expect((await tehran(`/api/actions/${tehranAction}/follow-ups`, { method: 'POST', body: form })).status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe('choosing the scope', () => {
  it('defaults by role, says the scope back, and refuses a unit of someone else’s choosing', async () => {
    expect(((await (await makeFeed(east)).json()) as { scope: string }).scope).toBe('unit');
    expect(((await (await makeFeed(managerB)).json()) as { scope: string }).scope).toBe('all');
    expect(await (await east('/api/calendar/token')).json()).toEqual({ active: true, url: null, scope: 'unit' });
    const smuggled = await east('/api/calendar/token', { method: 'POST', json: { scope: 'unit', unit: 'prov-tehran' } });
    expect(smuggled.status).toBe(400);
    expect((await east('/api/calendar/token', { method: 'POST', json: { scope: 'everything' } })).status).toBe(400);
  });

  it('refuses «my approvals» to a director and «my unit» to someone without a unit, in Persian', async () => {
    const director = await makeFeed(east, 'approvals');
    const body = (await director.json()) as { error: { code: string; message: string } };
    expect([director.status, body.error.code]).toEqual([403, 'calendar_scope_not_allowed']);
    expect(body.error.message).toContain('تأییدهای من');
    const unitless = await makeFeed(staff, 'unit');
    expect([unitless.status, ((await unitless.json()) as { error: { code: string } }).error.code]).toEqual([403, 'calendar_scope_not_allowed']);
    // The refused request left the earlier link as it was.
    expect(await (await east('/api/calendar/token')).json()).toEqual({ active: true, url: null, scope: 'unit' });
  });
});

describe('the feed honours the scope', () => {
  it('my unit: a director sees only their unit’s actions, not another unit’s', async () => {
    const feed = await read(await feedPath(east, 'unit'));
    expect(sorted(feed.events)).toEqual(await actionIds("a.unit_code = 'prov-east-azarbaijan'"));
    expect(feed.events).toHaveLength(2);
    expect(feed.events.every((e) => e.unit.endsWith('استان آذربایجان شرقی'))).toBe(true);
    expect(feed.name).toContain('اقدام‌های واحد من');
  });

  it('my approvals: a manager sees what awaits verification and the directives they assigned', async () => {
    const awaiting = await actionIds("a.status = 'awaiting_verification'");
    expect(awaiting).toHaveLength(1);
    const a = await read(await feedPath(managerA, 'approvals'));
    expect(sorted(a.events)).toEqual(await actionIds('d.id = ?', [directive['operational-programmes-1400'] ?? 0]));
    const b = await read(await feedPath(managerB, 'approvals'));
    expect(sorted(b.events)).toEqual([...awaiting, ...(await actionIds('d.id = ?', [directive['property-sales-3-months'] ?? 0]))].sort((x, y) => x - y));
    expect(b.name).toContain('تأییدهای من');
  });

  it('everything I may see: the open actions GET /api/actions lists for the same reader', async () => {
    for (const [as, who] of [
      [east, 'director'],
      [staff, 'staff'],
      [managerA, 'manager'],
    ] as const) {
      const feed = await read(await feedPath(as, 'all'));
      const listed = (await (await as('/api/actions?status=open,in_progress,awaiting_verification,blocked')).json()) as { items: Array<{ id: number; dueOn: string | null }> };
      expect(sorted(feed.events), who).toEqual(listed.items.filter((i) => i.dueOn).map((i) => i.id).sort((x, y) => x - y));
      expect(feed.events, who).toHaveLength(4);
    }
  });

  it('follows the reader’s unit and role as they are now, and leaves out work no longer published', async () => {
    // One link per person: a new one replaces the earlier.
    const unitFeed = await feedPath(east, 'unit');
    const approvals = await feedPath(managerA, 'approvals');
    const everything = await feedPath(staff, 'all');
    // The admin moves the director to Isfahan: the same link now shows Isfahan's action.
    expect((await admin(`/api/users/${eastUser.id}`, { method: 'PATCH', json: { unitCode: 'prov-isfahan' } })).status).toBe(200);
    expect(sorted((await read(unitFeed)).events)).toEqual(await actionIds("a.unit_code = 'prov-isfahan'"));
    // Manager A becomes a director: «my approvals» shows nothing any more.
    expect((await admin(`/api/users/${managerAUser.id}`, { method: 'PATCH', json: { role: 'director', unitCode: 'prov-ardabil' } })).status).toBe(200);
    expect((await read(approvals)).events).toEqual([]);
    // A directive, then its session, taken back out of publication take their actions out of the feed.
    expect((await read(everything)).events).toHaveLength(4);
    await t.database.client.execute({ sql: `UPDATE directives SET status = 'draft' WHERE id = ?`, args: [directive['property-sales-3-months'] ?? 0] });
    expect(sorted((await read(everything)).events)).toEqual(await actionIds('d.id = ?', [directive['operational-programmes-1400'] ?? 0]));
    await t.database.client.execute({ sql: `UPDATE sessions SET status = 'draft' WHERE id = (SELECT session_id FROM directives WHERE id = ?)`, args: [directive['operational-programmes-1400'] ?? 0] });
    expect((await read(everything)).events).toEqual([]);
  });
});
