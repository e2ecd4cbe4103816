/**
 * A database held locked by another writer for longer than the busy timeout: writes answer 503
 * with Retry-After and change nothing, reads still answer (WAL), and the same post retried after
 * the lock is gone is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callApi, signIn } from '../../scripts/bench/http-client';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';
import { createReliabilityWorld, type ReliabilityWorld } from '../support/reliability-world';

const ActionJson = z.object({ version: z.number(), progress: z.number() });
const ErrorJson = z.object({ error: z.object({ code: z.string() }) });

let world: ReliabilityWorld;
let server: ServerProcess;

beforeAll(async () => {
  world = await createReliabilityWorld();
  server = await startServer({ databaseUrl: world.databaseUrl, env: { DATABASE_BUSY_TIMEOUT_MS: '300' } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  world?.dispose();
});

describe('a locked database', () => {
  it('answers 503 with Retry-After while another writer holds the lock, never a partial write', async () => {
    const cookie = await signIn(server.url, world.director, world.password);
    const id = world.directorActionId;
    const before = ActionJson.parse(await (await callApi(server.url, `/api/actions/${id}`, { cookie })).json());

    const other = await world.open();
    // BEGIN IMMEDIATE: the write lock, held by another connection for longer than the server waits.
    const lock = await other.client.transaction('write');
    try {
      await lock.execute({ sql: 'UPDATE action_items SET priority = priority WHERE id = ?', args: [id] });
      const post = () =>
        callApi(server.url, `/api/actions/${id}/follow-ups`, {
          cookie,
          json: { version: before.version, note: 'گزارش در زمان قفل', progress: 40 },
          headers: { 'idempotency-key': 'locked-1' },
        });
      const started = Date.now();
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(ErrorJson.parse(await refused.json()).error.code).toBe('unavailable');
      // It waited for the lock (the busy timeout), then gave up rather than hang.
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);

      // Readers are not blocked by a writer in WAL mode.
      const read = await callApi(server.url, `/api/actions/${id}`, { cookie });
      expect(read.status).toBe(200);
      expect(ActionJson.parse(await read.json()).version).toBe(before.version);
    } finally {
      await lock.rollback();
      lock.close();
    }

    // The client retries after Retry-After, with the same key: stored once.
    const retried = await callApi(server.url, `/api/actions/${id}/follow-ups`, {
      cookie,
      json: { version: before.version, note: 'گزارش در زمان قفل', progress: 40 },
      headers: { 'idempotency-key': 'locked-1' },
    });
    expect(retried.status).toBe(201);
    const after = ActionJson.parse(await retried.json());
    expect(after.version).toBe(before.version + 1);
    expect(after.progress).toBe(40);

    const rows = await other.client.execute("SELECT count(*) AS n FROM follow_ups WHERE idempotency_key LIKE '%locked-1'");
    expect(Number(rows.rows[0]?.n)).toBe(1);
    expect(String((await other.client.execute('PRAGMA integrity_check')).rows[0]?.[0])).toBe('ok');
    other.close();
  }, 30_000);
});
