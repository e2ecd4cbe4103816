import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestRequest } from '../support/test-app';

type Ctx = Awaited<ReturnType<typeof createTestContext>>;
let t: Ctx;
let asStaff: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  await t.ingestContent();
  asStaff = t.as(await t.signIn({ role: 'staff' }));
});
afterAll(() => t.close());

interface ErrorShape {
  error: { code: string; message: string };
}

describe('GET /api/health', () => {
  it('answers without a session', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/sessions', () => {
  it('lists sessions newest first with a total', async () => {
    const res = await asStaff('/api/sessions?limit=2');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Array<{ slug: string; heldOn: string }>; total: number; limit: number };
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    const all = (await (await asStaff('/api/sessions?limit=100')).json()) as { items: Array<{ heldOn: string }> };
    const dates = all.items.map((s) => s.heldOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages with offset', async () => {
    const first = (await (await asStaff('/api/sessions?limit=1&offset=0')).json()) as { items: Array<{ slug: string }> };
    const second = (await (await asStaff('/api/sessions?limit=1&offset=1')).json()) as { items: Array<{ slug: string }> };
    expect(first.items[0]?.slug).not.toBe(second.items[0]?.slug);
  });

  it.each(['limit=0', 'limit=abc', 'limit=101', 'offset=-1'])('refuses %s with a 400 error shape', async (query) => {
    const res = await asStaff(`/api/sessions?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorShape;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('GET /api/sessions/:slug', () => {
  it('returns the seed session with paragraphs, speakers and directives quoted at their offsets', async () => {
    const res = await asStaff('/api/sessions/tvto-outsourcing-webinar-1');
    expect(res.status).toBe(200);
    const s = (await res.json()) as {
      body: string;
      heldOn: string;
      speakers: string[];
      paragraphs: Array<{ text: string; start: number; end: number }>;
      directives: Array<{ anchor: string; quote: string; start: number; end: number; kind: string; assignee: { code: string } | null; recipient: { name: string } | null }>;
    };
    expect(s.heldOn).toBe('2021-01-20');
    expect(s.speakers).toContain('حسین فیروزی');
    for (const p of s.paragraphs) expect(s.body.slice(p.start, p.end)).toBe(p.text);
    expect(s.directives.length).toBeGreaterThanOrEqual(4);
    for (const d of s.directives) expect(s.body.slice(d.start, d.end)).toBe(d.quote);
    const programmes = s.directives.find((d) => d.anchor === 'operational-programmes-1400');
    expect(programmes?.assignee?.code).toBe('all-provinces');
    expect(programmes?.recipient?.name).toBe('سازمان برنامه و بودجه کشور');
    expect(s.directives.find((d) => d.anchor === 'budget-incentive-policy')?.kind).toBe('policy');
  });

  it('answers 404 with the error shape for an unknown slug', async () => {
    const res = await asStaff('/api/sessions/no-such-session');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorShape).error).toEqual({ code: 'not_found', message: 'نشست پیدا نشد.' });
  });

  it('answers an unknown API path with a JSON 404, not the web app', async () => {
    const res = await asStaff('/api/no-such-resource');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the session routes from their zod schemas', async () => {
    const res = await asStaff('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { servers: Array<{ url: string }>; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.servers[0]?.url).toBe('/api');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/sessions', '/sessions/{slug}']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SessionDetail', 'Directive', 'Error']));
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and nosniff', async () => {
    const res = await t.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
