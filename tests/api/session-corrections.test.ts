/**
 * A published session can be corrected and withdrawn (issue 14, item 5): facts and text fixes that
 * keep every directive quote verbatim (offsets move with the text; a fix inside a quote is refused),
 * 409 on a stale version, withdrawal with a reason that hides the session from staff (list, page,
 * search, register) but not from managers, cancels its open actions (the unit is told), all audited;
 * search follows each change at once. Only managers and admins may do either.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import { expectJson } from '../support/responses';
import { SEED_SESSION } from '../support/sample-content';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Detail {
  slug: string;
  title: string;
  heldOn: string | null;
  version: number;
  status: string;
  withdrawal: { at: string; reason: string } | null;
  body: string;
  paragraphs: Array<{ ordinal: number; text: string; start: number; end: number }>;
  directives: Array<{ id: number; anchor: string; quote: string; start: number; end: number }>;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface SearchPage {
  hits: Array<{ session: { slug: string } }>;
}

const SECOND = 'tvto-outsourcing-webinar-2';
const PERSIAN = /[\u0600-\u06FF]/;

let t: TestContext;
let manager: TestRequest;
let admin: TestRequest;
let director: TestRequest;
let staff: TestRequest;

const detail = async (as: TestRequest, slug: string = SEED_SESSION.slug) => expectJson<Detail>(await as(`/api/sessions/${slug}`), 200);
const correct = (as: TestRequest, json: unknown, slug: string = SEED_SESSION.slug) => as(`/api/sessions/${slug}`, { method: 'PATCH', json });
const hitsFor = async (as: TestRequest, q: string) =>
  (await expectJson<SearchPage>(await as(`/api/search?q=${encodeURIComponent(q)}&limit=20`), 200)).hits.map((h) => h.session.slug);
const expectError = async (res: Response, status: number, code: string) => {
  const body = await expectJson<ErrorBody>(res, status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(PERSIAN);
  return body.error;
};

/** The first paragraph holding `word` that ends before the first directive starts. */
function paragraphBeforeDirectives(session: Detail, word: string) {
  const first = Math.min(...session.directives.map((d) => d.start));
  const p = session.paragraphs.find((q) => q.text.includes(word) && q.end < first);
  if (!p) throw new Error(`no paragraph with «${word}» before the directives`);
  return p;
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-02-01T08:00:00Z' });
  await t.ingestContent();
  manager = t.as(await t.signIn({ role: 'manager' }));
  admin = t.as(await t.signIn({ role: 'admin' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
  staff = t.as(await t.signIn({ role: 'staff' }));
});

afterAll(async () => {
  await t.close();
});

describe('who may correct or withdraw', () => {
  it('refuses directors and staff with 403 manager_only, and anyone signed out with 401', async () => {
    const { version } = await detail(manager);
    await expectError(await correct(director, { version, title: 'عنوان تازه' }), 403, 'manager_only');
    await expectError(await correct(staff, { version, title: 'عنوان تازه' }), 403, 'manager_only');
    await expectError(await staff(`/api/sessions/${SEED_SESSION.slug}/withdraw`, { method: 'POST', json: { version, reason: 'آزمون' } }), 403, 'manager_only');
    expect((await t.request(`/api/sessions/${SEED_SESSION.slug}`, { method: 'PATCH', json: { version, title: 'x' } })).status).toBe(401);
    expect((await detail(manager)).title).toBe(SEED_SESSION.title);
  });
});

describe('correcting a published session', () => {
  it('fixes a word and the title: quotes stay verbatim, offsets move, search follows, audited', async () => {
    const before = await detail(manager);
    expect(before.version).toBe(1);
    expect(await hitsFor(staff, 'تریبون')).toContain(SEED_SESSION.slug);
    const p = paragraphBeforeDirectives(before, 'تریبون');
    const fixed = p.text.replace('تریبون', 'سکوهای رسانه‌ای');
    const delta = fixed.length - p.text.length;

    const result = await expectJson<{ version: number; changed: string[]; directivesMoved: number }>(
      await correct(manager, { version: 1, title: 'نخستین وبینار واگذاری امور (ویرایش‌شده)', paragraphs: [{ ordinal: p.ordinal, text: fixed }], reason: 'اصلاح واژه' }),
      200,
    );
    expect(result.version).toBe(2);
    expect(result.changed).toEqual(['title', 'text']);
    expect(result.directivesMoved).toBe(before.directives.length);

    const after = await detail(staff);
    expect(after.title).toBe('نخستین وبینار واگذاری امور (ویرایش‌شده)');
    expect(after.paragraphs.find((q) => q.ordinal === p.ordinal)?.text).toBe(fixed);
    for (const q of after.paragraphs) expect(after.body.slice(q.start, q.end)).toBe(q.text);
    for (const d of after.directives) {
      const old = before.directives.find((o) => o.id === d.id);
      expect(d.quote).toBe(old?.quote);
      expect(d.start).toBe((old?.start ?? 0) + delta);
      expect(after.body.slice(d.start, d.end)).toBe(d.quote);
    }

    // Found by its new word and title, not its old word.
    expect(await hitsFor(staff, 'سکوهای رسانه‌ای')).toContain(SEED_SESSION.slug);
    expect(await hitsFor(staff, 'تریبون')).not.toContain(SEED_SESSION.slug);
    expect(await hitsFor(staff, 'ویرایش‌شده')).toContain(SEED_SESSION.slug);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'session.correct'), eq(auditLog.entity, 'session')));
    expect(entry?.detail).toBe('اصلاح واژه');
    expect(entry?.before).toMatchObject({ version: 1, title: SEED_SESSION.title, paragraphs: [{ ordinal: p.ordinal, text: p.text }] });
    expect(entry?.after).toMatchObject({ version: 2, paragraphs: [{ ordinal: p.ordinal, text: fixed }] });
  });

  it('is not undone by ingesting the same source again', async () => {
    const before = await detail(manager);
    const summary = await t.ingestContent(['content/sessions']);
    expect(summary.failures).toEqual([]);
    expect(await detail(manager)).toEqual(before);
  });

  it('refuses a fix inside a directive quote, naming it, and changes nothing', async () => {
    const before = await detail(manager);
    const d = before.directives[0];
    if (!d) throw new Error('the seed has directives');
    const p = before.paragraphs.find((q) => q.start <= d.start && d.end <= q.end);
    if (!p) throw new Error('the directive lies in a paragraph');
    const inside = d.start - p.start + Math.floor((d.end - d.start) / 2);
    const text = `${p.text.slice(0, inside)}نه${p.text.slice(inside)}`;
    const error = await expectError(await correct(manager, { version: before.version, paragraphs: [{ ordinal: p.ordinal, text }] }), 422, 'correction_touches_directive');
    expect(error.details).toMatchObject({ directiveId: d.id, quote: d.quote });
    expect(await detail(manager)).toEqual(before);
  });

  it('answers a stale version with 409 and the current one', async () => {
    const { version } = await detail(manager);
    const error = await expectError(await correct(manager, { version: version - 1, title: 'دیر رسیده' }), 409, 'version_conflict');
    expect(error.details).toEqual({ version });
  });

  it('lets exactly one of two simultaneous corrections at the same version through', async () => {
    const { version } = await detail(manager);
    const answers = await Promise.all([correct(manager, { version, series: 'سری الف' }), correct(admin, { version, series: 'سری ب' })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await detail(manager)).version).toBe(version + 1);
  });

  it('reads a Jalali date typed with Persian digits; re-dates no directive', async () => {
    const before = await detail(manager);
    const dues = before.directives.map((d) => (d as unknown as { dueOn: string | null }).dueOn);
    await expectJson(await correct(admin, { version: before.version, heldOn: '۱۳۹۹/۱۱/۰۲' }), 200);
    const after = await detail(manager);
    expect(after.heldOn).toBe('2021-01-21');
    expect(after.directives.map((d) => (d as unknown as { dueOn: string | null }).dueOn)).toEqual(dues);
  });

  it('says in Persian what is wrong with bad input, with a stable code', async () => {
    const { version, paragraphs } = await detail(manager);
    await expectError(await correct(manager, { version, title: '   ' }), 422, 'title_required');
    await expectError(await correct(manager, { version, heldOn: 'فردا' }), 422, 'invalid_date');
    await expectError(await correct(manager, { version, paragraphs: [{ ordinal: 9_999, text: 'متن' }] }), 422, 'paragraph_unknown');
    await expectError(await correct(manager, { version, paragraphs: [{ ordinal: 0, text: ' ' }] }), 422, 'paragraph_empty');
    await expectError(await correct(manager, { version, paragraphs: [{ ordinal: 0, text: 'الف\n\nب' }] }), 422, 'paragraph_break');
    await expectError(await correct(manager, { version, mediaUrl: 'javascript:alert(1)' }), 422, 'invalid_media_url');
    await expectError(await correct(manager, { version, organiser: 'no-such-unit' }), 422, 'unknown_unit');
    await expectError(await correct(manager, { version, paragraphs: [{ ordinal: 0, text: paragraphs[0]?.text ?? '' }] }), 422, 'correction_empty');
    expect((await correct(manager, { title: 'بی‌نسخه' })).status).toBe(400);
  });
});

