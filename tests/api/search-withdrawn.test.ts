/**
 * Issue 15, red team: a withdrawn session leaves no trace in search for those who may not read it.
 *
 * Before the fix, after a manager withdrew the north-west regional meeting:
 * - the search of everything still counted its directive: staff searching «اردبیل کارگاه مشترک» got
 *   `directives.total` 1 with no item listed (the index's look at the tables read only draft and
 *   published sessions' stamps, so the withdrawal never reached the directive index until a restart);
 * - «منظورتان … بود؟» still offered its words: «میزبانن» suggested «میزبان», a word only that session
 *   holds, which then found nothing (the vocabulary counted withdrawn sessions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SLUG = 'northwest-regional-meeting-1400-02';

let t: TestContext;
let staff: TestRequest;
let director: TestRequest;
let manager: TestRequest;

interface Page {
  total: number;
  hits: Array<{ session: { slug: string } }>;
  suggestion: string | null;
  groups?: Array<{ kind: string; total: number; items?: Array<{ session?: { slug: string } }> }>;
}

const search = async (as: TestRequest, params: Record<string, string>) => expectJson<Page>(await as(`/api/search?${new URLSearchParams(params).toString()}`), 200);
const group = (page: Page, kind: string) => page.groups?.find((g) => g.kind === kind);

beforeAll(async () => {
  t = await createTestContext({ now: '2021-06-01T08:00:00Z' });
  await t.ingestContent();
  staff = t.as(await t.signIn({ role: 'staff' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-ardabil' }));
  manager = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

describe('a withdrawn session in search', () => {
  it('is found, counted and suggested while published', async () => {
    const page = await search(staff, { q: 'اردبیل کارگاه مشترک', kinds: 'all' });
    expect(page.hits.map((h) => h.session.slug)).toContain(SLUG);
    const directives = group(page, 'directives');
    expect(directives?.items?.map((d) => d.session?.slug)).toContain(SLUG);
    expect((await search(staff, { q: 'میزبانن' })).suggestion).toBe('میزبان');
  });

  it('after its withdrawal: neither listed nor counted in any group, nor offered as a respelling', async () => {
    const { version } = await expectJson<{ version: number }>(await manager(`/api/sessions/${SLUG}`), 200);
    // A minute later, as people work (the search of everything reads what changed after its last look).
    t.clock.advance(60_000);
    await expectJson(await manager(`/api/sessions/${SLUG}/withdraw`, { method: 'POST', json: { version, reason: 'آزمون پس‌گرفتن' } }), 200);
    t.clock.advance(60_000);

    for (const as of [staff, director]) {
      const page = await search(as, { q: 'اردبیل کارگاه مشترک', kinds: 'all', limit: '100' });
      expect(page.hits.map((h) => h.session.slug)).not.toContain(SLUG);
      for (const g of page.groups ?? []) {
        if (!g.items) continue;
        expect(g.items.map((i) => i.session?.slug)).not.toContain(SLUG);
        // A count that includes what is not listed tells of a session the reader may not see.
        expect(g.total, `${g.kind}: total ${g.total}, listed ${g.items.length}`).toBe(g.items.length);
      }
    }
    const suggested = await search(staff, { q: 'میزبانن' });
    expect(suggested.suggestion).not.toBe('میزبان');
    expect(suggested.total).toBe(0);
  });
});
