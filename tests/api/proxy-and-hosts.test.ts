/**
 * Issue 12, item 11. Without TRUST_PROXY an X-Forwarded-For header is ignored (a client cannot
 * choose its own throttle key); ALLOWED_HOSTS refuses requests for other host names (421), so a
 * forged Host cannot choose the origin the server writes into calendar feed links. Before the fix
 * there was no such setting: any Host was answered and became the feed link's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';

describe('X-Forwarded-For without TRUST_PROXY', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ catalogue: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('does not let a guesser change its throttle key by sending a new address each time', async () => {
    const user = await t.createUser({ role: 'staff' });
    const got: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.request('/api/auth/login', { json: { username: user.username, password: 'wrong' }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      got.push(res.status);
    }
    expect(got).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('ALLOWED_HOSTS', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ catalogue: false, appDeps: { allowedHosts: ['neshast.example.org'] } });
  });
  afterAll(async () => {
    await t.close();
  });

  const at = (host: string, path: string, init: RequestInit = {}) => t.app.request(`http://${host}${path}`, init);

  it('answers the allowed host, on any port', async () => {
    expect((await at('neshast.example.org', '/api/health')).status).toBe(200);
    expect((await at('neshast.example.org:8443', '/api/health')).status).toBe(200);
  });

  it('refuses another host with 421 and a JSON error, before anything else runs', async () => {
    const res = await at('evil.example', '/api/health');
    expect(res.status).toBe(421);
    expect((await res.json()).error.code).toBe('host_not_allowed');
    const login = await at('evil.example', '/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(login.status).toBe(421);
  });

  it('builds the calendar feed link from the allowed host only', async () => {
    const user = await t.createUser({ role: 'staff' });
    const origin = 'http://neshast.example.org';
    const login = await at('neshast.example.org', '/api/auth/login', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const token = await at('neshast.example.org', '/api/calendar/token', { method: 'POST', headers: { origin, cookie } });
    expect(token.status).toBe(201);
    expect(JSON.stringify(await token.json())).toContain('neshast.example.org');
    expect((await at('evil.example', '/api/calendar/token', { method: 'POST', headers: { origin: 'http://evil.example', cookie } })).status).toBe(421);
  });
});
