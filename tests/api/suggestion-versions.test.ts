/**
 * Two reviewers editing the same suggestion of a draft: each write names the version it read; a
 * stale one is refused with 409 `version_conflict` (details.current: the suggestion as it is now)
 * and changes nothing, audit trail included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let first: TestRequest;
let second: TestRequest;
beforeAll(async () => {
  t = await createTestContext();
  first = t.as(await t.signIn({ role: 'manager' }));
  second = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

interface Suggestion {
  id: number;
  version: number;
  assignee: { code: string } | null;
  review: string;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { current?: Suggestion } };
}

let counter = 0;
async function freshSuggestion(): Promise<{ slug: string; suggestion: Suggestion }> {
  counter++;
  const text = `استان‌ها موظفند ظرف دو هفته گزارش عملکرد را به سازمان برنامه و بودجه ارسال کنند. نسخه ${counter}`;
  const draft = await expectJson<{ slug: string; suggestions: Suggestion[] }>(await first('/api/imports', { json: { text, heldOn: '1399-11-01' } }), 201);
  const suggestion = draft.suggestions[0];
  if (!suggestion) throw new Error('the text has a directive');
  return { slug: draft.slug, suggestion };
}

async function auditCount(id: number): Promise<number> {
  const rows = await t.database.client.execute({ sql: "SELECT count(*) AS n FROM audit_log WHERE event = 'import.directive.update' AND entity_id = ?", args: [String(id)] });
  return Number(rows.rows[0]?.n);
}

describe('review edits of a suggestion carry its version', () => {
  it('moves the version on with every edit it applies', async () => {
    const { slug, suggestion } = await freshSuggestion();
    expect(suggestion.version).toBe(1);
    const edited = await expectJson<Suggestion>(
      await first(`/api/imports/${slug}/directives/${suggestion.id}`, { method: 'PATCH', json: { version: 1, assignee: 'prov-tehran' } }),
      200,
    );
    expect(edited).toMatchObject({ version: 2, assignee: { code: 'prov-tehran' } });
  });

  it('refuses a stale edit with 409 version_conflict, the suggestion as it is now, and writes nothing (red-team finding: it overwrote silently)', async () => {
    const { slug, suggestion } = await freshSuggestion();
    const path = `/api/imports/${slug}/directives/${suggestion.id}`;
    await expectJson(await first(path, { method: 'PATCH', json: { version: suggestion.version, assignee: 'prov-tehran' } }), 200);
    const stale = await expectJson<ErrorBody>(await second(path, { method: 'PATCH', json: { version: suggestion.version, assignee: 'prov-fars', review: 'confirmed' } }), 409);
    expect(stale.error.code).toBe('version_conflict');
    expect(stale.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(stale.error.details?.current).toMatchObject({ id: suggestion.id, version: 2, assignee: { code: 'prov-tehran' }, review: 'pending' });
    const draft = await expectJson<{ suggestions: Suggestion[] }>(await first(`/api/imports/${slug}`), 200);
    expect(draft.suggestions.find((s) => s.id === suggestion.id)).toMatchObject({ version: 2, assignee: { code: 'prov-tehran' }, review: 'pending' });
    expect(await auditCount(suggestion.id)).toBe(1);
  });

  it('lets exactly one of two edits sent at once through; the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { slug, suggestion } = await freshSuggestion();
      const path = `/api/imports/${slug}/directives/${suggestion.id}`;
      const answers = await Promise.all([
        first(path, { method: 'PATCH', json: { version: suggestion.version, assignee: 'prov-tehran' } }),
        second(path, { method: 'PATCH', json: { version: suggestion.version, assignee: 'prov-fars' } }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = answers.findIndex((r) => r.status === 200);
      const loser = (await answers[1 - winner]?.json()) as ErrorBody;
      expect(loser.error.code).toBe('version_conflict');
      const draft = await expectJson<{ suggestions: Suggestion[] }>(await first(`/api/imports/${slug}`), 200);
      expect(draft.suggestions.find((s) => s.id === suggestion.id)).toMatchObject({ version: 2, assignee: { code: winner === 0 ? 'prov-tehran' : 'prov-fars' } });
      expect(await auditCount(suggestion.id)).toBe(1);
    }
  });

  it('asks for the version: an edit without one is refused and changes nothing', async () => {
    const { slug, suggestion } = await freshSuggestion();
    const res = await first(`/api/imports/${slug}/directives/${suggestion.id}`, { method: 'PATCH', json: { assignee: 'prov-tehran' } });
    expect(res.status).toBe(400);
    const draft = await expectJson<{ suggestions: Suggestion[] }>(await first(`/api/imports/${slug}`), 200);
    const now = draft.suggestions.find((s) => s.id === suggestion.id);
    expect(now?.version).toBe(1);
    expect(now?.assignee?.code).not.toBe('prov-tehran');
  });
});
