/**
 * Issue 12, item 6: notification read state is each person's own. Before the fix it was the
 * notification's: a staff account of a unit could mark that unit's reminders read for its
 * director, and a manager's «read all» cleared every director's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, DEFAULT_DIRECTOR_UNIT, type TestContext, type TestRequest } from '../support/test-app';
import { buildAccessWorld, type AccessWorld } from './access-world';

interface List {
  items: Array<{ id: number; readAt: string | null }>;
  unread: number;
}

let t: TestContext;
let w: AccessWorld;
let director: TestRequest;
let staff: TestRequest;
let manager: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildAccessWorld(t);
  director = t.as(await t.signIn({ role: 'director' }));
  staff = t.as(await t.signIn({ role: 'staff', unitCode: DEFAULT_DIRECTOR_UNIT }));
  manager = t.as(await t.signIn({ role: 'manager' }));
}, 120_000);
afterAll(async () => {
  await t.close();
});

const readAtOf = async (who: TestRequest, id: number) => (await expectJson<List>(await who('/api/notifications'), 200)).items.find((n) => n.id === id)?.readAt;

describe('notification read state', () => {
  it('a staff member of the unit marking one read leaves it unread for the director', async () => {
    expect(await readAtOf(director, w.notificationId)).toBeNull();
    await expectJson(await staff(`/api/notifications/${w.notificationId}/read`, { method: 'POST' }), 200);
    expect(await readAtOf(staff, w.notificationId)).not.toBeNull();
    expect(await readAtOf(director, w.notificationId)).toBeNull();
  });

  it('a manager’s «read all» clears only the manager’s', async () => {
    const before = await expectJson<List>(await director('/api/notifications'), 200);
    const marked = await expectJson<{ count: number }>(await manager('/api/notifications/read-all', { method: 'POST' }), 200);
    expect(marked.count).toBeGreaterThan(0);
    expect((await expectJson<List>(await manager('/api/notifications'), 200)).unread).toBe(0);
    expect((await expectJson<List>(await director('/api/notifications'), 200)).unread).toBe(before.unread);
  });

  it('the director’s own read is the director’s, and marking again keeps the first time', async () => {
    const first = await expectJson<{ readAt: string }>(await director(`/api/notifications/${w.notificationId}/read`, { method: 'POST' }), 200);
    t.clock.advance(60_000);
    const again = await expectJson<{ readAt: string }>(await director(`/api/notifications/${w.notificationId}/read`, { method: 'POST' }), 200);
    expect(again.readAt).toBe(first.readAt);
    expect(await readAtOf(director, w.notificationId)).toBe(first.readAt);
    const unreadOnly = await expectJson<List>(await director('/api/notifications?unread=1'), 200);
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(w.notificationId);
  });

  it('«read all» of a unit’s account covers that unit’s notifications, for that account only', async () => {
    const other = t.as(await t.signIn({ role: 'director' }));
    const before = await expectJson<List>(await other('/api/notifications'), 200);
    expect(before.unread).toBeGreaterThan(0);
    const marked = await expectJson<{ count: number }>(await other('/api/notifications/read-all', { method: 'POST' }), 200);
    expect(marked.count).toBe(before.unread);
    expect((await expectJson<List>(await other('/api/notifications'), 200)).unread).toBe(0);
    expect((await expectJson<List>(await staff('/api/notifications'), 200)).items.length).toBe(before.items.length);
  });
});
