/**
 * Issue 12, items 2 and 9. Parallel guesses do not buy extra tries: an attempt is counted in the
 * database before its password is checked, so of 30 concurrent wrong guesses at most 5 are
 * checked (before the fix all 30 were: 30 × 401, 0 × 429), also when the guesses are split
 * across two server instances on one database. Changing one's password with a wrong current
 * password is throttled the same way and every failure is audited (before: 10 × 403, no audit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDatabase, type Database } from '../../server/db/client';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../support/test-app';

let t: TestContext;
/** The hashing bound (item 5) out of the way, so only the counting in the database limits the guesses. */
const WIDE_POOL = { concurrency: 64, queue: 1_000, perAddress: 1_000 };

beforeAll(async () => {
  t = await createTestContext({ appDeps: { hashPool: WIDE_POOL } });
});
afterAll(async () => {
  await t.close();
});

const statuses = (responses: Response[]) => responses.map((r) => r.status);
const count = (list: number[], status: number) => list.filter((s) => s === status).length;

async function auditCount(event: string, key?: string): Promise<number> {
  const rs = await t.database.client.execute({
    sql: `SELECT count(*) AS n FROM audit_log WHERE event = ? ${key ? 'AND entity_id = ?' : ''}`,
    args: key ? [event, key] : [event],
  });
  return Number(rs.rows[0]?.n);
}

describe('concurrent wrong passwords', () => {
  it('of 30 sent at once for one user, checks at most 5 and refuses the rest with 429', async () => {
    const user = await t.createUser({ role: 'staff', username: 'burst-target' });
    const guesses = Array.from({ length: 30 }, (_, i) => t.request('/api/auth/login', { json: { username: user.username, password: `wrong-${i}` } }));
    const got = statuses(await Promise.all(guesses));
    expect(count(got, 401)).toBeLessThanOrEqual(5);
    expect(count(got, 401) + count(got, 429)).toBe(30);
    expect(await auditCount('login.failure', `${user.username}|local`)).toBeLessThanOrEqual(5);
    // Five were checked and failed: the right password now waits too.
    expect((await t.request('/api/auth/login', { json: { username: user.username, password: user.password } })).status).toBe(429);
  });

  it('split across two instances on one database, still checks at most 5', async () => {
    const user = await t.createUser({ role: 'staff', username: 'two-instance-target' });
    let second: Database | undefined;
    try {
      second = await openDatabase(t.database.url, { migrate: false });
      const other = createApp({ database: second, clock: t.clock, scrypt: { N: 2 ** 10, r: 8, p: 1 }, hashPool: WIDE_POOL });
      const viaOther = (i: number) =>
        other.request('/api/auth/login', {
          method: 'POST',
          headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ username: user.username, password: `wrong-b-${i}` }),
        });
      const guesses = Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0 ? t.request('/api/auth/login', { json: { username: user.username, password: `wrong-a-${i}` } }) : Promise.resolve(viaOther(i)),
      );
      const got = statuses(await Promise.all(guesses));
      expect(count(got, 401)).toBeLessThanOrEqual(5);
      expect(count(got, 401) + count(got, 429)).toBe(30);
    } finally {
      second?.close();
    }
  });
});

describe('changing one’s password with a wrong current password', () => {
  it('is throttled like signing in after 5 wrong tries, and each failure is audited', async () => {
    const { cookie, user } = await t.signInUser({ role: 'staff' });
    const me = t.as(cookie);
    const got: number[] = [];
    for (let i = 0; i < 10; i++) {
      got.push((await me('/api/auth/password', { json: { currentPassword: `wrong-${i}`, newPassword: 'a-new-long-passphrase' } })).status);
    }
    expect(got.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(got.slice(5)).toEqual([429, 429, 429, 429, 429]);
    expect(await auditCount('password.failure', `password|user:${user.id}`)).toBe(5);
    // The right password waits too, until the lock ends.
    expect((await me('/api/auth/password', { json: { currentPassword: user.password, newPassword: 'a-new-long-passphrase' } })).status).toBe(429);
    t.clock.advance(31_000);
    expect((await me('/api/auth/password', { json: { currentPassword: user.password, newPassword: 'a-new-long-passphrase' } })).status).toBe(200);
  });

  it('checks at most 5 of 10 sent at once', async () => {
    const { cookie } = await t.signInUser({ role: 'staff' });
    const me = t.as(cookie);
    const got = statuses(await Promise.all(Array.from({ length: 10 }, (_, i) => me('/api/auth/password', { json: { currentPassword: `bad-${i}`, newPassword: 'a-new-long-passphrase' } }))));
    expect(count(got, 403)).toBeLessThanOrEqual(5);
    expect(count(got, 403) + count(got, 429)).toBe(10);
  });
});
