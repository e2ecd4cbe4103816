/**
 * Import → suggestions → review → publish, through the real app and a real database:
 * the seed article (tests/fixtures/imports/tvto-webinar-article.txt; docs/decisions.md), bad inputs that
 * must save nothing, and who may import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchService } from '../../server/search/search.service';
import { WEBINAR_VTT } from '../support/sample-content';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt'), 'utf8');
const SEED_DATE = '1399-11-01';

interface Unit {
  code: string;
  name: string;
}
interface Suggestion {
  id: number;
  version: number;
  anchor: string;
  quote: string;
  start: number;
  end: number;
  speaker: string | null;
  kind: string;
  assignee: Unit | null;
  recipient: Unit | null;
  due: string | null;
  dueRule: string | null;
  refs: string[];
  cues: Array<{ id: string; label: string; weight: number }>;
  review: string;
  origin: string;
}
interface Draft {
  slug: string;
  status: string;
  title: string;
  heldOn: string | null;
  mediaUrl: string | null;
  original: string;
  text: string;
  repairs: Array<{ kind: string; start: number | null; end: number | null; note: string }>;
  paragraphs: Array<{ text: string; start: number; end: number; speaker: string | null; mediaStartMs: number | null }>;
  suggestions: Suggestion[];
  counts: { pending: number; candidates: number; confirmed: number; rejected: number };
  units: Unit[];
}
interface PublishedSession {
  slug: string;
  body: string;
  mediaUrl: string | null;
  paragraphs: Array<{ text: string; start: number; end: number; mediaStartMs: number | null }>;
  directives: Array<{ anchor: string; quote: string; start: number; end: number; kind: string; dueOn: string | null; assignee: Unit | null; recipient: Unit | null; status: string }>;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function upload(name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

async function sessionCount(t: TestContext): Promise<number> {
  const rs = await t.database.client.execute('SELECT count(*) AS n FROM sessions');
  return Number(rs.rows[0]?.n);
}

const actionable = (s: Suggestion) => s.kind === 'action' || s.kind === 'instruction';
/** The seed's four actionable directives, by words of each quote. */
const FOUR = ['بر اساس ماده 27 اقدام کنند', 'بخش خصوصی را فعال کنیم', 'تهیه برنامه های عملیاتی', 'حداقل طی 3 ماه آینده'];
/** The four among the review list (suggestions, then the ranked candidates under the threshold). */
function theFour(draft: Draft): Suggestion[] {
  return FOUR.map((words) => {
    const found = draft.suggestions.find((s) => s.quote.includes(words));
    if (!found) throw new Error(`not in the review list: ${words}`);
    return found;
  });
}

