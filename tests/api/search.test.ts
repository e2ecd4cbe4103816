import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSessions } from '../../server/ingest/session-store';
import type { SessionInput } from '../../server/ingest/session-input';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Page {
  total: number;
  hits: Array<{
    session: { slug: string; title: string; kind: string; heldOn: string | null };
    score: number;
    paragraphs: Array<{ ordinal: number; snippet: string; highlights: Array<[number, number]>; speaker: string | null }>;
  }>;
  ignored: string[];
}

const FIROUZI_PARAGRAPHS = [
  'استان‌ها اموال مازاد را بر اساس ماده ۲۷ از طريق شوراي برنامه‌ريزي استان مي‌فروشند.',
  'برنامه‌هاي عملياتي بودجه ۱۴۰۰ ظرف دو هفته به سازمان برنامه و بودجه ارسال شود.',
  'فروش و واگذاري اموال ظرف سه ماه آينده برنامه‌ريزي و پيگيري شود؛ اين موضوع فوري است.',
];

function session(slug: string, title: string, paragraphs: string[], extra: Partial<SessionInput> = {}): SessionInput {
  return {
    slug,
    title,
    kind: 'webinar',
    heldOn: '2021-01-20',
    sourceKind: 'jsonl',
    sourceText: paragraphs.join('\n\n'),
    tags: [],
    paragraphs: paragraphs.map((text) => ({ text, speaker: extra.speakers?.[0] ?? null })),
    directives: [],
    ...extra,
  };
}

