/**
 * The actions group of the search of everything, paged (issue 15 item 5: no request holds the event
 * loop for more than 20 ms): the actions of the ranked directives are counted a few directives per
 * statement and the page read from the directives it spans, so no statement runs over thousands of
 * directives at once. Pages laid end to end are the whole ordered list, the count is exact, and a
 * director's pages hold their own unit's actions only. The page is located by ranking only the
 * directives down to it (the first search after the build ranked the best 5,000 directives in one step
 * for any page: its longest step, ≈ 20 ms at the register's scale).
 */
import type { Client, InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEverythingSearch, RANK_FIRST, type EverythingSearch } from '../../server/search/everything/everything.service';
import { KindIndex } from '../../server/search/everything/kind-index';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface Page {
  groups?: Array<{ kind: string; total: number; items?: Array<{ id: number; unit: { code: string; name: string }; directive: { id: number } }> }>;
}

const UNITS = ['prov-tehran', 'prov-fars', 'prov-east-azarbaijan'];
const CHUNK = 2;
const PAGE = 3;

describe('paging the actions found through their directives', () => {
  let t: TestContext;
  let everything: EverythingSearch;
  let manager: TestRequest;
  let director: TestRequest;
  let query = '';
  /** The ids of directive lists handed to statements over action_items. */
  const idLists: number[] = [];

  beforeAll(async () => {
    t = await createTestContext({
      now: '2021-04-12T08:00:00Z',
      appDeps: (database) => {
        // Every statement the search runs, seen on its way to the database.
        const spied = new Proxy(database.client, {
          get(target, key, receiver) {
            const value: unknown = Reflect.get(target, key, receiver);
            if (key !== 'execute' || typeof value !== 'function') return value;
            return (stmt: InStatement) => {
              if (typeof stmt === 'object' && stmt.sql.includes('action_items a ON a.directive_id = r.value') && Array.isArray(stmt.args)) {
                const first = stmt.args[0];
                if (typeof first === 'string') idLists.push((JSON.parse(first) as number[]).length);
              }
              return Reflect.apply(value, target, [stmt]) as ReturnType<Client['execute']>;
            };
          },
        });
        everything = createEverythingSearch({ ...database, client: spied }, { countChunk: CHUNK });
        return { everything };
      },
    });
    await t.ingestContent(['content']);
    manager = t.as(await t.signIn({ role: 'manager' }));
    director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-fars' }));
    // Every published directive other than a policy assigned to three provinces (through the API, as a manager does).
    const published = await t.database.client.execute(`SELECT d.id FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.status = 'published' AND s.status = 'published' AND d.kind <> 'policy' ORDER BY d.id`);
    for (const row of published.rows) {
      await expectJson(await manager(`/api/directives/${Number(row.id)}/assignments`, { json: { units: UNITS, dueOn: '2021-07-01' } }), 201);
    }
    // A word of the most directives' quotes (ranked among several, so the pages cross directives and chunks).
    const quotes = (await t.database.client.execute(`SELECT d.quote FROM directives d WHERE d.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(published.rows.map((r) => Number(r.id)))])).rows.map((r) => String(r.quote));
    const seen = new Map<string, number>();
    for (const quote of quotes) for (const word of new Set(quote.split(/[\s،.:؛«»()]+/).filter((w) => w.length >= 4))) seen.set(word, (seen.get(word) ?? 0) + 1);
    // Not a word of a unit's name (those narrow the actions to that unit instead).
    const unitNames = (await t.database.client.execute(`SELECT name || ' ' || aliases AS names FROM units`)).rows.map((r) => String(r.names)).join(' ');
    query = [...seen].filter(([word]) => !unitNames.includes(word)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  }, 120_000);

  afterAll(async () => {
    await everything.idle();
    await t.close();
  });

  const actions = async (as: TestRequest, limit: number, offset: number) => {
    const page = await expectJson<Page>(await as(`/api/search?${new URLSearchParams({ q: query, kinds: 'directives,actions', limit: String(limit), offset: String(offset) }).toString()}`), 200);
    const group = page.groups?.find((g) => g.kind === 'actions');
    if (!group?.items) throw new Error(`no actions group in ${JSON.stringify(page.groups)}`);
    return { total: group.total, items: group.items };
  };

  it('lays pages end to end into the whole list, counted exactly, each statement over a few directives', async () => {
    const whole = await actions(manager, 50, 0);
    const directives = new Set(whole.items.map((a) => a.directive.id));
    expect(directives.size).toBeGreaterThan(CHUNK + 1);
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBe(directives.size * UNITS.length);
    // Each directive's actions together, by unit name in Persian order (as lists shown to people are), the directives in rank order.
    const units = whole.items.map((a) => a.unit.name);
    const inOrder = [...new Set(units)].sort(new Intl.Collator('fa').compare);
    expect(inOrder).toHaveLength(UNITS.length);
    for (let i = 0; i < units.length; i += UNITS.length) expect(units.slice(i, i + UNITS.length)).toEqual(inOrder);
    idLists.length = 0;
    const paged: number[] = [];
    for (let offset = 0; offset < whole.total + PAGE; offset += PAGE) {
      const page = await actions(manager, PAGE, offset);
      expect(page.total).toBe(whole.total);
      paged.push(...page.items.map((a) => a.id));
    }
    expect(paged).toEqual(whole.items.map((a) => a.id));
    // Counted CHUNK directives at a time; a page read from the directives it spans (PAGE actions span at most PAGE).
    expect(idLists.length).toBeGreaterThan(0);
    expect(Math.max(...idLists)).toBeLessThanOrEqual(Math.max(CHUNK, PAGE));
  });

  it("pages a director's own unit only, with its count", async () => {
    const whole = await actions(manager, 50, 0);
    const own = whole.items.filter((a) => a.unit.code === 'prov-fars').map((a) => a.id);
    const paged: number[] = [];
    let total = -1;
    for (let offset = 0; offset < own.length + PAGE; offset += PAGE) {
      const page = await actions(director, PAGE, offset);
      total = page.total;
      expect(page.items.every((a) => a.unit.code === 'prov-fars')).toBe(true);
      paged.push(...page.items.map((a) => a.id));
    }
    expect(total).toBe(own.length);
    expect(paged).toEqual(own);
  });

  it('ranks only the directives down to the page it shows, more only for a page further down', async () => {
    const ranking = vi.spyOn(KindIndex.prototype, 'search');
    try {
      const asked = async (limit: number, offset: number) => {
        ranking.mockClear();
        const page = await actions(manager, limit, offset);
        return { page, ranked: Math.max(0, ...ranking.mock.calls.map(([, , options]) => options.limit)) };
      };
      const first = await asked(PAGE, 0);
      expect(first.page.items).toHaveLength(PAGE);
      // Before: 5,000 directives ranked for any page of actions.
      expect(first.ranked).toBeGreaterThan(0);
      expect(first.ranked).toBeLessThanOrEqual(RANK_FIRST);
      // The last page: down to it, and no further than four times what it needs.
      const last = await asked(PAGE, first.page.total - 1);
      expect(last.page.items).toHaveLength(1);
      expect(last.ranked).toBeLessThanOrEqual(4 * Math.max(RANK_FIRST, first.page.total));
    } finally {
      ranking.mockRestore();
    }
  });
});
