/**
 * GET /api/search?kinds=… (issue 15 item 4): sessions, directives, actions and follow-ups (notes,
 * comments, letter numbers) grouped by kind, each scoped as reading is, in every spelling the
 * session search accepts. The world is built through the real API, as managers and directors would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Group {
  kind: 'sessions' | 'directives' | 'actions' | 'followups';
  label: string;
  total: number;
  items?: Array<Record<string, unknown> & { id: number }>;
}
interface Page {
  total: number;
  hits: unknown[];
  groups?: Group[];
}
interface FollowUpItem {
  id: number;
  letterNumber: string | null;
  letterMatch: boolean;
  snippet: string;
  action: { id: number; unit: { code: string } };
}
interface ActionItem {
  id: number;
  unit: { code: string };
  directive: { id: number; snippet: string };
}

/** Words that occur only where this test puts them. */
const TEHRAN_NOTE = 'صورت‌جلسه مزایده انبار شمیران به دفتر حقوقی رفت.';
const EAST_NOTE = 'برنامه‌ریزی بازدید از انبار تبریز انجام شد.';
/** Written with Arabic yeh and kaf, as some keyboards and old systems do. */
const EAST_COMMENT = 'منتظر پاسخ كميسيون واگذاري هستيم.';
const EAST_LETTER = '۱۲۳/۴۵/د';
const TEHRAN_LETTER = '۷۷۱/۲۳/ت';
const PUBLISHED_WORD = 'گلپونه';
const REJECTED_WORD = 'نیلوفرآبی';
const DRAFT_WORD = 'زرینه‌پوش';

