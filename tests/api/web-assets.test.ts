/**
 * After a redeploy, a tab opened before it asks for the old build's hashed assets. Those must be a
 * 404 the page can act on, not index.html with 200 (the browser reported "Failed to load module
 * script" against an HTML body). Client routes still get index.html. Failed before the fix: a
 * missing /assets file answered 200 with the page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';

const webDist = mkdtempSync(join(tmpdir(), 'neshast-web-'));
let t: TestContext;

beforeAll(async () => {
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html lang="fa" dir="rtl"><title>نشست</title></html>');
  writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'export {};');
  t = await createTestContext({ catalogue: false, appDeps: { webDist } });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('the web build as served', () => {
  it('serves a present asset, cached for good', async () => {
    const response = await t.request('/assets/app-1234.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with 404, not the page, and never caches it', async () => {
    const response = await t.request('/assets/app-old.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<html');
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it('still serves the page for client routes', async () => {
    const response = await t.request('/sessions/some-webinar');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('lang="fa"');
  });
});
