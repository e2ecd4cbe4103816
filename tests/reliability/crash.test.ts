/**
 * Crash safety with SIGKILL: a bulk ingest killed at seeded random points leaves whole sessions
 * or none and completes when re-run; a kill during indexing leaves an index the next server start
 * detects and repairs; a server killed during concurrent follow-ups keeps every one it acknowledged,
 * and a client's retry with the same key stores the rest exactly once.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, signIn } from '../../scripts/bench/http-client';
import { writeBulkSessions } from '../support/bulk-corpus';
import { REPO_ROOT, startServer, type ServerProcess } from '../../scripts/bench/server-process';
import type { Database } from '../../server/db/client';
import { readJsonl } from '../../server/ingest/readers/jsonl';
import { seeded } from '../../scripts/eval/variants';
import { ConnectionLost, createReliabilityWorld, postFollowUp, type ReliabilityWorld } from '../support/reliability-world';

let world: ReliabilityWorld | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
  world?.dispose();
  world = undefined;
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scalar(database: Database, sql: string): Promise<number> {
  return Number((await database.client.execute(sql)).rows[0]?.[0] ?? 0);
}

async function integrity(database: Database): Promise<string> {
  return String((await database.client.execute('PRAGMA integrity_check')).rows[0]?.[0]);
}

/** Slugs whose stored paragraphs differ from the source (missing, extra or changed). */
async function partialSessions(database: Database, source: Map<string, string[]>): Promise<string[]> {
  const rows = await database.client.execute(
    "SELECT s.slug, p.text FROM sessions s LEFT JOIN paragraphs p ON p.session_id = s.id WHERE s.slug LIKE 'bulk-%' ORDER BY s.id, p.ordinal",
  );
  const stored = new Map<string, string[]>();
  for (const r of rows.rows) {
    const list = stored.get(String(r.slug)) ?? [];
    if (r.text !== null) list.push(String(r.text));
    stored.set(String(r.slug), list);
  }
  return [...stored].filter(([slug, texts]) => JSON.stringify(texts) !== JSON.stringify(source.get(slug))).map(([slug]) => slug);
}

/** Published sessions no persisted segment covers. */
function unindexed(database: Database): Promise<number> {
  return scalar(
    database,
    "SELECT count(*) FROM sessions WHERE status = 'published' AND id NOT IN (SELECT j.value FROM search_segments, json_each(search_segments.session_ids) AS j)",
  );
}

/** `npm run ingest` as a child process; resolves with its exit code and output. */
function spawnIngest(databaseUrl: string, file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--db', databaseUrl, file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal, output })),
  );
  return { child, done };
}

function sourceOf(file: string): Map<string, string[]> {
  return new Map(readJsonl(readFileSync(file, 'utf8')).map((s) => [s.slug, s.paragraphs.map((p) => p.text)]));
}