describe('GET /api/search?kinds=… (everything a user may see)', () => {
  let t: TestContext;
  let manager: TestRequest;
  let director: TestRequest;
  let tehranDirector: TestRequest;
  let staff: TestRequest;
  let eastAction = 0;
  let tehranAction = 0;
  let salesDirective = 0;

  const search = async (as: TestRequest, params: Record<string, string>) => {
    const res = await as(`/api/search?${new URLSearchParams({ kinds: 'all', ...params }).toString()}`);
    return expectJson<Page>(res, 200);
  };
  const group = (page: Page, kind: Group['kind']): Group => {
    const found = page.groups?.find((g) => g.kind === kind);
    if (!found) throw new Error(`no ${kind} group in ${JSON.stringify(page.groups)}`);
    return found;
  };

  beforeAll(async () => {
    t = await createTestContext({ now: '2021-04-12T08:00:00Z' });
    await t.ingestContent(['content']);
    manager = t.as(await t.signIn({ role: 'manager' }));
    director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
    tehranDirector = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran', username: 'tehran-director' }));
    staff = t.as(await t.signIn({ role: 'staff' }));

    const rows = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
    salesDirective = Number(rows.rows[0]?.id);
    const assigned = await expectJson<{ created: Array<{ id: number; unit: { code: string } }> }>(
      await manager(`/api/directives/${salesDirective}/assignments`, { json: { units: ['prov-tehran', 'prov-east-azarbaijan'], dueOn: '2021-07-01' } }),
      201,
    );
    tehranAction = assigned.created.find((a) => a.unit.code === 'prov-tehran')?.id ?? 0;
    eastAction = assigned.created.find((a) => a.unit.code === 'prov-east-azarbaijan')?.id ?? 0;
    await expectJson(await tehranDirector(`/api/actions/${tehranAction}/follow-ups`, { json: { note: TEHRAN_NOTE, letterNumber: TEHRAN_LETTER, letterDate: '2021-04-10' } }), 201);
    await expectJson(await director(`/api/actions/${eastAction}/follow-ups`, { json: { note: EAST_NOTE, letterNumber: EAST_LETTER, letterDate: '2021-04-11' } }), 201);
    await expectJson(await director(`/api/actions/${eastAction}/comments`, { json: { note: EAST_COMMENT } }), 201);

    // An import published with one directive confirmed and one rejected; another left as a draft.
    const imported = await expectJson<{ slug: string; suggestions: Array<{ id: number; version: number; quote: string }> }>(
      await manager('/api/imports', {
        json: {
          title: 'نشست سامانه‌ها',
          heldOn: '1400-01-20',
          text: `استان‌ها موظفند ظرف دو هفته گزارش عملکرد سامانه ${PUBLISHED_WORD} را به سازمان برنامه و بودجه ارسال کنند.\n\nمدیران کل استان‌ها موظفند ظرف یک ماه فهرست کارگاه‌های ${REJECTED_WORD} را به دفتر آموزش ارسال کنند.`,
        },
      }),
      201,
    );
    const keep = imported.suggestions.find((s) => s.quote.includes(PUBLISHED_WORD));
    await expectJson(await manager(`/api/imports/${imported.slug}/directives/${keep?.id}`, { method: 'PATCH', json: { version: keep?.version, review: 'confirmed', due: null } }), 200);
    await expectJson(await manager(`/api/imports/${imported.slug}/publish`, { json: { rejectUnreviewed: true } }), 200);
    await expectJson(await manager('/api/imports', { json: { heldOn: '1400-04-01', text: `استان‌ها موظفند ظرف ده روز طرح ${DRAFT_WORD} را به سازمان ارسال کنند.` } }), 201);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers without kinds exactly as the session search did (no groups)', async () => {
    const body = await expectJson<Page & Record<string, unknown>>(await staff(`/api/search?q=${encodeURIComponent('املاک')}`), 200);
    expect(body.groups).toBeUndefined();
    expect(Object.keys(body).sort()).toEqual(['hits', 'ignored', 'limit', 'offset', 'phrase', 'query', 'suggestion', 'total']);
    expect(body.total).toBeGreaterThan(0);
  });

  it('groups every kind in page order, each with its count', async () => {
    const page = await search(manager, { q: 'انبار' });
    expect(page.groups?.map((g) => g.kind)).toEqual(['sessions', 'directives', 'actions', 'followups']);
    expect(page.groups?.map((g) => g.label)).toEqual(['نشست‌ها', 'رهنمودها', 'اقدام‌ها', 'پیگیری‌ها و نامه‌ها']);
    expect(group(page, 'sessions').total).toBe(page.total);
    const followups = group(page, 'followups');
    expect(followups.total).toBe(2);
    expect(followups.items?.length).toBe(2);

    const onlyDirectives = await search(manager, { q: 'املاک', kinds: 'directives' });
    expect(onlyDirectives.groups?.map((g) => g.kind)).toEqual(['directives']);
    expect(onlyDirectives.hits).toEqual([]);
    const directives = group(onlyDirectives, 'directives');
    expect(directives.total).toBeGreaterThanOrEqual(3);
    expect(directives.items?.[0]).toMatchObject({ link: expect.stringMatching(/^\/sessions\/.+#d-/), trackLink: expect.stringMatching(/^\/directives\/\d+$/) });
    expect(String(directives.items?.[0]?.snippet)).toContain('<mark>');
  });

  it("never shows a director another unit's actions, notes or letters", async () => {
    const mine = await search(director, { q: 'انبار' });
    const notes = group(mine, 'followups').items as unknown as FollowUpItem[];
    expect(notes.map((n) => n.action.unit.code)).toEqual(['prov-east-azarbaijan']);
    expect(group(mine, 'followups').total).toBe(1);

    const tehranWords = await search(director, { q: 'مزایده شمیران' });
    expect(group(tehranWords, 'followups').total).toBe(0);
    expect(group(tehranWords, 'followups').items).toEqual([]);
    const tehranLetter = await search(director, { q: '771/23/ت' });
    expect(group(tehranLetter, 'followups').total).toBe(0);

    const actions = await search(director, { q: 'واگذاری املاک' });
    const items = group(actions, 'actions').items as unknown as ActionItem[];
    expect(items.map((a) => a.id)).toEqual([eastAction]);
    expect(group(actions, 'actions').total).toBe(1);

    // The same searches as Tehran's director see Tehran's and only Tehran's.
    const tehran = await search(tehranDirector, { q: 'انبار' });
    expect((group(tehran, 'followups').items as unknown as FollowUpItem[]).map((n) => n.action.unit.code)).toEqual(['prov-tehran']);
  });

  it('shows a manager every unit', async () => {
    const page = await search(manager, { q: 'واگذاری املاک' });
    const units = (group(page, 'actions').items as unknown as ActionItem[]).map((a) => a.unit.code).sort();
    expect(units).toEqual(['prov-east-azarbaijan', 'prov-tehran']);
    // A word that names a unit narrows its actions; a word in every unit's name («آموزش») names none.
    const tehran = (group(await search(manager, { q: 'واگذاری املاک تهران' }), 'actions').items as unknown as ActionItem[]).map((a) => a.unit.code);
    expect(tehran).toEqual(['prov-tehran']);
    expect(group(await search(manager, { q: 'آموزش فنی' }), 'actions').total).toBe(0);
    expect(group(await search(manager, { q: 'آذربایجان شرقی' }), 'actions').total).toBe(1);
  });

  it('shows staff published directives only, and no unit’s actions without a unit of their own', async () => {
    const published = await search(staff, { q: PUBLISHED_WORD });
    expect(group(published, 'directives').total).toBe(1);
    for (const word of [REJECTED_WORD, DRAFT_WORD]) {
      for (const as of [staff, manager, director]) {
        const page = await search(as, { q: word });
        expect(group(page, 'directives').total, word).toBe(0);
        // A rejected suggestion's words stay in its published session's text; a draft's session is hidden too.
        if (word === DRAFT_WORD) expect(JSON.stringify(page.hits), word).not.toContain('زرینه');
      }
    }
    const page = await search(staff, { q: 'انبار' });
    expect(group(page, 'actions').total).toBe(0);
    expect(group(page, 'followups').total).toBe(0);
  });

  it('finds a letter number typed with ASCII digits, dashes or Arabic-Indic digits', async () => {
    for (const typed of ['123/45/د', '123-45-د', '١٢٣/٤٥/د', 'نامه ۱۲۳/۴۵/د']) {
      const page = await search(director, { q: typed, kinds: 'followups' });
      const items = group(page, 'followups').items as unknown as FollowUpItem[];
      expect(items[0], typed).toMatchObject({ letterNumber: EAST_LETTER, letterMatch: true });
    }
  });

  it('matches notes in every spelling the session search accepts', async () => {
    const find = async (q: string) => (group(await search(director, { q, kinds: 'followups' }), 'followups').items as unknown as FollowUpItem[]).map((i) => i.snippet);
    // Joined, spaced and half-spaced compounds.
    for (const q of ['برنامهریزی بازدید', 'برنامه ریزی بازدید', 'برنامه‌ریزی بازدید']) expect((await find(q)).join(' '), q).toContain('بازدید');
    // Persian ی/ک typed against a note written with Arabic ي/ك (and the reverse).
    expect((await find('کمیسیون')).join(' ')).toContain('<mark>');
    expect((await find('تبريز')).join(' ')).toContain('تبریز');
  });

  it('reads the date filter as ISO or Jalali, on the session date of directives and actions', async () => {
    const all = group(await search(manager, { q: 'املاک', kinds: 'directives' }), 'directives');
    const later = group(await search(manager, { q: 'املاک', kinds: 'directives', from: '2021-04-01' }), 'directives');
    expect(later.total).toBeLessThan(all.total);
    expect(later.total).toBeGreaterThan(0);
    for (const item of later.items ?? []) expect(String((item.session as { heldOn: string }).heldOn) >= '2021-04-01').toBe(true);
    const jalali = group(await search(manager, { q: 'املاک', kinds: 'directives', from: '۱۴۰۰/۰۱/۱۲' }), 'directives');
    expect(jalali.total).toBe(later.total);
    const notes = group(await search(manager, { q: 'انبار', kinds: 'followups', to: '2021-04-10' }), 'followups');
    expect((notes.items as unknown as FollowUpItem[]).map((n) => n.letterNumber)).toEqual([TEHRAN_LETTER]);
  });

  it('filters directives and their actions by speaker, in any spelling', async () => {
    const firouzi = group(await search(manager, { q: 'املاک', kinds: 'directives', speaker: 'فیروری' }), 'directives');
    const ahmadi = group(await search(manager, { q: 'املاک', kinds: 'directives', speaker: 'احمدی' }), 'directives');
    expect(firouzi.total).toBeGreaterThan(0);
    expect(firouzi.items?.every((d) => String(d.speaker).length > 0)).toBe(true);
    expect(ahmadi.total).toBeLessThan(group(await search(manager, { q: 'املاک', kinds: 'directives' }), 'directives').total);
  });

  it('finds a new note at once, and follows a re-assignment', async () => {
    await expectJson(await director(`/api/actions/${eastAction}/comments`, { json: { note: 'کارشناس رسمی دادگستری قیمت‌گذاری کرد.' } }), 201);
    expect(group(await search(director, { q: 'دادگستری' }), 'followups').total).toBe(1);

    // Time moves between writes, as it does outside a test: a change is read by its newer stamp.
    t.clock.advance(60_000);
    const version = (await expectJson<{ version: number }>(await manager(`/api/actions/${eastAction}`), 200)).version;
    await expectJson(await manager(`/api/actions/${eastAction}`, { method: 'PATCH', json: { version, unitCode: 'prov-ardabil' } }), 200);
    expect(group(await search(director, { q: 'دادگستری' }), 'followups').total).toBe(0);
    expect(group(await search(director, { q: 'واگذاری املاک' }), 'actions').total).toBe(0);
    const ardabil = t.as(await t.signIn({ role: 'director', unitCode: 'prov-ardabil', username: 'ardabil-director' }));
    expect(group(await search(ardabil, { q: 'دادگستری' }), 'followups').total).toBe(1);
  });

  it('refuses bad input with stable codes', async () => {
    const bad = async (params: Record<string, string>, code: string) => {
      const body = await expectJson<{ error: { code: string; message: string } }>(await manager(`/api/search?${new URLSearchParams(params).toString()}`), 400);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    };
    await bad({ q: 'املاک', kinds: 'directives,acts' }, 'invalid_kind');
    await bad({ q: '   ', kinds: 'directives' }, 'query_empty');
    await bad({ q: 'املاک', kinds: 'directives', from: '1400/13/40' }, 'invalid_date');
    await bad({ q: 'املاک', kinds: 'actions', from: '2021-05-01', to: '2021-01-01' }, 'invalid_range');
    await bad({ q: 'املاک', kinds: 'all', limit: '500' }, 'invalid_request');
    const anonymous = await t.request(`/api/search?q=${encodeURIComponent('املاک')}&kinds=all`);
    expect(anonymous.status).toBe(401);
  });
});
