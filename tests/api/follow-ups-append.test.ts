/**
 * Follow-ups that append (issue 14, item 4): a note, letter or file is stored without the action's
 * version and never conflicts; progress and status changes still need the version (409 when stale);
 * a short discussion thread (comment and reply) on the action; 50 people posting at once, all stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { countRows } from '../support/temp-db';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';
import { tinyPdf } from './actions-fixtures';

interface Detail {
  id: number;
  version: number;
  status: string;
  progress: number;
  timeline: Array<{ id: number; kind: string; note: string | null; replyTo: number | null; author: { displayName: string } | null; files: unknown[] }>;
  audit: Array<{ event: string }>;
}

let t: TestContext;
let manager: TestRequest;
let director: TestRequest;
let otherDirector: TestRequest;
const actionOf = new Map<string, number>();

async function detail(id: number): Promise<Detail> {
  return expectJson<Detail>(await manager(`/api/actions/${id}`), 200);
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-20T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager', displayName: 'مدیر ستاد' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran', displayName: 'مدیرکل تهران' }));
  otherDirector = t.as(await t.signIn({ role: 'director', unitCode: 'prov-qom' }));
  const session = await expectJson<{ directives: Array<{ id: number; anchor: string }> }>(await manager('/api/sessions/tvto-outsourcing-webinar-1'), 200);
  const directiveId = session.directives.find((d) => d.anchor === 'operational-programmes-1400')?.id ?? 0;
  await expectJson(await manager(`/api/directives/${directiveId}/publish`, { method: 'POST', json: { dueOn: '1399-11-15' } }), 200);
  const assigned = await expectJson<{ created: Array<{ id: number; unit: { code: string } }> }>(
    await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: ['all-provinces'] } }),
    201,
  );
  for (const a of assigned.created) actionOf.set(a.unit.code, a.id);
});

afterAll(async () => {
  await t.close();
});

const idOf = (unit: string) => actionOf.get(unit) ?? 0;

describe('a note, letter or file is appended without the version', () => {
  it('stores a note sent with no version; the first one starts an open action (one version step)', async () => {
    const id = idOf('prov-tehran');
    const posted = await expectJson<Detail>(await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { note: 'کار آغاز شد' } }), 201);
    expect(posted).toMatchObject({ status: 'in_progress', version: 2 });
    const second = await expectJson<Detail>(await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { note: 'نامه به سازمان برنامه رفت', letterNumber: '۱۲۳/ب' } }), 201);
    // Appending changed nothing the version guards.
    expect(second.version).toBe(2);
    expect(second.timeline.map((f) => f.note)).toEqual(['کار آغاز شد', 'نامه به سازمان برنامه رفت']);
    expect(second.audit.filter((a) => a.event === 'action.follow_up')).toHaveLength(2);
  });

  it('stores a note sent with an old version too: a note overwrites nothing', async () => {
    const id = idOf('prov-tehran');
    const posted = await expectJson<Detail>(await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { version: 1, note: 'از صفحه‌ای قدیمی' } }), 201);
    expect(posted.timeline.at(-1)?.note).toBe('از صفحه‌ای قدیمی');
  });

  it('appends a file without the version (multipart)', async () => {
    const id = idOf('prov-tehran');
    const form = new FormData();
    form.append('files', new File([new Uint8Array(tinyPdf('letter'))], 'نامه.pdf', { type: 'application/pdf' }));
    const posted = await expectJson<Detail>(await director(`/api/actions/${id}/follow-ups`, { method: 'POST', body: form }), 201);
    expect(posted.timeline.at(-1)?.files).toHaveLength(1);
    expect(posted.version).toBe(2);
  });

  it('asks for the version when progress changes, and answers a stale one with 409', async () => {
    const id = idOf('prov-tehran');
    const missing = await expectJson<{ error: { code: string; message: string } }>(
      await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { note: 'نیمی انجام شد', progress: 50 } }),
      422,
    );
    expect(missing.error.code).toBe('version_required');
    expect(missing.error.message).toMatch(/نسخه/);
    const stale = await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { version: 1, progress: 50 } });
    expect((await expectJson<{ error: { code: string } }>(stale, 409)).error.code).toBe('version_conflict');
    const fresh = await expectJson<Detail>(await director(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { version: 2, progress: 50 } }), 201);
    expect(fresh).toMatchObject({ progress: 50, version: 3 });
    // Status steps and re-dating keep their check.
    expect((await manager(`/api/actions/${id}`, { method: 'PATCH', json: { version: 2, dueOn: '1399-12-01' } })).status).toBe(409);
    expect((await director(`/api/actions/${id}/transitions`, { method: 'POST', json: { version: 2, transition: 'block', reason: 'x' } })).status).toBe(409);
  });

  it('stores a retried note with the same Idempotency-Key once', async () => {
    const id = idOf('prov-tehran');
    const before = await countRows(t.database, 'follow_ups');
    const send = () => director(`/api/actions/${id}/follow-ups`, { method: 'POST', headers: { 'Idempotency-Key': 'note-once' }, json: { note: 'یک بار' } });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await countRows(t.database, 'follow_ups')).toBe(before + 1);
  });

  it("refuses another province's director and a closed action", async () => {
    expect((await otherDirector(`/api/actions/${idOf('prov-tehran')}/follow-ups`, { method: 'POST', json: { note: 'نفوذ' } })).status).toBe(403);
    const id = idOf('prov-ardabil');
    const cancelled = await expectJson<Detail>(
      await manager(`/api/actions/${id}/transitions`, { method: 'POST', json: { version: 1, transition: 'cancel', reason: 'ادغام شد' } }),
      200,
    );
    expect(cancelled.status).toBe('cancelled');
    const late = await manager(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { note: 'پس از لغو' } });
    expect((await expectJson<{ error: { code: string } }>(late, 422)).error.code).toBe('action_closed');
  });

  it('stores all of 50 notes posted at the same moment by 50 different people, with no 409', async () => {
    const id = idOf('prov-isfahan');
    const people: TestRequest[] = [];
    for (let i = 0; i < 50; i++) {
      people.push(t.as(await t.signIn(i % 2 ? { role: 'manager', username: `note-writer-m${i}` } : { role: 'director', unitCode: 'prov-isfahan', username: `note-writer-d${i}` })));
    }
    const before = await countRows(t.database, 'follow_ups');
    const responses = await Promise.all(
      people.map((send, i) => send(`/api/actions/${id}/follow-ups`, { method: 'POST', json: { note: `یادداشت ${i}` } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 201));
    expect(await countRows(t.database, 'follow_ups')).toBe(before + 50);
    const after = await detail(id);
    expect(new Set(after.timeline.map((f) => f.note))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `یادداشت ${i}`)));
    // The open action started once, whichever note came first.
    expect(after).toMatchObject({ status: 'in_progress', version: 2 });
  });
});

describe('the discussion thread', () => {
  it('keeps a comment and its reply in the timeline, between the unit and headquarters', async () => {
    const id = idOf('prov-tehran');
    const asked = await expectJson<Detail>(await director(`/api/actions/${id}/comments`, { method: 'POST', json: { note: 'آیا جدول بودجه هم لازم است؟' } }), 201);
    const question = asked.timeline.at(-1);
    expect(question).toMatchObject({ kind: 'comment', replyTo: null, author: { displayName: 'مدیرکل تهران' } });
    const answered = await expectJson<Detail>(
      await manager(`/api/actions/${id}/comments`, { method: 'POST', json: { note: 'بله، با برآورد هزینه.', replyTo: question?.id } }),
      201,
    );
    expect(answered.timeline.at(-1)).toMatchObject({ kind: 'comment', replyTo: question?.id, note: 'بله، با برآورد هزینه.' });
    // A comment changes nothing the version guards, and is audited.
    expect(answered.version).toBe(asked.version);
    expect(answered.audit.filter((a) => a.event === 'action.comment')).toHaveLength(2);
  });

  it('refuses an empty comment, a reply to something that is not a comment of this action, and another unit', async () => {
    const id = idOf('prov-tehran');
    const blank = await director(`/api/actions/${id}/comments`, { method: 'POST', json: { note: '  ' } });
    expect((await expectJson<{ error: { code: string } }>(blank, 422)).error.code).toBe('comment_empty');
    const progress = (await detail(id)).timeline.find((f) => f.kind === 'progress');
    const wrong = await director(`/api/actions/${id}/comments`, { method: 'POST', json: { note: 'پاسخ', replyTo: progress?.id } });
    expect((await expectJson<{ error: { code: string } }>(wrong, 422)).error.code).toBe('reply_not_found');
    expect((await otherDirector(`/api/actions/${id}/comments`, { method: 'POST', json: { note: 'نفوذ' } })).status).toBe(403);
  });

  it('takes comments on a closed action too', async () => {
    const id = idOf('prov-ardabil');
    expect((await manager(`/api/actions/${id}/comments`, { method: 'POST', json: { note: 'برای پرونده' } })).status).toBe(201);
  });
});