describe('SIGKILL during a bulk ingest', () => {
  it('leaves whole sessions or none at every kill, completes on re-run, and the next start repairs a killed indexing step', async () => {
    world = await createReliabilityWorld();
    const database = await world.open();
    try {
      const file = join(world.dir, 'bulk.jsonl');
      const size = 1_200;
      writeBulkSessions(size, file);
      const source = sourceOf(file);
      const random = seeded(20261126);

      // Kill at seeded random points of the write phase: once a random share of the sessions is stored, after a random delay.
      for (let kill = 0; kill < 3; kill++) {
        const before = await scalar(database, "SELECT count(*) FROM sessions WHERE slug LIKE 'bulk-%'");
        const target = before + Math.floor(random() * (size - before) * 0.9);
        const ingest = spawnIngest(world.databaseUrl, file);
        let exited = false;
        void ingest.done.then(() => (exited = true));
        while (!exited && (await scalar(database, "SELECT count(*) FROM sessions WHERE slug LIKE 'bulk-%'")) < target) await pause(10);
        await pause(random() * 150);
        ingest.child.kill('SIGKILL');
        const result = await ingest.done;
        expect(result.signal ?? 'exited', result.output).toBe('SIGKILL');

        expect(await integrity(database)).toBe('ok');
        expect(await partialSessions(database, source)).toEqual([]);
      }

      // Re-run to the end: everything stored, whole, and indexed.
      const rerun = await spawnIngest(world.databaseUrl, file).done;
      expect(rerun.code, rerun.output).toBe(0);
      expect(rerun.output).toMatch(/0 failed/);
      expect(await scalar(database, "SELECT count(*) FROM sessions WHERE slug LIKE 'bulk-%'")).toBe(size);
      expect(await partialSessions(database, source)).toEqual([]);
      expect(await unindexed(database)).toBe(0);

      // A kill in the indexing step: all sessions of a second file stored, their delta segment not yet written.
      const second = join(world.dir, 'second.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, 600);
      writeFileSync(second, lines.map((l) => l.replace(/"slug":"bulk-/, '"slug":"bulk-second-')).join('\n'));
      const total = size + 600;
      const ingest = spawnIngest(world.databaseUrl, second);
      let exited = false;
      void ingest.done.then(() => (exited = true));
      while (!exited && (await scalar(database, "SELECT count(*) FROM sessions WHERE slug LIKE 'bulk-%'")) < total) await pause(5);
      ingest.child.kill('SIGKILL');
      expect((await ingest.done).signal).toBe('SIGKILL');
      expect(await integrity(database)).toBe('ok');
      const missing = await unindexed(database);
      expect(missing).toBeGreaterThan(0);

      // The next start finds the index behind the sessions table and brings it level before serving.
      server = await startServer({ databaseUrl: world.databaseUrl });
      const published = await scalar(database, "SELECT count(*) FROM sessions WHERE status = 'published'");
      expect(server.output()).toContain(`search: ${published} sessions`);
      const cookie = await signIn(server.url, world.director, world.password);
      const title = readJsonl(lines[599] ?? '')[0]?.title ?? '';
      const res = await callApi(server.url, `/api/search?q=${encodeURIComponent(title)}&limit=20`, { cookie });
      expect(await res.text()).toContain('"slug":"bulk-second-');
      expect(await unindexed(database)).toBe(0);
    } finally {
      database.close();
    }
  }, 120_000);
});

describe('SIGKILL of the server during concurrent follow-ups', () => {
  it('keeps every acknowledged follow-up, whole, and stores the unacknowledged ones once when clients retry', async () => {
    world = await createReliabilityWorld();
    const w = world;
    const random = seeded(7_2026);
    const keys: Array<{ key: string; actionId: number }> = [];
    const acknowledged = new Set<string>();
    for (let round = 0; round < 2; round++) {
      server = await startServer({ databaseUrl: w.databaseUrl });
      const s = server;
      const cookie = await signIn(s.url, w.manager, w.password);
      const jobs = Array.from({ length: 80 }, (_, i) => {
        const key = `crash-${round}-${i}`;
        const actionId = w.actionIds[i % w.actionIds.length] ?? 0;
        keys.push({ key, actionId });
        return postFollowUp([s.url], cookie, actionId, key, `گزارش ${key}`, { random, stopOnConnectionLoss: true }).then(
          () => acknowledged.add(key),
          (error: unknown) => {
            if (!(error instanceof ConnectionLost)) throw error;
          },
        );
      });
      // Kill mid-flight: once a seeded share of this round's posts is acknowledged (notes append without
      // contention now, so a fixed pause could outlast them all on an idle machine).
      const target = acknowledged.size + 8 + Math.floor(random() * 40);
      const deadline = Date.now() + 10_000;
      while (acknowledged.size < target && Date.now() < deadline) await pause(2);
      await s.kill();
      await Promise.all(jobs);
      server = undefined;

      const database = await w.open();
      try {
        expect(await integrity(database)).toBe('ok');
        const stored = new Set((await database.client.execute("SELECT idempotency_key FROM follow_ups WHERE idempotency_key LIKE '%crash-%'")).rows.map((r) => String(r[0]).replace(/^u\d+:/, '')));
        for (const key of acknowledged) expect(stored.has(key), key).toBe(true);
        // Each stored follow-up came with its audit row: no half-written step.
        const followUps = await scalar(database, "SELECT count(*) FROM follow_ups WHERE idempotency_key LIKE '%crash-%'");
        const audits = await scalar(database, "SELECT count(*) FROM audit_log WHERE event = 'action.follow_up'");
        expect(audits).toBe(followUps);
      } finally {
        database.close();
      }
    }
    // The kills interrupted real work: some posts were acknowledged, some were not.
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(keys.length);

    // Clients retry what they never saw acknowledged, with the same keys: each stored once.
    server = await startServer({ databaseUrl: w.databaseUrl });
    const s = server;
    const cookie = await signIn(s.url, w.manager, w.password);
    const outcomes = await Promise.all(keys.filter((k) => !acknowledged.has(k.key)).map((k) => postFollowUp([s.url], cookie, k.actionId, k.key, `گزارش ${k.key}`, { random })));
    expect(outcomes.every((o) => o.status === 201 || o.status === 200)).toBe(true);
    const database = await w.open();
    try {
      const rows = await database.client.execute("SELECT idempotency_key FROM follow_ups WHERE idempotency_key LIKE '%crash-%'");
      expect(rows.rows.length).toBe(keys.length);
      expect(new Set(rows.rows.map((r) => String(r[0]))).size).toBe(keys.length);
    } finally {
      database.close();
    }
  }, 120_000);
});
