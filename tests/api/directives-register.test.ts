/**
 * The directive register through the real API and a real database: role scoping (drafts and
 * rejected directives never listed), every filter, sorting, pagination, bad input, the CSV, the
 * per speaker / per series summaries and related directives across sessions.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_CSV_HEADER } from '../../server/register/register-csv';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';
import { buildRegisterWorld, DRAFT_WORD, PUBLISHED_WORD, REJECTED_WORD, type RegisterWorld } from './register-world';

interface Item {
  id: number;
  quote: string;
  anchor: string;
  speaker: string | null;
  speakerName: string | null;
  kind: string;
  state: string;
  deadline: string | null;
  progress: number | null;
  followUps: number;
  link: string;
  session: { slug: string; heldOn: string | null; heldOnJalali: string | null; series: string | null };
  counts: { total: number; done: number; inProgress: number; overdue: number; noReport: number; cancelled: number };
  units: Array<{ code: string; bucket: string }>;
}
interface Page {
  items: Item[];
  total: number;
  speakerMatches: string[] | null;
}

let t: TestContext;
let w: RegisterWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildRegisterWorld(t);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function list(query: string, as: TestRequest = w.manager): Promise<Page> {
  return expectJson<Page>(await as(`/api/directives?limit=100&${query}`), 200);
}
const ids = (page: Page) => page.items.map((i) => i.id).sort((a, b) => a - b);
const idsOf = (...keys: string[]) => keys.map((k) => w.id[k] ?? -1).sort((a, b) => a - b);

describe('who sees what', () => {
  it('lists exactly the published directives of published sessions, the same for every role', async () => {
    const rows = await t.database.client.execute(
      `SELECT d.id FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.status = 'published' AND s.status = 'published' ORDER BY d.id`,
    );
    const expected = rows.rows.map((r) => Number(r.id));
    expect(expected).toHaveLength(13);
    for (const as of [w.manager, w.director, w.staff]) {
      const page = await list('', as);
      expect(ids(page)).toEqual(expected);
      expect(page.total).toBe(13);
    }
  });

  it('never lists a draft or a rejected directive, even when searched for by its own words', async () => {
    const drafts = await t.database.client.execute(`SELECT count(*) AS n FROM directives WHERE status IN ('draft', 'rejected')`);
    expect(Number(drafts.rows[0]?.n)).toBeGreaterThanOrEqual(2);
    for (const as of [w.manager, w.director, w.staff]) {
      const all = await list('', as);
      const text = JSON.stringify(all);
      expect(text).not.toContain(DRAFT_WORD);
      expect(text).not.toContain(REJECTED_WORD);
      expect(text).toContain(PUBLISHED_WORD);
      expect((await list(`q=${encodeURIComponent(REJECTED_WORD)}`, as)).total).toBe(0);
      expect((await list(`q=${encodeURIComponent(DRAFT_WORD)}`, as)).total).toBe(0);
    }
    const rejected = await t.database.client.execute(`SELECT id FROM directives WHERE status = 'rejected' LIMIT 1`);
    expect((await w.manager(`/api/directives/${Number(rejected.rows[0]?.id)}/related`)).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await t.request('/api/directives')).status).toBe(401);
    expect((await t.request('/api/directives/export.csv')).status).toBe(401);
  });
});

describe('filters', () => {
  it('takes a Jalali date range in Persian digits', async () => {
    const page = await list(`from=${encodeURIComponent('۱۴۰۰/۰۱/۰۱')}&to=${encodeURIComponent('۱۴۰۰/۱۲/۲۹')}`);
    expect(page.items.every((i) => (i.session.heldOn ?? '') >= '2021-03-21' && (i.session.heldOn ?? '') <= '2022-03-20')).toBe(true);
    expect(page.total).toBe(8);
    expect(page.items.every((i) => i.session.heldOnJalali?.startsWith('1400'))).toBe(true);
  });

  it('finds a speaker by a misspelt name typed with Arabic yeh, and by a variant', async () => {
    const misspelt = await list(`speaker=${encodeURIComponent('فيروري')}`);
    expect(misspelt.total).toBe(8);
    expect(misspelt.speakerMatches).toEqual(['حسین فیروزی']);
    expect(misspelt.items.every((i) => i.speakerName === 'حسین فیروزی')).toBe(true);
    const variant = await list(`speaker=${encodeURIComponent('رضائی')}`);
    expect(ids(variant)).toEqual(idsOf('workplace-training-partners'));
    const nobody = await list(`speaker=${encodeURIComponent('کسی دیگر')}`);
    expect(nobody.total).toBe(0);
  });

  it('filters by series, kind and deadline', async () => {
    const series = await list(`series=${encodeURIComponent('نشست‌های منطقه‌ای مدیران کل')}`);
    expect(ids(series)).toEqual(idsOf('workplace-training-partners', 'ardabil-shared-workshop', 'private-partnership-funding-policy'));
    const policies = await list('kind=policy');
    expect(ids(policies)).toEqual(idsOf('budget-incentive-policy', 'private-partnership-funding-policy'));
    const withDeadline = await list('hasDeadline=true');
    const without = await list('hasDeadline=false');
    expect(withDeadline.total + without.total).toBe(13);
    expect(withDeadline.items.every((i) => i.deadline !== null)).toBe(true);
    expect(without.items.every((i) => i.deadline === null)).toBe(true);
    expect(ids(without)).toContain(w.id['article-27-sales']);
  });

  it('filters by a unit (given to it, to a group it is in, or with an action there) and by a group', async () => {
    const fars = await list('unit=prov-fars');
    // Every directive given to all provinces (Fars among them), whether or not fanned out yet.
    expect(ids(fars)).toEqual(
      idsOf(
        'article-27-sales',
        'private-sector-engagement',
        'operational-programmes-1400',
        'property-sales-3-months',
        'operational-programmes-followup',
        'property-sales-progress-report',
        'private-sector-exhortation',
        'property-sales-report-extended',
        PUBLISHED_WORD,
      ),
    );
    const ardabil = await list('unit=prov-ardabil');
    expect(ids(ardabil)).toContain(w.id['ardabil-shared-workshop']);
    expect(ids(ardabil)).toContain(w.id['workplace-training-partners']);
    const northwest = await list('unit=northwest-provinces');
    expect(ids(northwest)).toEqual(idsOf('property-sales-progress-report', 'workplace-training-partners', 'ardabil-shared-workshop'));
    expect((await w.manager('/api/directives?unit=nowhere')).status).toBe(400);
  });

  it('filters by the state of the actions', async () => {
    expect(ids(await list('state=overdue'))).toEqual(idsOf('operational-programmes-followup'));
    expect(ids(await list('state=open'))).toEqual(idsOf('operational-programmes-followup', 'property-sales-progress-report'));
    expect(ids(await list('state=awaiting_verification'))).toEqual(idsOf('property-sales-progress-report'));
    expect(ids(await list('state=done'))).toEqual(idsOf('operational-programmes-1400', 'workplace-training-partners'));
    expect(ids(await list('state=done_on_time'))).toEqual(idsOf('workplace-training-partners'));
    expect(ids(await list('state=done_late'))).toEqual(idsOf('operational-programmes-1400'));
    expect(ids(await list('state=cancelled'))).toEqual(idsOf('property-sales-report-extended'));
    expect((await list('state=not_assigned')).total).toBe(13 - 5);
    expect(ids(await list('state=overdue,cancelled'))).toEqual(idsOf('operational-programmes-followup', 'property-sales-report-extended'));
  });

  it('«open and past deadline» in 1400 is the one overdue directive, with its strip', async () => {
    const page = await list(`state=overdue&from=${encodeURIComponent('۱۴۰۰/۰۱/۰۱')}&to=${encodeURIComponent('۱۴۰۰/۱۲/۲۹')}`);
    expect(page.total).toBe(1);
    const [row] = page.items;
    expect(row?.state).toBe('overdue');
    expect(row?.units).toEqual([
      { code: 'prov-tehran', name: expect.stringContaining('تهران'), bucket: 'overdue' },
      { code: 'prov-fars', name: expect.stringContaining('فارس'), bucket: 'overdue' },
    ].sort((a, b) => new Intl.Collator('fa').compare(String(a.name), String(b.name))));
    expect(row?.followUps).toBe(1);
    expect(row?.link).toBe(`/sessions/tvto-outsourcing-webinar-2#d-operational-programmes-followup`);
  });

  it('searches the directives themselves: every word, any spelling (Arabic kaf, no ZWNJ)', async () => {
    const page = await list(`q=${encodeURIComponent('فروش املاك مازاد')}`);
    expect(ids(page)).toEqual(idsOf('article-27-sales', 'property-sales-progress-report'));
    const programmes = await list(`q=${encodeURIComponent('برنامه‌هاي عملیاتی')}`);
    expect(ids(programmes)).toEqual(idsOf('operational-programmes-1400', 'property-sales-3-months', 'operational-programmes-followup'));
    expect((await list(`q=${encodeURIComponent('کلمه‌ای که نیست')}`)).total).toBe(0);
  });

  it('refuses what it cannot read, in Persian, with a stable code', async () => {
    const bad = await expectJson<{ error: { code: string; message: string } }>(await w.manager('/api/directives?from=1400/13/01'), 400);
    expect(bad.error.code).toBe('invalid_date');
    expect(bad.error.message).toMatch(/تاریخ/);
    const state = await expectJson<{ error: { code: string } }>(await w.manager('/api/directives?state=finished'), 400);
    expect(state.error.code).toBe('unknown_state');
    const range = await expectJson<{ error: { code: string } }>(await w.manager('/api/directives?from=1400-05-01&to=1400-01-01'), 400);
    expect(range.error.code).toBe('invalid_range');
  });
});

describe('sorting and pagination', () => {
  it('sorts by session date (newest first by default), by deadline and by progress', async () => {
    const byDate = (await list('')).items.map((i) => i.session.heldOn ?? '');
    expect(byDate).toEqual([...byDate].sort().reverse());
    const due = (await list('sort=due&hasDeadline=true')).items.map((i) => i.deadline ?? '');
    expect(due).toEqual([...due].sort());
    const progress = (await list('sort=progress&order=desc&state=assigned')).items.map((i) => i.progress ?? -1);
    expect(progress).toEqual([...progress].sort((a, b) => b - a));
    expect(progress[0]).toBe(100);
  });

  it('pages through every directive once, in a stable order', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < 13; offset += 5) {
      const page = await expectJson<Page & { limit: number; offset: number }>(await w.manager(`/api/directives?limit=5&offset=${offset}&sort=due`), 200);
      expect(page.total).toBe(13);
      expect(page.items.length).toBe(Math.min(5, 13 - offset));
      seen.push(...page.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(13);
    expect(seen).toEqual((await list('sort=due')).items.map((i) => i.id));
  });
});

describe('CSV', () => {
  it('opens with Persian intact: BOM, CRLF, the quotes whole, the same rows as the list', async () => {
    const response = await w.director(`/api/directives/export.csv?from=${encodeURIComponent('۱۴۰۰/۰۱/۰۱')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0]).toEqual(REGISTER_CSV_HEADER);
    const listed = await list(`from=${encodeURIComponent('۱۴۰۰/۰۱/۰۱')}`, w.director);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(listed.items.map((i) => i.id));
    const followup = records.find((r) => Number(r[0]) === w.id['operational-programmes-followup']);
    expect(followup?.[1]).toBe(listed.items.find((i) => i.anchor === 'operational-programmes-followup')?.quote);
    expect(followup?.[3]).toBe('حسین فیروزی');
    expect(followup?.[6]).toBe('1400-01-21');
    expect(followup?.[10]).toBe('باز و گذشته از مهلت');
  });
});

describe('summaries', () => {
  it('counts per speaker, each number equal to the list behind it', async () => {
    const { rows } = await expectJson<{ rows: Array<{ key: string | null; label: string; given: number; assigned: number; doneOnTime: number; doneLate: number; open: number }> }>(
      await w.staff('/api/directives/summaries?by=speaker'),
      200,
    );
    const firouzi = rows.find((r) => r.label === 'حسین فیروزی');
    expect(firouzi).toMatchObject({ given: 8, assigned: 3, doneOnTime: 0, doneLate: 1, open: 2 });
    for (const row of rows.filter((r) => r.key !== null)) {
      const speaker = `speaker=${encodeURIComponent(row.key ?? '')}`;
      expect((await list(speaker)).total).toBe(row.given);
      expect((await list(`${speaker}&state=assigned`)).total).toBe(row.assigned);
      expect((await list(`${speaker}&state=done_on_time`)).total).toBe(row.doneOnTime);
      expect((await list(`${speaker}&state=done_late`)).total).toBe(row.doneLate);
      expect((await list(`${speaker}&state=open`)).total).toBe(row.open);
    }
  });

  it('counts per series', async () => {
    const { rows } = await expectJson<{ rows: Array<{ key: string | null; given: number; doneOnTime: number }> }>(await w.manager('/api/directives/summaries?by=series'), 200);
    expect(rows.find((r) => r.key === 'نشست‌های منطقه‌ای مدیران کل')).toMatchObject({ given: 3, doneOnTime: 1 });
    expect(rows.reduce((n, r) => n + r.given, 0)).toBe(13);
  });
});

describe('related directives', () => {
  it('finds the follow-up of a directive in a later session, with its outcome, and nothing from its own session', async () => {
    const { items } = await expectJson<{ items: Array<Item & { similarity: number }> }>(await w.manager(`/api/directives/${w.id['operational-programmes-1400']}/related`), 200);
    expect(items.map((i) => i.anchor)).toContain('operational-programmes-followup');
    expect(items.every((i) => i.session.slug !== 'tvto-outsourcing-webinar-1')).toBe(true);
    expect(items.find((i) => i.anchor === 'operational-programmes-followup')?.state).toBe('overdue');
  });
});