describe('import → suggestions → review → publish', () => {
  let t: TestContext;
  let asManager: TestRequest;
  const indexed: number[][] = [];

  beforeEach(async () => {
    indexed.length = 0;
    // The app's search service, with the sessions it is asked to index recorded.
    t = await createTestContext({
      appDeps: (database) => {
        const search = createSearchService(database);
        const indexSessions = async (ids: number[]) => {
          indexed.push(ids);
          await search.indexSessions(ids);
        };
        return { search: { ...search, indexSessions } };
      },
    });
    asManager = t.as(await t.signIn({ role: 'manager' }));
  });
  afterEach(async () => t.close());

  it('imports the seed article as a hidden draft with its repairs and the four actionable directives', async () => {
    const res = await asManager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE, title: 'نخستین وبینار واگذاری امور' } });
    expect(res.status).toBe(201);
    const draft = await json<Draft>(res);
    expect(draft.status).toBe('draft');
    expect(draft.heldOn).toBe('2021-01-20');
    expect(draft.original).toBe(SEED);

    // Repaired: the reversed line reads right, the lead once, no entity left.
    expect(draft.text).toContain('با اشاره به اینکه شورای عالی مهارت می تواند نقش سیاستگذار را ایفا کند');
    expect(draft.text).not.toContain('&shy;');
    expect(draft.text.split('نخستین وبینار واگذاری امور به بخش غیر دولتی و کاهش تصدی گری').length - 1).toBe(1);
    const reversed = draft.repairs.filter((r) => r.kind === 'reversed-line' && r.start !== null);
    expect(reversed.length).toBeGreaterThanOrEqual(1);
    for (const r of draft.repairs) if (r.start !== null && r.end !== null) expect(r.end).toBeLessThanOrEqual(draft.text.length);

    // Every suggestion is a verbatim span, with the cues that fired.
    for (const s of draft.suggestions) {
      expect(draft.text.slice(s.start, s.end)).toBe(s.quote);
      expect(s.cues.length).toBeGreaterThan(0);
      expect(s.review).toBe('pending');
    }
    const actions = theFour(draft);
    expect(actions.every(actionable)).toBe(true);
    // The provinces where the sentence names them; «… را فعال کنیم» names no unit, so none is guessed.
    expect(actions.filter((s) => s.assignee?.code === 'all-provinces')).toHaveLength(3);
    expect(actions.find((s) => s.quote.includes('بخش خصوصی'))?.assignee).toBeNull();
    // Above the threshold the suggestions; then at most ten candidates, ranked c1, c2, …
    const candidates = draft.suggestions.filter((s) => s.origin === 'candidate');
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(10);
    const ranks = candidates.map((s) => Number(s.anchor.slice(1))).sort((a, b) => a - b);
    expect(candidates.every((s) => /^c\d+$/.test(s.anchor))).toBe(true);
    expect(ranks).toEqual(candidates.map((_, i) => i + 1));
    expect(candidates.every((s) => s.cues.some((c) => c.id === 'model-candidate'))).toBe(true);
    expect(draft.suggestions.some((s) => s.origin === 'suggested' && s.quote.includes('حداقل طی 3 ماه آینده'))).toBe(true);
    const article27 = actions.find((s) => s.refs.some((r) => /ماده\s*(27|۲۷)/.test(r)));
    expect(article27).toBeDefined();
    expect(actions.find((s) => s.quote.includes('بخش خصوصی'))).toBeDefined();
    const twoWeeks = actions.find((s) => s.due === '2021-02-03');
    expect(twoWeeks?.recipient?.code).toBe('pbo');
    expect(twoWeeks?.dueRule).toContain('دو هفته');
    const threeMonths = actions.find((s) => s.due === '2021-04-21');
    expect(threeMonths?.dueRule).toContain('3 ماه');
    const budget = draft.suggestions.find((s) => s.quote.startsWith('هر استانی که'));
    expect(budget?.kind).toBe('policy');
    expect(draft.counts).toEqual({ pending: draft.suggestions.length - candidates.length, candidates: candidates.length, confirmed: 0, rejected: 0 });

    // Hidden from everyone until published; not indexed.
    const list = await json<{ items: Array<{ slug: string }> }>(await asManager('/api/sessions'));
    expect(list.items.map((s) => s.slug)).not.toContain(draft.slug);
    expect((await asManager(`/api/sessions/${draft.slug}`)).status).toBe(404);
    expect(indexed).toEqual([]);

    // The same source again finds the same draft.
    const again = await asManager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE, title: 'نخستین وبینار واگذاری امور' } });
    expect(again.status).toBe(200);
    expect((await json<Draft>(again)).slug).toBe(draft.slug);
    expect(await sessionCount(t)).toBe(1);
  });

  it('refuses to publish unreviewed suggestions, then publishes the confirmed ones in place', async () => {
    const draft = await json<Draft>(await asManager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE } }));
    const base = `/api/imports/${draft.slug}`;

    const early = await asManager(`${base}/publish`, { method: 'POST', json: {} });
    expect(early.status).toBe(422);
    const refusal = (await json<{ error: { code: string; message: string } }>(early)).error;
    expect(refusal.code).toBe('unreviewed_directives');
    // Read by a person: how many are left, in Persian digits.
    expect(refusal.message).toMatch(/^[۰-۹]+ رهنمود/);
    expect((await asManager(`/api/sessions/${draft.slug}`)).status).toBe(404);

    const four = theFour(draft);
    const [first, ...others] = four;
    if (!first) throw new Error('no actionable suggestion');
    // A single directive of a draft cannot be published around the review.
    const sideways = await asManager(`/api/directives/${first.id}/publish`, { method: 'POST', json: {} });
    expect(sideways.status).toBe(422);
    expect((await json<{ error: { code: string } }>(sideways)).error.code).toBe('session_draft');
    // Edit one: another unit, a Jalali deadline, then confirm.
    const edited = await asManager(`${base}/directives/${first.id}`, {
      method: 'PATCH',
      json: { version: first.version, assignee: 'hq', recipient: 'pbo', due: '۱۳۹۹/۱۱/۲۰', refs: ['ماده ۲۷'], review: 'confirmed' },
    });
    expect(edited.status).toBe(200);
    const editedBody = await json<Suggestion>(edited);
    expect(editedBody).toMatchObject({ review: 'confirmed', due: '2021-02-08', assignee: { code: 'hq' }, recipient: { code: 'pbo' }, refs: ['ماده ۲۷'] });
    for (const s of others) expect((await asManager(`${base}/directives/${s.id}`, { method: 'PATCH', json: { version: s.version, review: 'confirmed' } })).status).toBe(200);
    for (const s of draft.suggestions.filter((x) => !four.includes(x))) {
      expect((await asManager(`${base}/directives/${s.id}`, { method: 'PATCH', json: { version: s.version, review: 'rejected' } })).status).toBe(200);
    }

    // Bad edits: nothing changes.
    const bad = [
      { start: 5, end: 5 },
      { start: 0, end: draft.text.length + 10 },
      { start: 3 },
      { assignee: 'no-such-unit' },
      { due: '1399-13-40' },
    ];
    for (const body of bad) {
      const res = await asManager(`${base}/directives/${first.id}`, { method: 'PATCH', json: { version: editedBody.version, ...body } });
      expect([400, 422]).toContain(res.status);
      const error = await json<{ error: { message: string } }>(res);
      expect(error.error.message).toMatch(/[\u0600-\u06FF]/);
    }
    expect((await asManager(`${base}/directives/999999`, { method: 'PATCH', json: { version: 1, review: 'confirmed' } })).status).toBe(404);

    // A directive the extractor missed: select a span (surrounding spaces are trimmed).
    const sentence = 'حسین فیروزی در پایان از تلاش مدیران استان ها قدردانی کرد';
    const at = draft.text.indexOf('فیروزی از تلاش و همت مدیران');
    expect(at).toBeGreaterThan(0);
    const added = await asManager(`${base}/directives`, { method: 'POST', json: { start: at - 1, end: at + 30 } });
    expect(added.status).toBe(201);
    const addedBody = await json<Suggestion>(added);
    expect(addedBody.start).toBe(at);
    expect(addedBody.quote).toBe(draft.text.slice(at, at + 30));
    expect(addedBody).toMatchObject({ review: 'confirmed', origin: 'added' });
    expect(sentence.length).toBeGreaterThan(0);
    expect((await asManager(`${base}/directives`, { method: 'POST', json: { start: at, end: at + 30 } })).status).toBe(409);
    expect((await asManager(`${base}/directives`, { method: 'POST', json: { start: 10, end: 5 } })).status).toBe(422);

    const published = await asManager(`${base}/publish`, { method: 'POST', json: {} });
    expect(published.status).toBe(200);
    const summary = await json<{ published: number; rejected: number; link: string; assigned: unknown[] }>(published);
    expect(summary).toMatchObject({
      slug: draft.slug,
      published: 5,
      rejected: draft.suggestions.length - 4,
      link: `/sessions/${draft.slug}`,
    });
    // The unit confirmed in review got its action at publishing (issue 14).
    expect(summary.assigned).toContainEqual({ directiveId: first.id, unitCode: 'hq', actions: 1 });
    expect(indexed).toHaveLength(1);

    // Staff see it, with every quote at its offsets.
    const staff = t.as(await t.signIn({ role: 'staff' }));
    const session = await json<PublishedSession>(await staff(`/api/sessions/${draft.slug}`));
    expect(session.body).toBe(draft.text);
    expect(session.directives).toHaveLength(5);
    for (const d of session.directives) {
      expect(session.body.slice(d.start, d.end)).toBe(d.quote);
      expect(d.status).toBe('published');
    }
    expect(session.directives.find((d) => d.start === first.start)).toMatchObject({ dueOn: '2021-02-08', assignee: { code: 'hq' } });
    expect(session.directives.some((d) => d.quote.startsWith('هر استانی که'))).toBe(false);
    const list = await json<{ items: Array<{ slug: string; directiveCount: number }> }>(await staff('/api/sessions'));
    expect(list.items.find((s) => s.slug === draft.slug)?.directiveCount).toBe(5);

    // Published is final here: no more edits, no second publish, no re-import.
    expect((await asManager(`${base}/publish`, { method: 'POST', json: {} })).status).toBe(409);
    expect((await asManager(`${base}/directives/${first.id}`, { method: 'PATCH', json: { version: editedBody.version, review: 'rejected' } })).status).toBe(409);
    expect((await asManager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE } })).status).toBe(409);

    const audit = await t.database.client.execute("SELECT event FROM audit_log WHERE event LIKE 'import.%' ORDER BY id");
    const events = audit.rows.map((r) => String(r.event));
    expect(events[0]).toBe('import.create');
    expect(events).toContain('import.directive.update');
    expect(events).toContain('import.directive.add');
    expect(events.at(-1)).toBe('import.publish');
  });

  it('publishes with rejectUnreviewed, leaving unreviewed suggestions rejected', async () => {
    const draft = await json<Draft>(await asManager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE } }));
    const keep = draft.suggestions.find((s) => s.due === '2021-04-21');
    if (!keep) throw new Error('three-month directive missing');
    await asManager(`/api/imports/${draft.slug}/directives/${keep.id}`, { method: 'PATCH', json: { version: keep.version, review: 'confirmed' } });
    const res = await asManager(`/api/imports/${draft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } });
    expect(res.status).toBe(200);
    expect((await json<{ published: number }>(res)).published).toBe(1);
    const after = await json<Draft>(await asManager(`/api/imports/${draft.slug}`));
    expect(after.status).toBe('published');
    expect(after.counts).toEqual({ pending: 0, candidates: 0, confirmed: 1, rejected: draft.suggestions.length - 1 });
  });

  it('keeps transcript times and the media link, so the session page can play from a paragraph', async () => {
    const res = await asManager('/api/imports', {
      method: 'POST',
      body: upload('1399-11-01-webinar.vtt', WEBINAR_VTT, { mediaUrl: 'https://media.example.org/webinar.mp4' }),
    });
    expect(res.status).toBe(201);
    const draft = await json<Draft>(res);
    expect(draft.heldOn).toBe('2021-01-20');
    expect(draft.paragraphs[0]?.mediaStartMs).toBe(1000);
    const suggestion = draft.suggestions.find((s) => s.due === '2021-02-03');
    expect(suggestion).toMatchObject({ speaker: 'حسین فیروزی', assignee: { code: 'all-provinces' } });
    await asManager(`/api/imports/${draft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } });
    const session = await json<PublishedSession>(await asManager(`/api/sessions/${draft.slug}`));
    expect(session.mediaUrl).toBe('https://media.example.org/webinar.mp4');
    expect(session.paragraphs.map((p) => p.mediaStartMs)).toEqual(draft.paragraphs.map((p) => p.mediaStartMs));
  });

  it('decodes a Windows-1256 file into Persian text', async () => {
    // Windows-1256 has only the Arabic yeh and kaf: old Persian files are written with them.
    const arabicLetters = SEED.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    const res = await asManager('/api/imports', { method: 'POST', body: upload('old.txt', iconv.encode(arabicLetters, 'windows-1256'), { heldOn: SEED_DATE }) });
    expect(res.status).toBe(201);
    const draft = await json<Draft>(res);
    expect(draft.text).toContain('فیروزی');
    expect(theFour(draft).every(actionable)).toBe(true);
  });

  it('refuses bad input with a clear Persian error and saves nothing', async () => {
    const brokenVtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nسلام\n\n00:00:xx --> 00:00:09.000\nادامه\n';
    const cases: Array<{ name: string; init: Parameters<TestRequest>[1]; status: number; code: string }> = [
      { name: 'empty text', init: { method: 'POST', json: { text: '  \n\n ' } }, status: 422, code: 'empty_file' },
      { name: 'no text', init: { method: 'POST', json: { title: 'بی‌متن' } }, status: 400, code: 'invalid_request' },
      { name: 'empty file', init: { method: 'POST', body: upload('empty.txt', '') }, status: 422, code: 'empty_file' },
      { name: 'binary', init: { method: 'POST', body: upload('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 255, 254, 7, 8])) }, status: 422, code: 'binary_file' },
      { name: 'wrong type', init: { method: 'POST', body: upload('report.pdf', 'سلام') }, status: 422, code: 'unsupported_file' },
      { name: 'oversize', init: { method: 'POST', body: upload('huge.txt', 'س'.repeat(1_100_000)) }, status: 413, code: 'payload_too_large' },
      { name: 'broken VTT', init: { method: 'POST', body: upload('talk.vtt', brokenVtt) }, status: 422, code: 'broken_cue' },
      { name: 'VTT without header', init: { method: 'POST', body: upload('talk.vtt', '00:00:01.000 --> 00:00:04.000\nسلام\n') }, status: 422, code: 'broken_cue' },
      { name: 'bad date', init: { method: 'POST', json: { text: SEED, heldOn: '1399-14-01' } }, status: 422, code: 'invalid_date' },
      { name: 'script media link', init: { method: 'POST', json: { text: SEED, mediaUrl: 'javascript:alert(1)' } }, status: 422, code: 'invalid_media_url' },
      { name: 'unknown encoding', init: { method: 'POST', body: upload('latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe8, 0xe0, 0x20, 0x63, 0x61, 0x66, 0xe9])) }, status: 422, code: 'unknown_encoding' },
    ];
    for (const c of cases) {
      const res = await asManager('/api/imports', c.init);
      const body = await json<{ error: { code: string; message: string; details?: { line?: number } } }>(res);
      expect({ name: c.name, status: res.status, code: body.error.code }).toEqual({ name: c.name, status: c.status, code: c.code });
      expect(body.error.message, c.name).toMatch(/[\u0600-\u06FF]{3}/);
      if (c.name === 'broken VTT') expect(body.error.details?.line).toBe(6);
    }
    expect(await sessionCount(t)).toBe(0);
    const audit = await t.database.client.execute("SELECT count(*) AS n FROM audit_log WHERE event LIKE 'import.%'");
    expect(Number(audit.rows[0]?.n)).toBe(0);
  });

  it('is for managers and admins only', async () => {
    const admin = t.as(await t.signIn({ role: 'admin' }));
    const created = await admin('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE } });
    expect(created.status).toBe(201);
    const draft = await json<Draft>(created);
    const id = draft.suggestions[0]?.id ?? 1;
    for (const role of ['staff', 'director'] as const) {
      const as = t.as(await t.signIn({ role }));
      expect((await as('/api/imports', { method: 'POST', json: { text: SEED } })).status).toBe(403);
      expect((await as(`/api/imports/${draft.slug}`)).status).toBe(403);
      expect((await as(`/api/imports/${draft.slug}/directives/${id}`, { method: 'PATCH', json: { version: 1, review: 'confirmed' } })).status).toBe(403);
      expect((await as(`/api/imports/${draft.slug}/directives`, { method: 'POST', json: { start: 0, end: 5 } })).status).toBe(403);
      expect((await as(`/api/imports/${draft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } })).status).toBe(403);
    }
    expect((await t.request('/api/imports', { method: 'POST', json: { text: SEED } })).status).toBe(401);
    expect((await asManager(`/api/imports/${draft.slug}`)).status).toBe(200);
    expect(await sessionCount(t)).toBe(1);
    expect((await json<Draft>(await asManager(`/api/imports/${draft.slug}`))).counts.confirmed).toBe(0);
  });

  it('makes a published import searchable at once, and never a draft', async () => {
    const plain = await createTestContext();
    try {
      const manager = plain.as(await plain.signIn({ role: 'manager' }));
      const search = async (q: string) =>
        (await json<{ hits: Array<{ session: { slug: string } }> }>(await manager(`/api/search?q=${encodeURIComponent(q)}`))).hits.map((h) => h.session.slug);
      const draft = await json<Draft>(await manager('/api/imports', { method: 'POST', json: { text: SEED, heldOn: SEED_DATE } }));
      expect(await search('شورای عالی مهارت سیاستگذار')).not.toContain(draft.slug);
      expect((await manager(`/api/imports/${draft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } })).status).toBe(200);
      expect(await search('شورای عالی مهارت سیاستگذار')).toContain(draft.slug);
    } finally {
      await plain.close();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await t.request('/api/openapi.json'));
    for (const path of ['/imports', '/imports/{slug}', '/imports/{slug}/directives', '/imports/{slug}/directives/{id}', '/imports/{slug}/publish']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
