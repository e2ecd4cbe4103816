/** CSRF, JSON-only bodies and body limits, through the real app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';

let t: TestContext;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn({ role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

const newUser = (username: string) => JSON.stringify({ username, role: 'staff', displayName: 'کارمند' });

async function userExists(username: string): Promise<boolean> {
  const result = await t.database.client.execute({ sql: 'SELECT 1 FROM users WHERE username = ?', args: [username] });
  return result.rows.length > 0;
}

/** A refused cross-site write answers its own stable code and a Persian message, never the generic http_error. */
async function expectCrossSiteRefusal(res: Response): Promise<void> {
  expect(res.status).toBe(403);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('cross_site_request');
  expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
}

describe('cross-site writes are refused', () => {
  it('refuses a POST whose Origin is another site, even with a valid session', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: newUser('csrf-origin'),
    });
    await expectCrossSiteRefusal(res);
    expect(await userExists('csrf-origin')).toBe(false);
  });

  it('refuses a POST a browser marks Sec-Fetch-Site: cross-site', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: newUser('csrf-fetch-site'),
    });
    await expectCrossSiteRefusal(res);
    expect(await userExists('csrf-fetch-site')).toBe(false);
  });

  it('refuses a form post without Origin (what an old browser or a cross-site form sends)', async () => {
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    await expectCrossSiteRefusal(res);
    expect((await t.as(admin)('/api/auth/me')).status).toBe(200);
  });

  it('refuses a form post from another site with the same code (red-team finding: it was http_error)', async () => {
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: admin, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    await expectCrossSiteRefusal(res);
    expect((await t.as(admin)('/api/auth/me')).status).toBe(200);
  });

  it('refuses a text/plain post from another site with the same code', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: newUser('csrf-text-evil'),
    });
    await expectCrossSiteRefusal(res);
    expect(await userExists('csrf-text-evil')).toBe(false);
  });

  it('refuses a text/plain body (the other content type a cross-site page may send) with 415', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, origin: 'http://localhost', 'content-type': 'text/plain' },
      body: newUser('csrf-text'),
    });
    expect([403, 415]).toContain(res.status);
    expect(await userExists('csrf-text')).toBe(false);
  });

  it('accepts the same write from our own origin', async () => {
    const res = await t.as(admin)('/api/users', { method: 'POST', body: newUser('same-origin') });
    expect(res.status).toBe(201);
    expect(await userExists('same-origin')).toBe(true);
  });

  it('refuses an upload (multipart) that does not name our Origin', async () => {
    const form = new FormData();
    form.set('file', new Blob(['x']), 'a.txt');
    const res = await t.app.request('/api/users', { method: 'POST', headers: { cookie: admin }, body: form });
    await expectCrossSiteRefusal(res);
  });
});

describe('bodies', () => {
  it('answers 415 to a same-origin write that is not JSON', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: admin, origin: 'http://localhost', 'content-type': 'application/xml' },
      body: '<user/>',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('answers 413 with our error shape to a JSON body over 1 MB', async () => {
    const res = await t.as(admin)('/api/users', {
      method: 'POST',
      json: { username: 'big', role: 'staff', displayName: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(await userExists('big')).toBe(false);
  });

  it('counts a chunked body without Content-Length too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('refuses a multipart upload over 20 MB', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(20 * 1024 * 1024 + 1)]), 'big.pdf');
    const res = await t.as(admin)('/api/users', { method: 'POST', body: form });
    expect(res.status).toBe(413);
  });
});

describe('writes without a body', () => {
  it('accepts a DELETE whose empty body arrives as a stream, as Node hands it to the app', async () => {
    const director = await t.signIn({ role: 'director' });
    const created = await t.request('/api/calendar/token', { method: 'POST', cookie: director, json: {} });
    expect(created.status).toBe(201);
    const res = await t.app.request(
      new Request('http://localhost/api/calendar/token', {
        method: 'DELETE',
        headers: { cookie: director, origin: 'http://localhost' },
        body: new ReadableStream({ start: (controller) => controller.close() }),
        duplex: 'half',
      } as RequestInit & { duplex: 'half' }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { active: boolean }).active).toBe(false);
  });
});
