/**
 * Issue 15, red team: the search API attacked with what a careless or hostile client sends — dates
 * past any calendar, pathological words, broken paging, unknown filters — many at once. Each gets a
 * clear answer (a 400 with a stable code and a Persian message, or a normal page), never a 5xx, and
 * /api/health keeps answering while they run.
 *
 * Before the fix, a date filter past the year 3798 (`to=9999-12-31`, typed on the date picker as
 * ۹۹۹۹/۱۲/۳۱) answered 500: the Persian message that should refuse it converted it to Jalali, and
 * jalaali-js throws a RangeError outside its years. `/api/actions?from=9999-01-01` failed the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const PERSIAN = /[\u0600-\u06FF]/;

let t: TestContext;
let staff: TestRequest;
let manager: TestRequest;

interface ErrorBody {
  error: { code: string; message: string };
}
interface Page {
  total: number;
  hits: unknown[];
  groups?: Array<{ kind: string; total: number }>;
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-06-01T08:00:00Z' });
  await t.ingestContent();
  staff = t.as(await t.signIn({ role: 'staff' }));
  manager = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

const search = (params: Record<string, string>, as: TestRequest = staff) => as(`/api/search?${new URLSearchParams(params).toString()}`);

describe('date filters past any calendar', () => {
  it.each([
    ['to', '9999-12-31'],
    ['from', '9999-01-01'],
    ['to', '5000-06-15'],
    ['from', '۹۹۹۹/۰۱/۰۱'],
  ])('%s=%s is refused with date_out_of_range in Persian, not a 500', async (key, value) => {
    for (const kinds of [undefined, 'all']) {
      const body = await expectJson<ErrorBody>(await search({ q: 'بودجه', [key]: value, ...(kinds ? { kinds } : {}) }), 400);
      expect(body.error.code).toBe('date_out_of_range');
      expect(body.error.message).toMatch(PERSIAN);
      // The date is named as typed (in Persian digits), so the person sees which field to fix.
      expect(body.error.message).toContain(value.startsWith('9') ? '۹۹۹۹' : value.startsWith('5') ? '۵۰۰۰' : '۹۹۹۹');
    }
  });

  it('the action list refuses the same date the same way', async () => {
    // The action list's filters answer 422 for an implausible date (date-bounds.test.ts), with the same code.
    const body = await expectJson<ErrorBody>(await manager('/api/actions?from=9999-01-01'), 422);
    expect(body.error.code).toBe('date_out_of_range');
    expect(body.error.message).toContain('۹۹۹۹/۰۱/۰۱');
  });
});

/** What a hostile or careless client sends: each must get a page or a 400 with a code a client can rely on. */
const HOSTILE: Array<[string, Record<string, string>]> = [
  ['a 2,000-letter word', { q: 'ب'.repeat(2_000) }],
  ['2,000 characters of many words', { q: Array.from({ length: 400 }, (_, i) => ['بودجه', 'برنامهریزی', 'مازات', 'می', 'ماده۲۷'][i % 5]).join(' ').slice(0, 2_000) }],
  ['a query one character too long', { q: 'ب'.repeat(2_001) }],
  ['punctuation only', { q: '!!!،؛؟«»...---***:::^^~~++' }],
  ['ZWNJ and direction marks only', { q: '\u200c\u200f\u200e\u202b\u202e\u2067\u200d\ufeff' }],
  ['emoji among words', { q: '😀🔥 بودجه 👍🏽' }],
  ['emoji only', { q: '😀🔥👍🏽' }],
  ['Arabic diacritics', { q: 'بُودْجِه مَادّه' }],
  ['diacritics only', { q: 'ًٌٍَُِّْ' }],
  ['lunr query syntax', { q: 'title:بودجه +ماده -فروش بود* ~2 ^10' }],
  ['a NUL inside a word', { q: 'بود\u0000جه' }],
  ['the deepest page', { q: 'بودجه', offset: '10000', limit: '100' }],
  ['a page past the deepest', { q: 'بودجه', offset: '10001' }],
  ['a negative page start', { q: 'بودجه', offset: '-1' }],
  ['a huge page size', { q: 'بودجه', limit: '99999999999999999999' }],
  ['a page size of zero', { q: 'بودجه', limit: '0' }],
  ['a page size that is not a number', { q: 'بودجه', limit: 'ده' }],
  ['a malformed date', { q: 'بودجه', from: '1400-13-01' }],
  ['a date in words', { q: 'بودجه', from: 'اول فروردین' }],
  ['a date past the calendar', { q: 'بودجه', to: '9999-12-31', kinds: 'all' }],
  ['a range backwards', { q: 'بودجه', from: '1400-02-01', to: '1399-01-01' }],
  ['an unknown speaker', { q: 'بودجه', speaker: 'هیچ‌کس' }],
  ['a speaker that is markup', { q: 'بودجه', speaker: '<b>فیروزی</b>' }],
  ['an unknown kind', { q: 'بودجه', kind: 'xyz' }],
  ['unknown groups', { q: 'بودجه', kinds: 'xyz' }],
  ['every group, deepest page', { q: 'بودجه', kinds: 'all', offset: '10000', limit: '100' }],
  ['every group, 2,000 characters of words', { q: Array.from({ length: 400 }, () => 'برنامه بودجه').join(' ').slice(0, 2_000), kinds: 'all' }],
  ['one letter as a prefix, every group', { q: 'ب', prefix: '1', kinds: 'all' }],
  ['nothing at all', {}],
];

/** Codes the search answers a client error with (server/errors.ts). */
const SEARCH_CODES = ['query_empty', 'query_too_long', 'invalid_date', 'date_out_of_range', 'invalid_range', 'invalid_kind', 'invalid_request'];

describe('pathological queries', () => {
  it.each(HOSTILE)('%s: a page or a 400 with a stable code and a Persian message', async (_name, params) => {
    const res = await search(params);
    const text = await res.text();
    expect([200, 400], text.slice(0, 300)).toContain(res.status);
    if (res.status === 400) {
      const body = JSON.parse(text) as ErrorBody;
      expect(SEARCH_CODES).toContain(body.error.code);
      expect(body.error.message).toMatch(PERSIAN);
    } else {
      expect((JSON.parse(text) as Page).hits).toBeInstanceOf(Array);
    }
  });

  it('all of them at once beside 50 ordinary searches: no 5xx, and /api/health keeps answering', async () => {
    const ordinary = ['بودجه', 'برنامهریزی', 'ماده۲۷', 'مهم ترین', 'می تواند', 'املاک مازات', 'برونسپاری', 'فيروزي', 'واگذاری املاک مازاد', 'كارگاه'];
    const requests = [
      ...HOSTILE.map(([, params]) => params),
      ...Array.from({ length: 50 }, (_, i) => ({ q: ordinary[i % ordinary.length] ?? 'بودجه', ...(i % 2 ? { kinds: 'all' } : {}) })),
    ];
    let done = false;
    const health: number[] = [];
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await t.request('/api/health');
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const statuses = await Promise.all(
      requests.map(async (params) => {
        const res = await search(params);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    done = true;
    await probe;
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(health.length).toBeGreaterThan(0);
    // Generous: the machine is shared; a request that held the loop for seconds would show here.
    expect(Math.max(...health)).toBeLessThan(2_000);
  });
});
