/**
 * What `npm start` runs: the compiled server in dist/server (built here if older than its sources)
 * serves a real database, and its search merge and its build of the search of everything run in
 * worker threads from the compiled merge-worker.js and everything-worker.js, not through tsx.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServer } from '../../scripts/bench/server-process';
import { buildServer, serverIsStale } from '../../scripts/build.mjs';
import { createReliabilityWorld, type ReliabilityWorld } from '../support/reliability-world';

let world: ReliabilityWorld;

beforeAll(async () => {
  if (serverIsStale()) await buildServer();
  world = await createReliabilityWorld();
});
afterAll(() => world?.dispose());

describe('the compiled server (npm start)', () => {
  it('loads the index, answers health and refuses an anonymous read with the JSON error shape', async () => {
    const server = await startServer({ databaseUrl: world.databaseUrl, compiled: true });
    try {
      expect(server.output()).toMatch(/search: \d+ sessions/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const anonymous = await fetch(`${server.url}/api/sessions`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: expect.any(String) } });
    } finally {
      await server.stop();
    }
  });

  it('merges the search index in a worker thread running dist/server/merge-worker.js', async () => {
    const program = [
      "const { runMergeInWorker } = await import('./dist/server/background-merge.js');",
      `const result = await runMergeInWorker({ kind: 'search-merge', url: ${JSON.stringify(world.databaseUrl)}, now: new Date().toISOString() });`,
      'console.log(JSON.stringify({ threadId: result.threadId, generation: result.generation, sessions: result.segment.docs.length }));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program], { cwd: REPO_ROOT });
    const result: unknown = JSON.parse(stdout);
    expect(result).toMatchObject({ threadId: expect.any(Number), generation: expect.any(Number), sessions: expect.any(Number) });
    expect(result).not.toMatchObject({ threadId: 0 });
    expect(result).not.toMatchObject({ sessions: 0 });
  });

  it('builds the search of everything in a worker thread running dist/server/everything-worker.js', async () => {
    const program = [
      "const { buildInWorker } = await import('./dist/server/background-build.js');",
      'const documents = { directives: 0, followups: 0 };',
      `const done = await buildInWorker({ kind: 'everything-build', url: ${JSON.stringify(world.databaseUrl)} }, (kind, part) => { documents[kind] += part.segment.docs.length; });`,
      'console.log(JSON.stringify({ threadId: done.threadId, directives: done.marks.directives, indexed: documents.directives, units: done.units.length }));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program], { cwd: REPO_ROOT });
    const result: unknown = JSON.parse(stdout);
    expect(result).toMatchObject({ threadId: expect.any(Number), directives: expect.any(Number), indexed: expect.any(Number), units: expect.any(Number) });
    expect(result).not.toMatchObject({ threadId: 0 });
    expect(result).not.toMatchObject({ indexed: 0 });
    expect(result).not.toMatchObject({ units: 0 });
  });
});
