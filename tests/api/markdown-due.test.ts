/**
 * A markdown import's directive `due` attribute: a date written in it (ISO, or Jalali in any digit
 * script) is the deadline; a phrase is resolved against the session date; something that is
 * neither is refused with `directive_due`, and the failed import writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
beforeAll(async () => {
  t = await createTestContext();
  manager = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

interface Draft {
  slug: string;
  suggestions: Array<{ due: string | null; dueRule: string | null }>;
}

function markdown(slug: string, due: string): string {
  return [
    '---',
    `slug: ${slug}`,
    'title: نشست آزمایشی مهلت',
    'heldOn: 1404-11-01',
    '---',
    '',
    'معاون سازمان گفت:',
    '',
    `:::directive{id=programmes kind=action assignee=all-provinces due="${due}"}`,
    'استان‌ها برنامه‌های عملیاتی را تهیه و ارسال کنند.',
    ':::',
    '',
  ].join('\n');
}

async function sessionCount(): Promise<number> {
  const rows = await t.database.client.execute('SELECT count(*) AS n FROM sessions');
  return Number(rows.rows[0]?.n);
}

describe('markdown directive due attribute', () => {
  it.each([
    ['ISO', '2027-02-20'],
    ['Jalali, ASCII digits', '1405-12-01'],
    ['Jalali, Persian digits and slashes', '۱۴۰۵/۱۲/۰۱'],
    ['Jalali, Arabic-Indic digits', '١٤٠٥-١٢-٠١'],
  ])('reads a date written as %s (red-team finding: due="1405-12-01" was left unresolved)', async (_name, due) => {
    const slug = `due-${Buffer.from(due).toString('hex').slice(0, 24)}`;
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { format: 'markdown', text: markdown(slug, due) } }), 201);
    expect(draft.suggestions).toHaveLength(1);
    expect(draft.suggestions[0]?.due).toBe('2027-02-20');
  });

  it('still resolves a phrase against the session date', async () => {
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { format: 'markdown', text: markdown('due-phrase', 'ظرف دو هفته') } }), 201);
    expect(draft.suggestions[0]).toMatchObject({ due: '2026-02-04', dueRule: 'ظرف دو هفته' });
  });

  it.each([
    ['an impossible Jalali date', '1405-13-45'],
    ['an impossible ISO date', '2027-02-30'],
    ['words that name no deadline', 'سلام دنیا'],
  ])('refuses %s with directive_due and writes nothing', async (_name, due) => {
    const before = await sessionCount();
    const body = await expectJson<{ error: { code: string; message: string; details?: { line?: number } } }>(
      await manager('/api/imports', { json: { format: 'markdown', text: markdown('due-bad', due) } }),
      422,
    );
    expect(body.error.code).toBe('directive_due');
    expect(body.error.message).toContain(due);
    expect(body.error.details?.line).toBe(9);
    expect(await sessionCount()).toBe(before);
  });
});