describe('GET /api/search', () => {
  let t: TestContext;
  let staff: TestRequest;
  const search = async (params: Record<string, string>) => {
    const res = await staff(`/api/search?${new URLSearchParams(params).toString()}`);
    return { status: res.status, body: (await res.json()) as Page & { error?: { code: string; message: string } } };
  };

  beforeAll(async () => {
    t = await createTestContext({ catalogue: false });
    await storeSessions(
      t.database.client,
      [
        session('tvto-webinar', 'نخستين وبينار واگذاري امور به بخش غيردولتي', FIROUZI_PARAGRAPHS, { speakers: ['حسين فيروزي'] }),
        session('council-meeting', 'جلسه شورای معاونان', ['گزارش پیشرفت آموزش مهارت در استان گیلان ارائه شد.', 'بودجه آموزش بررسی شد.'], {
          kind: 'meeting',
          heldOn: '2021-03-01',
          speakers: ['مریم احمدی'],
        }),
        session('news-item', 'خبر کوتاه', ['سازمان آموزش فنی و حرفه‌ای (TVTO) اطلاعیه داد.'], { kind: 'news', heldOn: '2020-06-01' }),
      ],
      t.clock.now(),
    );
    staff = t.as(await t.signIn({ role: 'staff' }));
  });
  afterAll(() => t.close());

  it('asks for sign-in', async () => {
    expect((await t.request('/api/search?q=بودجه')).status).toBe(401);
  });

  it('groups results by session with its best paragraphs first', async () => {
    const { status, body } = await search({ q: 'برنامه‌ریزی فروش اموال', prefix: '0' });
    expect(status).toBe(200);
    expect(body.hits.map((h) => h.session.slug)).toEqual(['tvto-webinar']);
    expect(body.total).toBe(1);
    const ordinals = body.hits[0]?.paragraphs.map((p) => p.ordinal) ?? [];
    // Paragraph 2 has all three words, 0 has two, 1 only «برنامه».
    expect(ordinals).toEqual([2, 0, 1]);
  });

  it('marks the original characters of words written with ZWNJ and Arabic letters', async () => {
    const { body } = await search({ q: 'برنامههای عملیاتی', prefix: '0' });
    const hit = body.hits[0];
    expect(hit?.session.slug).toBe('tvto-webinar');
    const paragraph = hit?.paragraphs[0];
    expect(paragraph?.ordinal).toBe(1);
    const text = FIROUZI_PARAGRAPHS[1] ?? '';
    const marked = (paragraph?.highlights ?? []).map(([s, e]) => text.slice(s, e));
    expect(marked).toContain('عملياتي');
    expect(marked).toContain('برنامه');
    expect(paragraph?.snippet).toContain('<mark>عملياتي</mark>');
  });

  it('finds ZWNJ words however they are typed', async () => {
    for (const q of ['می‌فروشند', 'می فروشند', 'میفروشند']) {
      const { body } = await search({ q, prefix: '0' });
      expect(body.hits[0]?.paragraphs[0]?.snippet, q).toContain('<mark>مي‌فروشند</mark>');
    }
  });

  it('filters by Jalali or ISO dates, speaker and kind', async () => {
    const slugs = async (params: Record<string, string>) => (await search({ q: 'آموزش بودجه', ...params })).body.hits.map((h) => h.session.slug).sort();
    expect(await slugs({})).toEqual(['council-meeting', 'news-item', 'tvto-webinar']);
    expect(await slugs({ from: '1399-11-01', to: '1399-11-30' })).toEqual(['tvto-webinar']);
    expect(await slugs({ from: '۱۳۹۹-۱۲-۰۱' })).toEqual(['council-meeting']);
    expect(await slugs({ to: '2020-12-31' })).toEqual(['news-item']);
    expect(await slugs({ speaker: 'فیروزی' })).toEqual(['tvto-webinar']);
    expect(await slugs({ kind: 'meeting' })).toEqual(['council-meeting']);
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = await search({ q: 'بودجه', limit: '1' });
    const second = await search({ q: 'بودجه', limit: '1', offset: '1' });
    expect(first.body.total).toBe(2);
    expect(first.body.hits).toHaveLength(1);
    expect(second.body.hits[0]?.session.slug).not.toBe(first.body.hits[0]?.session.slug);
  });

  it('answers bad input with a stable code and a Persian message, never a 500', async () => {
    const empty = await search({ q: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.code).toBe('query_empty');
    expect(empty.body.error?.message).toMatch(/[\u0600-\u06FF]/);
    expect((await search({ q: '؟!،.:;' })).body.error?.code).toBe('query_empty');
    const long = await search({ q: 'بودجه '.repeat(2_000) });
    expect(long.status).toBe(400);
    expect(long.body.error?.code).toBe('query_too_long');
    const date = await search({ q: 'بودجه', from: '1399-13-40' });
    expect(date.status).toBe(400);
    expect(date.body.error?.code).toBe('invalid_date');
    expect((await search({ q: 'بودجه', kind: 'party' })).status).toBe(400);
    expect((await search({ q: 'بودجه', from: '2021-03-01', to: '2021-01-01' })).body.error?.code).toBe('invalid_range');
  });

  it('treats query syntax characters as plain text and explains stop-word-only queries', async () => {
    const syntax = await search({ q: 'ماده:۲۷ ^بودجه~ *استان+ -اموال' });
    expect(syntax.status).toBe(200);
    expect(syntax.body.hits[0]?.session.slug).toBe('tvto-webinar');
    const stop = await search({ q: 'از این به ', prefix: '0' });
    expect(stop.status).toBe(200);
    expect(stop.body.hits).toEqual([]);
    expect(stop.body.ignored.length).toBeGreaterThan(0);
    const mixed = await search({ q: 'TVTO اطلاعيه', prefix: '0' });
    expect(mixed.body.hits[0]?.session.slug).toBe('news-item');
    expect(mixed.body.hits[0]?.paragraphs[0]?.snippet).toContain('<mark>TVTO</mark>');
  });

  it('escapes HTML in snippets', async () => {
    await storeSessions(t.database.client, [session('html', 'اسکریپت', ['متن <script>alert(1)</script> آزمایشی'])], t.clock.now());
    // Stored without telling search: the next stale check (every 250 ms) picks it up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { body } = await search({ q: 'آزمایشی', prefix: '0' });
    const snippet = body.hits.find((h) => h.session.slug === 'html')?.paragraphs[0]?.snippet ?? '';
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).not.toContain('<script>');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/search');
    expect(Object.keys(doc.paths)).toContain('/search/speakers');
  });

  it('lists the known speakers for the filter to signed-in users only', async () => {
    expect((await t.request('/api/search/speakers')).status).toBe(401);
    const res = await staff('/api/search/speakers');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { speakers: unknown[] };
    expect(Array.isArray(body.speakers)).toBe(true);
  });
});
