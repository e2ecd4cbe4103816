import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../tests/support/temp-db';
import { sameBodyQuery } from './imports.repo';

let database: TempDatabase;

beforeAll(async () => {
  database = await openTempDatabase();
  const now = '2026-12-06T00:00:00Z';
  const rows: Array<[string, string]> = [
    ['a', 'متن نخست'],
    ['b', 'متن دوم'],
    ['c', 'متن نخست'],
  ];
  for (const [slug, body] of rows) {
    await database.client.execute({
      sql: `INSERT INTO sessions (slug, title, source_kind, source_text, body, content_hash, created_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?, ?, ?)`,
      args: [slug, slug, body, body, slug, now, now],
    });
  }
});
afterAll(() => database.dispose());

describe('sameBodyQuery', () => {
  it('finds the other sessions with the same text', async () => {
    const found = await sameBodyQuery(database.db, 'متن نخست', 1);
    expect(found.map((s) => s.slug)).toEqual(['c']);
    expect(await sameBodyQuery(database.db, 'متن سوم', 0)).toEqual([]);
  });

  it('reads only bodies of the same length, through their index, not every stored text', async () => {
    const { sql, params } = sameBodyQuery(database.db, 'متن نخست', 1).toSQL();
    const plan = await database.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as Array<string | number> });
    const steps = plan.rows.map((r) => String(r.detail));
    expect(steps.join('\n')).toMatch(/USING INDEX sessions_body_length/);
  });
});
