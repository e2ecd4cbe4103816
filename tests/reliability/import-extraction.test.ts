/**
 * Issue 12, item 4: hostile or merely long imports (unpunctuated speech captions, 100,000 × «،», a
 * markdown run of `*a`, a 1 MB body) finish within a generous bound and never hold up other
 * requests: `/api/health` keeps answering fast meanwhile, because reading, repair and extraction
 * run in a worker thread. Before the fix 60,000 × «،» took ~10 s, 100,000 × 32 s, and health
 * waited the whole time. The same source again is recognised before anything is extracted. The
 * second red-team pass's worst cases («باید» on 100,000 lines, 500,000 characters without
 * punctuation) are imported and their drafts read back while health is probed.
 * Real server process, real HTTP, real database file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, signIn } from '../../scripts/bench/http-client';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';
import { probeHealthWhile } from '../support/health-probe';
import { createReliabilityWorld, type ReliabilityWorld } from '../support/reliability-world';
import { captions, longWord, unpunctuatedPersian } from '../../scripts/bench/hostile-text';

/** The target is 5 s per import at the body limits; six times that, the machine being shared (figures: npm run bench:hardening). */
const IMPORT_BOUND_MS = 30_000;
/** Health answers in a few ms on an idle server; a blocked event loop made it wait for seconds. */
const HEALTH_BOUND_MS = 1_000;

let world: ReliabilityWorld;
let server: ServerProcess;
let cookie: string;

beforeAll(async () => {
  world = await createReliabilityWorld();
  server = await startServer({ databaseUrl: world.databaseUrl });
  cookie = await signIn(server.url, world.manager, world.password);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  world?.dispose();
});

async function timedImport(json: Record<string, unknown>) {
  const started = performance.now();
  const [response, health] = await probeHealthWhile(server.url, callApi(server.url, '/api/imports', { cookie, json }));
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started, health };
}

describe('long and hostile imports', () => {
  const cases: Array<[string, () => Record<string, unknown>]> = [
    ['60,000 × «،» as JSON', () => ({ text: '،'.repeat(60_000), heldOn: '1399-11-01' })],
    ['100,000 × «،» as JSON', () => ({ text: '،'.repeat(100_000), heldOn: '1399-11-02' })],
    ['200,000 characters of Persian prose without punctuation', () => ({ text: unpunctuatedPersian(200_000), heldOn: '1399-11-03' })],
    ['a 1 MB JSON body of unpunctuated Persian', () => ({ text: unpunctuatedPersian(560_000), heldOn: '1399-11-04' })],
    ['markdown with «*a» × 40,000', () => ({ format: 'markdown', text: `---\nslug: star-run\ntitle: آزمون\nheldOn: 1399-11-05\n---\n\n${'*a'.repeat(40_000)}\n` })],
    ['a 238 KB WebVTT transcript without punctuation', () => ({ format: 'vtt', text: captions(238_000), heldOn: '1399-11-06' })],
  ];

  it.each(cases)('%s: answers within the bound, no 5xx, health fast meanwhile', async (_name, build) => {
    const json = build();
    const outcome = await timedImport(json);
    expect(outcome.status, outcome.body.slice(0, 300)).toBeLessThan(500);
    expect([201, 200, 422]).toContain(outcome.status);
    expect(outcome.ms).toBeLessThan(IMPORT_BOUND_MS);
    expect(outcome.health.failures).toBe(0);
    expect(outcome.health.count).toBeGreaterThan(0);
    expect(outcome.health.maxMs).toBeLessThan(HEALTH_BOUND_MS);
  }, 120_000);

  // Red-team pass 2: the worst cases at the body limit, with the draft read back while health is probed.
  it.each([
    ['«باید» on 100,000 lines (99,999 repairs)', { text: 'باید\n'.repeat(100_000), heldOn: '1399-11-08' }],
    ['500,000 characters of unpunctuated Persian', { text: unpunctuatedPersian(500_000, 11), heldOn: '1399-11-09' }],
  ])('%s: imported and read back within the bound, the draft small, health fast meanwhile', async (_name, json) => {
    const outcome = await timedImport(json);
    expect(outcome.status, outcome.body.slice(0, 300)).toBe(201);
    expect(outcome.ms).toBeLessThan(IMPORT_BOUND_MS);
    expect(outcome.health.failures).toBe(0);
    expect(outcome.health.count).toBeGreaterThan(0);
    expect(outcome.health.maxMs).toBeLessThan(HEALTH_BOUND_MS);
    // The source and the body are ~1 MB each; 99,999 repairs listed in full made it 16 MB.
    expect(outcome.body.length).toBeLessThan(3_000_000);

    const { slug } = JSON.parse(outcome.body) as { slug: string };
    const started = performance.now();
    const [response, health] = await probeHealthWhile(server.url, callApi(server.url, `/api/imports/${slug}`, { cookie }));
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBeLessThan(3_000_000);
    // Read from what the import stored (it repaired the source again before: 6.4 s at 500k characters).
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(health.failures).toBe(0);
    expect(health.maxMs).toBeLessThan(HEALTH_BOUND_MS);
  }, 120_000);

  it('recognises the same 1 MB source again before extracting it: 200 with the first draft, faster', async () => {
    const json = { text: unpunctuatedPersian(560_000, 7), heldOn: '1399-11-07' };
    const first = await timedImport(json);
    expect(first.status, first.body.slice(0, 300)).toBe(201);
    const second = await timedImport(json);
    expect(second.status, second.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(second.body).slug).toBe(JSON.parse(first.body).slug);
    // Reading and repair still run; extraction (most of the work) does not.
    expect(second.ms).toBeLessThan(first.ms);
  }, 120_000);
});
