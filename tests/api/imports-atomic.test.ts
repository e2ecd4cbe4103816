/**
 * A failed import writes nothing: the session, its paragraphs and suggestions, the repair summary
 * (import_repairs) and the audit entry are one batch. A trigger in the real database refuses the
 * second or the third write, as a full disk or a constraint would; the session must not stay behind
 * without its summary or its audit entry. Real app, real database file, real worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedExtractionRunner } from '../../server/imports/extraction-runner';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let asManager: TestRequest;

const TABLES = ['sessions', 'paragraphs', 'directives', 'import_repairs', 'audit_log'] as const;

async function counts(): Promise<Record<(typeof TABLES)[number], number>> {
  const rs = await t.database.client.execute(`SELECT ${TABLES.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}`).join(', ')}`);
  const row = rs.rows[0];
  const count = (name: (typeof TABLES)[number]) => Number(row?.[name] ?? -1);
  return { sessions: count('sessions'), paragraphs: count('paragraphs'), directives: count('directives'), import_repairs: count('import_repairs'), audit_log: count('audit_log') };
}

/** Broken lines and an Arabic kaf (repairs to summarise) and a directive (a suggestion to store). */
const TEXT = [
  'به گزارش روابط عمومی، در نشست مدیران كل استان‌ها',
  'که روز یکم بهمن برگزار شد، برنامهٔ واگذاری بررسی شد.',
  'مدیران کل استان‌ها موظفند حداکثر تا ۳۰ بهمن',
  'گزارش عملکرد را به ستاد ارسال کنند.',
].join('\n');

beforeAll(async () => {
  t = await createTestContext();
  asManager = t.as(await t.signIn({ role: 'manager' }));
}, 60_000);
afterAll(async () => {
  await sharedExtractionRunner().close();
  await t.close();
});

describe('an import whose later write fails', () => {
  for (const [table, condition] of [
    ['import_repairs', ''],
    ['audit_log', "WHEN NEW.event = 'import.create'"],
  ] as const) {
    it(`writes nothing when the ${table} row is refused, and the same import then succeeds as new`, async () => {
      const before = await counts();
      await t.database.client.execute(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} ${condition} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
      try {
        const res = await asManager('/api/imports', { method: 'POST', json: { text: TEXT, heldOn: '1399-11-01', title: `گزارش ${table}` } });
        expect(res.status).toBe(500);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBeTypeOf('string');
        expect(await counts()).toEqual(before);
      } finally {
        await t.database.client.execute(`DROP TRIGGER refuse_${table}`);
      }

      // Nothing half-written is found as a duplicate: the retry is a new draft, with its summary and audit entry.
      const res = await asManager('/api/imports', { method: 'POST', json: { text: TEXT, heldOn: '1399-11-01', title: `گزارش ${table}` } });
      expect(res.status).toBe(201);
      const draft = (await res.json()) as { slug: string; repairCounts: { total: number }; suggestions: unknown[] };
      expect(draft.repairCounts.total).toBeGreaterThan(0);
      expect(draft.suggestions.length).toBeGreaterThan(0);
      const after = await counts();
      expect(after.sessions).toBe(before.sessions + 1);
      expect(after.import_repairs).toBe(before.import_repairs + 1);
      const audit = await t.database.client.execute({
        sql: "SELECT a.after FROM audit_log a JOIN sessions s ON a.entity_id = CAST(s.id AS TEXT) WHERE a.event = 'import.create' AND a.entity = 'session' AND s.slug = ?",
        args: [draft.slug],
      });
      expect(audit.rows.length).toBe(1);
      expect(JSON.parse(String(audit.rows[0]?.after))).toMatchObject({ slug: draft.slug, title: `گزارش ${table}`, sourceKind: 'text' });
    }, 120_000);
  }
});
