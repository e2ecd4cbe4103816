/**
 * Issue 12, items 8 and 13. The evidence download keeps its own strict policy
 * (`default-src 'none'; sandbox`) instead of the site-wide one; HSTS is sent only when the
 * server is reached over HTTPS (PUBLIC_URL https). Before the fix the download carried the
 * site-wide CSP and every answer, plain HTTP included, carried Strict-Transport-Security.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';
import { buildAccessWorld, type AccessWorld } from './access-world';

let t: TestContext;
let w: AccessWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildAccessWorld(t);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('security headers', () => {
  it('serves evidence with its own sandboxing policy, not the site-wide one', async () => {
    const staff = t.as(await t.signIn({ role: 'staff' }));
    const response = await staff(`/api/evidence/${w.evidenceId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the site-wide policy on other answers', async () => {
    const response = await t.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends no HSTS over plain HTTP (no PUBLIC_URL, or an http one)', async () => {
    expect((await t.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
    const plain = await createTestContext({ catalogue: false, appDeps: { publicUrl: 'http://neshast.example.org' } });
    try {
      expect((await plain.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const secure = await createTestContext({ catalogue: false, appDeps: { publicUrl: 'https://neshast.example.org' } });
    try {
      const response = await secure.request('/api/health', { headers: { origin: 'https://neshast.example.org' } });
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});
