/**
 * The actions group of GET /api/search?kinds=actions lists a directive's actions (equal in score: the
 * same quote) by unit name in Persian order, page after page, as every other list shown to people is.
 *
 * Failed before the fix: they came in the order of the units' Latin codes (prov-alborz, prov-ardabil,
 * prov-bushehr, prov-chaharmahal…, prov-east-azarbaijan…): البرز، اردبیل، بوشهر، چهارمحال، آذربایجان شرقی…
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

interface ActionsPage {
  groups: Array<{ kind: string; total: number; items?: Array<{ id: number; unit: { name: string }; directive: { id: number } }> }>;
}

describe('GET /api/search?kinds=actions: the order of a directive’s actions', () => {
  let t: TestContext;
  let manager: TestRequest;

  beforeAll(async () => {
    t = await createTestContext({ now: '2021-04-12T08:00:00Z' });
    await t.ingestContent(['content']);
    manager = t.as(await t.signIn({ role: 'manager' }));
    const rows = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'property-sales-3-months'`);
    await expectJson(await manager(`/api/directives/${Number(rows.rows[0]?.id)}/assignments`, { json: { units: ['all-provinces'], dueOn: '2021-07-01' } }), 201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists them by unit name in Persian order across pages, each once', async () => {
    const names: string[] = [];
    const ids = new Set<number>();
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total; offset += 10) {
      const params = new URLSearchParams({ q: 'فروش املاک', kinds: 'actions', limit: '10', offset: String(offset) });
      const page = await expectJson<ActionsPage>(await manager(`/api/search?${params.toString()}`), 200);
      const group = page.groups.find((g) => g.kind === 'actions');
      total = group?.total ?? 0;
      for (const item of group?.items ?? []) {
        names.push(item.unit.name);
        ids.add(item.id);
      }
    }
    expect(total).toBe(31);
    expect(ids.size).toBe(31);
    expect(names).toEqual([...names].sort(new Intl.Collator('fa').compare));
  });
});