describe('withdrawing a published session', () => {
  it('hides it from staff, keeps it for managers marked with the reason, cancels its open actions and tells the unit', async () => {
    const session = await detail(manager, SECOND);
    const directive = session.directives[0];
    if (!directive) throw new Error('the second webinar has directives');
    await expectJson(await manager(`/api/directives/${directive.id}/assignments`, { method: 'POST', json: { units: ['prov-tehran'], dueOn: '1400-02-15' } }), 201);
    expect(await hitsFor(staff, 'دومین وبینار')).toContain(SECOND);

    await expectError(await manager(`/api/sessions/${SECOND}/withdraw`, { method: 'POST', json: { version: session.version, reason: '  ' } }), 422, 'reason_required');
    const withdrawn = await expectJson<{ cancelledActions: number[]; reason: string }>(
      await manager(`/api/sessions/${SECOND}/withdraw`, { method: 'POST', json: { version: session.version, reason: 'نسخهٔ تکراری این وبینار' } }),
      200,
    );
    expect(withdrawn.cancelledActions).toHaveLength(1);

    // Staff and directors: gone from the page, the list, search and the register.
    expect((await staff(`/api/sessions/${SECOND}`)).status).toBe(404);
    expect((await director(`/api/sessions/${SECOND}`)).status).toBe(404);
    const list = await expectJson<{ items: Array<{ slug: string }> }>(await staff('/api/sessions?limit=100'), 200);
    expect(list.items.map((s) => s.slug)).not.toContain(SECOND);
    expect(await hitsFor(staff, 'دومین وبینار')).not.toContain(SECOND);
    const register = await expectJson<{ items: Array<{ id: number }> }>(await staff('/api/directives?limit=100'), 200);
    expect(register.items.map((d) => d.id)).not.toContain(directive.id);

    // Managers: still there, marked, with the reason.
    const seen = await detail(manager, SECOND);
    expect(seen.status).toBe('withdrawn');
    expect(seen.withdrawal?.reason).toBe('نسخهٔ تکراری این وبینار');
    const managerList = await expectJson<{ items: Array<{ slug: string; status: string }> }>(await manager('/api/sessions?limit=100'), 200);
    expect(managerList.items.find((s) => s.slug === SECOND)?.status).toBe('withdrawn');

    // The unit's action is cancelled with the reason, and the director is told.
    const mine = await expectJson<{ items: Array<{ directive: { id: number }; status: string }> }>(await director('/api/actions/mine?status=cancelled'), 200);
    expect(mine.items.find((a) => a.directive.id === directive.id)?.status).toBe('cancelled');
    const told = await expectJson<{ items: Array<{ kind: string; detail: string | null }> }>(await director('/api/notifications'), 200);
    expect(told.items.some((n) => n.kind === 'cancelled' && (n.detail ?? '').includes('نسخهٔ تکراری'))).toBe(true);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.event, 'session.withdraw'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toBe('نسخهٔ تکراری این وبینار');

    // Once withdrawn: neither corrected nor withdrawn again.
    await expectError(await correct(manager, { version: seen.version, title: 'دیگر' }, SECOND), 409, 'session_withdrawn');
    await expectError(await manager(`/api/sessions/${SECOND}/withdraw`, { method: 'POST', json: { version: seen.version, reason: 'دوباره' } }), 409, 'session_withdrawn');
  });
});
