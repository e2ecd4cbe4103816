/**
 * Every API route × every caller (no session, admin, manager, director, staff) answers the status
 * the access table says: 401 without a session, 403 where the role or unit forbids, 2xx where
 * allowed. The route list comes from the app itself, so a new route without a row fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';
import { ACCESS_TABLE, CALLERS, DRAFT_ACCESS_TABLE, OTHER_PROVINCE_WRITES, type AccessRow, type Caller, type Cell } from './access-table';
import { buildAccessWorld, type AccessWorld } from './access-world';

let t: TestContext;
let w: AccessWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildAccessWorld(t);
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** `METHOD /api/path` of every route the app serves (middleware excluded). */
function appRoutes(): string[] {
  const keys = t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

async function call(caller: Caller, key: string, table: Record<string, AccessRow> = ACCESS_TABLE): Promise<Response> {
  const row = table[key];
  if (!row) throw new Error(`no row for ${key}`);
  const method = key.split(' ')[0] ?? 'GET';
  let cell: Cell = { caller, user: null };
  let cookie: string | undefined;
  if (caller !== 'anonymous') {
    const signedIn = await t.signInUser({ role: caller });
    cell = { caller, user: signedIn.user };
    cookie = signedIn.cookie;
  }
  const body = row.body ? await row.body(w, cell) : undefined;
  const init = body instanceof FormData ? { method, body, cookie } : { method, json: body, cookie };
  return t.request(row.path(w), init);
}

describe('access matrix', () => {
  it('has a row for every API route the app serves, and none for routes that are gone', () => {
    const served = appRoutes();
    const missing = served.filter((k) => !(k in ACCESS_TABLE));
    const stale = Object.keys(ACCESS_TABLE).filter((k) => !served.includes(k));
    expect(missing, 'add these routes to tests/api/access-table.ts').toEqual([]);
    expect(stale, 'these rows name routes the app no longer serves').toEqual([]);
  });

  it('describes every API route in /api/openapi.json', async () => {
    const doc: { paths: Record<string, Record<string, unknown>> } = await (await t.request('/api/openapi.json')).json();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const undocumented = appRoutes().filter((k) => k !== 'GET /api/openapi.json' && !documented.includes(k));
    expect(undocumented).toEqual([]);
  });

  const rows = Object.keys(ACCESS_TABLE).sort();
  it.each(rows)('%s answers each caller as the table says', async (key) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      const response = await call(caller, key);
      got[caller] = response.status;
      want[caller] = ACCESS_TABLE[key]?.expect[caller] ?? -1;
      if (response.status >= 500) throw new Error(`${key} as ${caller}: ${response.status} ${await response.text()}`);
    }
    expect(got).toEqual(want);
  });
});

describe('drafts and rejected directives', () => {
  const draftRows = Object.keys(DRAFT_ACCESS_TABLE).sort();
  it('names only routes the app serves', () => {
    const routes = draftRows.map((k) => k.replace(/ \(.*\)$/, ''));
    expect(routes.filter((r) => !(r in ACCESS_TABLE))).toEqual([]);
  });

  it.each(draftRows)('%s answers each caller as the table says', async (key) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      const response = await call(caller, key, DRAFT_ACCESS_TABLE);
      got[caller] = response.status;
      want[caller] = DRAFT_ACCESS_TABLE[key]?.expect[caller] ?? -1;
      const text = await response.text();
      if (response.status >= 500) throw new Error(`${key} as ${caller}: ${response.status} ${text}`);
      // Nothing of a draft's text may leak, not even in an error.
      if (response.status !== 200) expect(text).not.toContain('اموال مازاد');
    }
    expect(got).toEqual(want);
  });
});

describe('a director and another province', () => {
  async function snapshot(actionId: number) {
    const action = await t.database.client.execute({ sql: 'SELECT * FROM action_items WHERE id = ?', args: [actionId] });
    const followUps = await t.database.client.execute({ sql: 'SELECT count(*) AS n FROM follow_ups WHERE action_id = ?', args: [actionId] });
    return { action: action.rows[0], followUps: followUps.rows[0]?.n };
  }

  it.each(OTHER_PROVINCE_WRITES.map((write) => [write.name, write] as const))(
    'cannot %s on another province’s action: 403 and nothing changes',
    async (_name, write) => {
      const director = t.as(await t.signIn({ role: 'director' }));
      const before = await snapshot(w.otherActionId);
      const response = await director(write.path(w), { method: write.method, json: await write.body(w) });
      expect(response.status).toBe(403);
      expect(await snapshot(w.otherActionId)).toEqual(before);
    },
  );

  it('can post a follow-up on its own unit’s action', async () => {
    const director = t.as(await t.signIn({ role: 'director' }));
    const response = await director(`/api/actions/${w.ownActionId}/follow-ups`, {
      json: { version: await w.versionOf(w.ownActionId), note: 'برنامه عملیاتی تهیه شد', progress: 50 },
    });
    expect(response.status).toBe(201);
  });
});
