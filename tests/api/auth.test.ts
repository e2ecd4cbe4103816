/** Signing in and out through the real app: cookies, expiry, password change, disabled users, back-off. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, sessionCookieOf, type TestContext } from '../support/test-app';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

async function auditEvents(): Promise<string[]> {
  const result = await t.database.client.execute('SELECT event FROM audit_log ORDER BY id');
  return result.rows.map((r) => String(r.event));
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie and returns the user', async () => {
    const user = await t.createUser({ role: 'manager', username: 'maryam' });
    const res = await t.request('/api/auth/login', { json: { username: 'Maryam', password: user.password } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ username: 'maryam', role: 'manager', unitCode: null });
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
    expect(await auditEvents()).toContain('login.success');
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = await createTestContext({ appDeps: { publicUrl: 'https://neshast.example.org' } });
    try {
      const user = await secure.createUser({ role: 'staff' });
      const res = await secure.request('/api/auth/login', {
        json: { username: user.username, password: user.password },
        headers: { origin: 'https://neshast.example.org' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-neshast_session=.*Secure/);
    } finally {
      await secure.close();
    }
  });

  it('answers 401 to a wrong password and logs the failure', async () => {
    const user = await t.createUser({ role: 'staff' });
    const res = await t.request('/api/auth/login', { json: { username: user.username, password: 'wrong-password' } });
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBeUndefined();
    expect((await res.json()).error.code).toBe('invalid_credentials');
    expect(await auditEvents()).toContain('login.failure');
  });

  it('stores only a hash of the cookie token', async () => {
    const cookie = await t.signIn({ role: 'staff' });
    const token = cookie.split('=')[1] ?? '';
    const rows = await t.database.client.execute('SELECT token_hash FROM auth_sessions');
    expect(rows.rows).toHaveLength(1);
    expect(String(rows.rows[0]?.token_hash)).not.toContain(token);
  });

  it('the sixth quick wrong password gets 429 with Retry-After, even with the right password', async () => {
    const user = await t.createUser({ role: 'staff' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.request('/api/auth/login', { json: { username: user.username, password: `wrong-${i}` } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await t.request('/api/auth/login', { json: { username: user.username, password: user.password } });
    expect(right.status).toBe(429);
  });

  it('backs off longer with each further failure and lets the user in once the wait is over', async () => {
    const user = await t.createUser({ role: 'staff' });
    const attempt = (password: string) => t.request('/api/auth/login', { json: { username: user.username, password } });
    for (let i = 0; i < 5; i++) await attempt('wrong');
    const first = Number((await attempt('wrong')).headers.get('retry-after'));
    t.clock.advance(first * 1000 + 1);
    expect((await attempt('wrong')).status).toBe(401);
    const second = Number((await attempt('wrong')).headers.get('retry-after'));
    expect(second).toBeGreaterThan(first);
    t.clock.advance(second * 1000 + 1);
    expect((await attempt(user.password)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('/api/auth/me answers 401 without a cookie and the user with one', async () => {
    expect((await t.request('/api/auth/me')).status).toBe(401);
    const cookie = await t.signIn({ role: 'director' });
    const me = await t.as(cookie)('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'director', unitCode: 'prov-east-azarbaijan' });
  });

  it('logout ends the session', async () => {
    const cookie = await t.signIn({ role: 'staff' });
    expect((await t.as(cookie)('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect((await t.as(cookie)('/api/auth/me')).status).toBe(401);
  });

  it('ends after the idle time and after the absolute lifetime', async () => {
    const cookie = await t.signIn({ role: 'staff' });
    t.clock.advance(7 * 60 * 60_000);
    expect((await t.as(cookie)('/api/auth/me')).status).toBe(200);
    t.clock.advance(7 * 60 * 60_000);
    expect((await t.as(cookie)('/api/auth/me')).status).toBe(200);
    t.clock.advance(8 * 60 * 60_000 + 1);
    expect((await t.as(cookie)('/api/auth/me')).status).toBe(401);

    // A session used every six hours still ends seven days after sign-in.
    const busy = await t.signIn({ role: 'staff' });
    const statuses: number[] = [];
    for (let hours = 6; hours <= 7 * 24 + 6; hours += 6) {
      t.clock.advance(6 * 60 * 60_000);
      statuses.push((await t.as(busy)('/api/auth/me')).status);
    }
    expect(statuses.slice(0, 27).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(27)).toEqual([401, 401]);
  });

  it('a cookie of a user the admin disables stops working at once', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const { cookie, user } = await t.signInUser({ role: 'staff' });
    expect((await t.as(cookie)('/api/sessions')).status).toBe(200);
    const res = await t.as(admin)(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: true } });
    expect(res.status).toBe(200);
    expect((await t.as(cookie)('/api/sessions')).status).toBe(401);
    const again = await t.request('/api/auth/login', { json: { username: user.username, password: user.password } });
    expect(again.status).toBe(401);
  });

  it('changing the password signs out every other session and keeps this one', async () => {
    const { cookie: laptop, user } = await t.signInUser({ role: 'manager' });
    const phone = await t.signIn({ role: 'manager', username: user.username, password: user.password });
    const res = await t.as(laptop)('/api/auth/password', {
      json: { currentPassword: user.password, newPassword: 'a-new-long-passphrase' },
    });
    expect(res.status).toBe(200);
    const fresh = sessionCookieOf(res);
    expect(fresh).toBeDefined();
    expect((await t.as(phone)('/api/auth/me')).status).toBe(401);
    expect((await t.as(laptop)('/api/auth/me')).status).toBe(401);
    expect((await t.as(fresh ?? '')('/api/auth/me')).status).toBe(200);
    const old = await t.request('/api/auth/login', { json: { username: user.username, password: user.password } });
    expect(old.status).toBe(401);
    const renewed = await t.request('/api/auth/login', { json: { username: user.username, password: 'a-new-long-passphrase' } });
    expect(renewed.status).toBe(200);
  });

  it('refuses a password change with the wrong current password', async () => {
    const { cookie } = await t.signInUser({ role: 'staff' });
    const res = await t.as(cookie)('/api/auth/password', { json: { currentPassword: 'nope', newPassword: 'a-new-long-passphrase' } });
    expect(res.status).toBe(403);
  });
});
