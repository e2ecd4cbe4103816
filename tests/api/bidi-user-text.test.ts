/**
 * Issue 12, item 12: bidi controls in user text. Overrides, embeddings and isolates (U+202A–E,
 * U+2066–9) are stripped from follow-up notes, status reasons, letter numbers and session series
 * (front matter, the import form, every ingest source), as they already were from names; letter
 * numbers and series are identifiers and also lose the marks (U+200E, U+200F, U+061C); notes keep
 * the marks, which Persian typing uses. Before the fix all of them were stored as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';
import { buildAccessWorld, type AccessWorld } from './access-world';

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';
const RLM = '\u200F';
const ALM = '\u061C';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

let t: TestContext;
let w: AccessWorld;
let manager: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildAccessWorld(t);
  manager = t.as(await t.signIn({ role: 'manager' }));
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('bidi controls in user text', () => {
  it('are stripped from a follow-up note and its letter number; the note keeps its RLM', async () => {
    const version = await w.versionOf(w.ownActionId);
    const detail = await expectJson<{ timeline: Array<{ note: string | null; letterNumber: string | null }> }>(
      await manager(`/api/actions/${w.ownActionId}/follow-ups`, {
        json: { version, note: `نامه ${RLI}exe.fdp${PDI} ارسال شد${RLM} (${RLO}کد)`, letterNumber: `۱۲۳${RLM}/${RLO}۴۵${ALM}`, progress: 30 },
      }),
      201,
    );
    const latest = detail.timeline.find((f) => f.letterNumber !== null && f.letterNumber.startsWith('۱۲۳'));
    expect(latest?.letterNumber).toBe('۱۲۳/۴۵');
    expect(latest?.note).toBe(`نامه exe.fdp ارسال شد${RLM} (کد)`);
    expect(latest?.note).not.toMatch(CONTROLS);
  });

  it('are stripped from a series given in markdown front matter and in the import form', async () => {
    const markdown = `---\nslug: bidi-series\ntitle: نشست\nheldOn: 1399-11-01\nseries: "وبینار ${RLO}واگذاری${ALM}"\n---\n\nاستان‌ها موظفند گزارش را ارسال کنند.\n`;
    const fromFront = await expectJson<{ series: string | null }>(await manager('/api/imports', { json: { format: 'markdown', text: markdown } }), 201);
    expect(fromFront.series).toBe('وبینار واگذاری');
    const fromForm = await expectJson<{ series: string | null }>(
      await manager('/api/imports', { json: { text: 'مدیران باید گزارش را ارسال کنند.', series: `سری ${RLI}الف${PDI}${RLM}` } }),
      201,
    );
    expect(fromForm.series).toBe('سری الف');
  });
});
