/**
 * Two real server processes on one database file (WAL) behave as one service: a session published
 * through one is found through the other within 2 s (the index generation in the database), and
 * 200 concurrent follow-ups sent to both are stored exactly once each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callApi, signIn } from '../../scripts/bench/http-client';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';
import { seeded } from '../../scripts/eval/variants';
import { createReliabilityWorld, postFollowUp, type ReliabilityWorld } from '../support/reliability-world';

let world: ReliabilityWorld;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  world = await createReliabilityWorld();
  const started = await Promise.allSettled([startServer({ databaseUrl: world.databaseUrl }), startServer({ databaseUrl: world.databaseUrl })]);
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const [first, second] = servers;
  if (!first || !second) {
    // One failed: stop the other, so no server outlives the test.
    await Promise.all(servers.map((s) => s.stop()));
    throw started.find((r) => r.status === 'rejected')?.reason;
  }
  a = first;
  b = second;
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  world?.dispose();
});

async function findsSlug(url: string, cookie: string, q: string, slug: string): Promise<boolean> {
  const res = await callApi(url, `/api/search?q=${encodeURIComponent(q)}`, { cookie });
  return res.ok && (await res.text()).includes(`"slug":"${slug}"`);
}

describe('two instances on one database', () => {
  it('finds a session published through one instance through the other within 2 s', async () => {
    const managerOnA = await signIn(a.url, world.manager, world.password);
    const staffOnB = await signIn(b.url, world.director, world.password);
    const word = 'کهربانگار';
    expect(await findsSlug(b.url, staffOnB, word, '')).toBe(false);

    const draft = await callApi(a.url, '/api/imports', {
      cookie: managerOnA,
      json: { title: `نشست ${word}`, heldOn: '1400-02-01', text: `گزارش طرح ${word} در استان‌ها ارائه شد.\n\nجمع‌بندی نشست.` },
    });
    expect(draft.status).toBe(201);
    const { slug } = z.object({ slug: z.string() }).parse(await draft.json());
    // A draft is never searchable, on either instance.
    expect(await findsSlug(b.url, staffOnB, word, slug)).toBe(false);

    const published = await callApi(a.url, `/api/imports/${slug}/publish`, { cookie: managerOnA, json: { rejectUnreviewed: true } });
    expect(published.status).toBe(200);
    const since = Date.now();
    let found = false;
    while (!found && Date.now() - since < 5_000) {
      found = await findsSlug(b.url, staffOnB, word, slug);
      if (!found) await new Promise((r) => setTimeout(r, 25));
    }
    const elapsed = Date.now() - since;
    expect(found).toBe(true);
    expect(elapsed).toBeLessThanOrEqual(2_000);
    // And on the instance that wrote it, at once.
    expect(await findsSlug(a.url, await signIn(a.url, world.director, world.password), word, slug)).toBe(true);
  }, 30_000);

  it('stores 200 concurrent follow-ups sent to both instances exactly once each', async () => {
    const cookieA = await signIn(a.url, world.manager, world.password);
    const cookieB = await signIn(b.url, world.manager, world.password);
    const random = seeded(7);
    const actions = world.actionIds.slice(0, 20);
    const jobs = Array.from({ length: 200 }, (_, i) => {
      const onA = i % 2 === 0;
      const urls = onA ? [a.url, b.url] : [b.url, a.url];
      // Both instances share the sign-in sessions table, so either cookie works on either instance.
      return postFollowUp(urls, onA ? cookieA : cookieB, actions[i % actions.length] ?? 0, `two-instances-${i}`, `گزارش پیشرفت شماره ${i}`, { random });
    });
    const outcomes = await Promise.all(jobs);
    expect(outcomes.every((o) => o.status === 201)).toBe(true);
    const conflicts = outcomes.reduce((n, o) => n + o.conflicts, 0);
    // A note overwrites nothing, so it is appended without contending (issue 14): no post had to be redone.
    expect(conflicts).toBe(0);

    // A retry of an acknowledged post (its answer lost) on the other instance is not stored again.
    const replay = await callApi(b.url, `/api/actions/${actions[0]}/follow-ups`, {
      cookie: cookieA,
      json: { version: 1, note: 'گزارش پیشرفت شماره 0' },
      headers: { 'idempotency-key': 'two-instances-0' },
    });
    expect(replay.status).toBe(200);

    const database = await world.open();
    try {
      const rows = await database.client.execute("SELECT idempotency_key AS k, action_id AS a FROM follow_ups WHERE idempotency_key LIKE '%two-instances-%'");
      expect(rows.rows.length).toBe(200);
      expect(new Set(rows.rows.map((r) => String(r.k))).size).toBe(200);
      // Each action moved once per follow-up it received: no lost update.
      for (const id of actions) {
        const expected = outcomes.filter((_, i) => actions[i % actions.length] === id).length;
        const stored = rows.rows.filter((r) => Number(r.a) === id).length;
        expect(stored).toBe(expected);
        const audit = await database.client.execute({ sql: "SELECT count(*) AS n FROM audit_log WHERE entity = 'action' AND entity_id = ? AND event = 'action.follow_up'", args: [String(id)] });
        expect(Number(audit.rows[0]?.n)).toBe(expected);
      }
    } finally {
      database.close();
    }
  }, 60_000);
});
