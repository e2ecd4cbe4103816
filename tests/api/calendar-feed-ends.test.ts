/**
 * Issue 12, item 10: a calendar feed link ends wherever sign-in sessions end: a password change,
 * an admin's reset, a disable (and stays ended after re-enabling). Before the fix the same feed
 * URL kept working after a password change and after disable + enable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let admin: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  admin = t.as(await t.signIn({ role: 'admin' }));
});
afterAll(async () => {
  await t.close();
});

async function feedPathOf(me: TestRequest): Promise<string> {
  const res = await me('/api/calendar/token', { method: 'POST' });
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as { url: string };
  return new URL(url).pathname;
}

const feedStatus = async (path: string) => (await t.request(path)).status;

describe('calendar feed tokens', () => {
  it('end when the user changes their password', async () => {
    const { cookie, user } = await t.signInUser({ role: 'director' });
    const me = t.as(cookie);
    const feed = await feedPathOf(me);
    expect(await feedStatus(feed)).toBe(200);
    const change = await me('/api/auth/password', { json: { currentPassword: user.password, newPassword: 'another-long-passphrase' } });
    expect(change.status).toBe(200);
    expect(await feedStatus(feed)).toBe(404);
  });

  it('end when an admin resets the password', async () => {
    const { cookie, user } = await t.signInUser({ role: 'staff' });
    const feed = await feedPathOf(t.as(cookie));
    expect((await admin(`/api/users/${user.id}/password`, { method: 'POST' })).status).toBe(200);
    expect(await feedStatus(feed)).toBe(404);
  });

  it('end on disable and stay ended after the account is enabled again', async () => {
    const { cookie, user } = await t.signInUser({ role: 'director' });
    const feed = await feedPathOf(t.as(cookie));
    expect((await admin(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect(await feedStatus(feed)).toBe(404);
    expect((await admin(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: false } })).status).toBe(200);
    expect(await feedStatus(feed)).toBe(404);
  });

  it('keep working through ordinary sign-in and sign-out', async () => {
    const { cookie, user } = await t.signInUser({ role: 'director' });
    const feed = await feedPathOf(t.as(cookie));
    await t.as(cookie)('/api/auth/logout', { method: 'POST' });
    await t.signIn({ role: 'director', username: user.username, password: user.password });
    expect(await feedStatus(feed)).toBe(200);
  });
});
