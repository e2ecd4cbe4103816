/**
 * A director is bound to one unit whose actions it reports on. Actions are never held by a group
 * (a group fans out to its members), so a director bound to «همه استان‌ها» could sign in but
 * found no action of its own and could write to none: the red-team pass created one through
 * POST /api/users (201). Refused now, on create and on change, with a stable code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

describe('binding a director to a unit', () => {
  let t: TestContext;
  let asAdmin: TestRequest;

  beforeEach(async () => {
    t = await createTestContext();
    asAdmin = t.as(await t.signIn({ role: 'admin' }));
  });
  afterEach(async () => t.close());

  it('refuses a group as a director’s unit when creating the account, and stores nothing', async () => {
    const res = await asAdmin('/api/users', {
      method: 'POST',
      json: { username: 'group-director', displayName: 'مدیر گروه', role: 'director', unitCode: 'all-provinces', password: 'Aa1!aaaaaaaaaaaa' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('group_not_allowed');
    expect(body.error.message).toMatch(/گروه/);
    const rows = await t.database.client.execute({ sql: 'SELECT count(*) AS n FROM users WHERE username = ?', args: ['group-director'] });
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('refuses moving a director to a group, and still takes a province', async () => {
    const director = await t.createUser({ role: 'director', unitCode: 'prov-tehran' });
    const toGroup = await asAdmin(`/api/users/${director.id}`, { method: 'PATCH', json: { unitCode: 'all-provinces' } });
    expect(toGroup.status).toBe(422);
    expect(((await toGroup.json()) as { error: { code: string } }).error.code).toBe('group_not_allowed');
    const toProvince = await asAdmin(`/api/users/${director.id}`, { method: 'PATCH', json: { unitCode: 'prov-fars' } });
    expect(toProvince.status).toBe(200);
    expect(((await toProvince.json()) as { unitCode: string }).unitCode).toBe('prov-fars');
  });
});
