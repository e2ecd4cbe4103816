/**
 * Implausible dates are refused wherever dates enter, with `date_out_of_range` and a Persian
 * message (server/dates/plausible-dates.ts holds the bounds and why): a session or letter date
 * outside the Jalali 1300s–1400s (1500/01/01, 0001-01-01), a deadline before its session or more
 * than ten years after it. Nothing is written for a refused date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
let director: TestRequest;

interface ErrorBody {
  error: { code: string; message: string };
}
interface Suggestion {
  id: number;
  version: number;
  due: string | null;
}
interface Draft {
  slug: string;
  heldOn: string | null;
  suggestions: Suggestion[];
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-20T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
});
afterAll(async () => {
  await t.close();
});

async function expectOutOfRange(response: Response, status = 422): Promise<string> {
  const body = await expectJson<ErrorBody>(response, status);
  expect(body.error.code).toBe('date_out_of_range');
  expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
  return body.error.message;
}

async function count(table: string): Promise<number> {
  const rows = await t.database.client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows.rows[0]?.n);
}

const TEXT = 'استان‌ها موظفند ظرف دو هفته گزارش عملکرد را به سازمان برنامه و بودجه ارسال کنند.';

describe('session dates (red-team finding: 1500/01/01 and 0001 were accepted)', () => {
  it.each(['1500/01/01', '۱۵۰۰/۰۱/۰۱', '0001-01-01', '1299-12-29', '2200-01-01'])('refuses an import held on %s and writes nothing', async (heldOn) => {
    const before = await count('sessions');
    const message = await expectOutOfRange(await manager('/api/imports', { json: { text: TEXT, heldOn } }));
    expect(message).toContain('۱۳۰۰');
    expect(await count('sessions')).toBe(before);
  });

  it('refuses the same date in an uploaded file’s form field', async () => {
    const form = new FormData();
    form.set('file', new Blob([TEXT], { type: 'text/plain' }), 'report.txt');
    form.set('heldOn', '1500/01/01');
    await expectOutOfRange(await manager('/api/imports', { method: 'POST', body: form }));
  });

  it('refuses it in markdown front matter', async () => {
    const markdown = ['---', 'slug: far-future', 'title: نشست', 'heldOn: 1500-01-01', '---', '', TEXT, ''].join('\n');
    await expectOutOfRange(await manager('/api/imports', { json: { format: 'markdown', text: markdown } }));
  });

  it('refuses it when a published session’s date is corrected', async () => {
    const session = await expectJson<{ version: number; heldOn: string }>(await manager('/api/sessions/tvto-outsourcing-webinar-1'), 200);
    await expectOutOfRange(await manager('/api/sessions/tvto-outsourcing-webinar-1', { method: 'PATCH', json: { version: session.version, heldOn: '1500/01/01' } }));
    expect((await expectJson<{ heldOn: string }>(await manager('/api/sessions/tvto-outsourcing-webinar-1'), 200)).heldOn).toBe(session.heldOn);
  });

  it.each([
    ['1500-01-01-webinar.txt', 'date_out_of_range', '۱۴۹۹'],
    ['0001-01-01-webinar.vtt', 'date_out_of_range', '۱۳۰۰'],
    ['1399-13-40-webinar.txt', 'invalid_date', '1399-13-40'],
  ])('refuses an upload whose file name dates it %s, naming the file, and writes nothing', async (name, code, words) => {
    const before = await count('sessions');
    const form = new FormData();
    const text = name.endsWith('.vtt') ? `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${TEXT}\n` : TEXT;
    form.set('file', new Blob([text], { type: 'text/plain' }), name);
    const body = await expectJson<ErrorBody>(await manager('/api/imports', { method: 'POST', body: form }), 422);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(name);
    expect(body.error.message).toContain(words);
    expect(await count('sessions')).toBe(before);
  });

  it('takes the date typed on the form over the one in the file name', async () => {
    const form = new FormData();
    form.set('file', new Blob([`${TEXT} سه`], { type: 'text/plain' }), '1500-01-01-webinar.txt');
    form.set('heldOn', '1399-11-01');
    expect((await expectJson<Draft>(await manager('/api/imports', { method: 'POST', body: form }), 201)).heldOn).toBe('2021-01-20');
  });

  it('accepts the bounds themselves', async () => {
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { text: `${TEXT} یک`, heldOn: '1300/01/01' } }), 201);
    expect(draft.heldOn).toBe('1921-03-21');
  });
});

describe('deadlines', () => {
  let draft: Draft;
  let suggestion: Suggestion;
  beforeAll(async () => {
    draft = await expectJson<Draft>(await manager('/api/imports', { json: { text: `${TEXT} دو`, heldOn: '1399-11-01' } }), 201);
    const first = draft.suggestions[0];
    if (!first) throw new Error('the text has a directive');
    suggestion = first;
  });

  it.each([
    ['before the session', '1399/10/30', 'پیش از تاریخ نشست'],
    ['more than ten years after it', '1410/01/01', 'بیش از ۱۰ سال'],
    ['centuries away', '1500/01/01', '۱۴۹۹'],
  ])('refuses a review’s deadline %s', async (_name, due, words) => {
    const message = await expectOutOfRange(
      await manager(`/api/imports/${draft.slug}/directives/${suggestion.id}`, { method: 'PATCH', json: { version: suggestion.version, due } }),
    );
    expect(message).toContain(words);
  });

  it('keeps the suggestion as it was, and accepts a deadline within the bounds', async () => {
    const now = await expectJson<Draft>(await manager(`/api/imports/${draft.slug}`), 200);
    expect(now.suggestions.find((s) => s.id === suggestion.id)).toMatchObject({ version: 1, due: suggestion.due });
    const saved = await expectJson<Suggestion>(
      await manager(`/api/imports/${draft.slug}/directives/${suggestion.id}`, { method: 'PATCH', json: { version: 1, due: '1409/11/01' } }),
      200,
    );
    expect(saved.due).toBe('2031-01-21');
  });

  it('refuses a deadline out of bounds when a directive is marked by hand', async () => {
    await expectOutOfRange(await manager(`/api/imports/${draft.slug}/directives`, { json: { start: 0, end: 20, due: '1399/01/01' } }));
  });

  it('refuses a date in a markdown directive’s due attribute that is before its session', async () => {
    const markdown = [
      '---',
      'slug: due-before',
      'title: نشست',
      'heldOn: 1404-11-01',
      '---',
      '',
      ':::directive{id=d1 kind=action due="1390-01-01"}',
      TEXT,
      ':::',
      '',
    ].join('\n');
    await expectOutOfRange(await manager('/api/imports', { json: { format: 'markdown', text: markdown } }));
  });
});

describe('actions: rescheduling and letters', () => {
  let actionId = 0;
  let version = 0;
  beforeAll(async () => {
    const session = await expectJson<{ directives: Array<{ id: number; anchor: string }> }>(await manager('/api/sessions/tvto-outsourcing-webinar-1'), 200);
    const directive = session.directives.find((d) => d.anchor === 'operational-programmes-1400');
    if (!directive) throw new Error('the seed directive');
    await expectJson(await manager(`/api/directives/${directive.id}/publish`, { json: { dueOn: '1399/11/15' } }), 200);
    // Assigning with a deadline out of bounds is refused before any action is created.
    await expectOutOfRange(await manager(`/api/directives/${directive.id}/assignments`, { json: { units: ['prov-east-azarbaijan'], dueOn: '1399/10/01' } }));
    expect(await count('action_items')).toBe(0);
    await expectJson(await manager(`/api/directives/${directive.id}/assignments`, { json: { units: ['prov-east-azarbaijan'] } }), 201);
    const mine = await expectJson<{ items: Array<{ id: number; version: number }> }>(await director('/api/actions/mine'), 200);
    actionId = mine.items[0]?.id ?? 0;
    version = mine.items[0]?.version ?? 0;
  });

  it.each([
    ['in year 1500', '1500/01/01'],
    ['in year 0001', '0001-01-01'],
    ['before the session', '1399/10/01'],
    ['more than ten years after it', '1420/01/01'],
  ])('refuses a reschedule %s and keeps the due date', async (_name, dueOn) => {
    await expectOutOfRange(await manager(`/api/actions/${actionId}`, { method: 'PATCH', json: { version, dueOn, reason: 'آزمون' } }));
    const now = await expectJson<{ dueOn: string; version: number }>(await manager(`/api/actions/${actionId}`), 200);
    expect(now).toMatchObject({ dueOn: '2021-02-03', version });
  });

  it('refuses a letter dated 1500/01/01 and stores no follow-up', async () => {
    const before = await count('follow_ups');
    await expectOutOfRange(await director(`/api/actions/${actionId}/follow-ups`, { json: { note: 'نامه ارسال شد', letterNumber: '۱۲/ص', letterDate: '1500/01/01' } }));
    expect(await count('follow_ups')).toBe(before);
  });

  it('refuses it in a report sent as a form (with files), as the page sends it', async () => {
    const before = await count('follow_ups');
    const form = new FormData();
    form.set('note', 'نامه ارسال شد');
    form.set('letterNumber', '۱۲/ص');
    form.set('letterDate', '۱۵۰۰/۰۱/۰۱');
    await expectOutOfRange(await director(`/api/actions/${actionId}/follow-ups`, { method: 'POST', body: form }));
    expect(await count('follow_ups')).toBe(before);
  });
});

describe('search date ranges', () => {
  it('refuses a range starting in 1500 with the same code', async () => {
    await expectOutOfRange(await manager(`/api/search?q=${encodeURIComponent('استان')}&from=${encodeURIComponent('1500/01/01')}`), 400);
  });
});
