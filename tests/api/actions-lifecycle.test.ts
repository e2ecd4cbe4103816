/**
 * The whole life of a directive's actions through the real API and a real database file: publish,
 * fan out to 31 provinces, a director's progress with a PDF, refusals (403, 409, 422), return,
 * verification, the roll-up, and reminders exactly once each, also after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db/client';
import { startReminderScheduler } from '../../server/notifications/scheduler';
import { expectJson } from '../support/responses';
import { countRows } from '../support/temp-db';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';
import { tinyPdf } from './actions-fixtures';

interface ActionJson {
  id: number;
  version: number;
  status: string;
  progress: number;
  dueOn: string | null;
  dueOnJalali: string | null;
  dueState: string;
  unit: { code: string };
  directive: { quote: string; anchor: string };
  link: string;
}

interface DetailJson extends ActionJson {
  timeline: Array<{ kind: string; note: string | null; letterNumber: string | null; letterDate: string | null; files: Array<{ url: string; fileName: string }> }>;
  audit: Array<{ event: string; actor: { displayName: string } | null; before: unknown; after: unknown }>;
  permissions: { transitions: string[] };
}

let t: TestContext;
let manager: TestRequest;
let eastAzarbaijan: TestRequest;
let tehran: TestRequest;
let directiveId: number;
let actionId: number;

async function detail(id: number): Promise<DetailJson> {
  return expectJson<DetailJson>(await manager(`/api/actions/${id}`), 200);
}

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-20T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager', displayName: 'مدیر ستاد' }));
  eastAzarbaijan = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan', displayName: 'مدیرکل آذربایجان شرقی' }));
  tehran = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
});

afterAll(async () => {
  await t.close();
});

describe('from directive to verified close', () => {
  it('publishes the seed directive with its two-week due date, given in Jalali', async () => {
    const session = await expectJson<{ directives: Array<{ id: number; anchor: string; dueRule: string | null }> }>(
      await manager('/api/sessions/tvto-outsourcing-webinar-1'),
      200,
    );
    const directive = session.directives.find((d) => d.anchor === 'operational-programmes-1400');
    expect(directive?.dueRule).toBe('در مدت حداقل دو هفته');
    directiveId = directive?.id ?? 0;
    // 1399-11-01 + 14 days = 1399-11-15 = 2021-02-03.
    const published = await expectJson<{ status: string; dueOn: string }>(
      await manager(`/api/directives/${directiveId}/publish`, { method: 'POST', json: { dueOn: '۱۳۹۹/۱۱/۱۵' } }),
      200,
    );
    expect(published).toMatchObject({ status: 'published', dueOn: '2021-02-03' });
  });

  it('fans out to all 31 provinces once, however often it is assigned', async () => {
    const first = await expectJson<{ createdCount: number; created: ActionJson[] }>(
      await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: ['all-provinces'] } }),
      201,
    );
    expect(first.createdCount).toBe(31);
    expect(new Set(first.created.map((a) => a.unit.code)).size).toBe(31);
    expect(first.created.every((a) => a.dueOn === '2021-02-03' && a.dueOnJalali === '1399-11-15' && a.status === 'open')).toBe(true);

    const again = await expectJson<{ createdCount: number; existingCount: number }>(
      await manager(`/api/directives/${directiveId}/assignments`, { method: 'POST', json: { units: ['all-provinces', 'prov-tehran'] } }),
      201,
    );
    expect([again.createdCount, again.existingCount]).toEqual([0, 31]);
    expect(await countRows(t.database, 'action_items')).toBe(31);
  });

  it("shows the East Azerbaijan director their unit's action with the directive quote and its link", async () => {
    const mine = await expectJson<{ items: ActionJson[] }>(await eastAzarbaijan('/api/actions/mine'), 200);
    expect(mine.items).toHaveLength(1);
    const [action] = mine.items;
    expect(action?.unit.code).toBe('prov-east-azarbaijan');
    expect(action?.directive.quote).toContain('برنامه های عملیاتی');
    expect(action?.link).toBe('/sessions/tvto-outsourcing-webinar-1#d-operational-programmes-1400');
    actionId = action?.id ?? 0;
  });

  it('stores a progress update with a letter and a PDF, and serves the PDF back as a download', async () => {
    const form = new FormData();
    form.append('version', '1');
    form.append('note', 'برنامه عملیاتی تهیه شد و برای سازمان برنامه و بودجه ارسال گردید.');
    form.append('progress', '80');
    form.append('letterNumber', '۱۲۳۴/ص/۹۹');
    form.append('letterDate', '1399-11-10');
    const pdf = tinyPdf('operational programme 1400');
    form.append('files', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'برنامه عملیاتی ۱۴۰۰.pdf');
    const updated = await expectJson<DetailJson>(await eastAzarbaijan(`/api/actions/${actionId}/follow-ups`, { method: 'POST', body: form }), 201);
    expect(updated).toMatchObject({ status: 'in_progress', progress: 80, version: 2 });
    const [entry] = updated.timeline;
    expect(entry).toMatchObject({ kind: 'progress', letterNumber: '۱۲۳۴/ص/۹۹', letterDate: '2021-01-29' });
    expect(entry?.files[0]?.fileName).toBe('برنامه عملیاتی ۱۴۰۰.pdf');

    const download = await tehran(entry?.files[0]?.url ?? '');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("refuses another province's director with 403 and changes nothing", async () => {
    const before = await detail(actionId);
    const followUps = await countRows(t.database, 'follow_ups');
    const post = await tehran(`/api/actions/${actionId}/follow-ups`, { method: 'POST', json: { version: 2, note: 'گزارش تهران', progress: 100 } });
    expect(post.status).toBe(403);
    const step = await tehran(`/api/actions/${actionId}/transitions`, { method: 'POST', json: { version: 2, transition: 'block', reason: 'x' } });
    expect(step.status).toBe(403);
    expect(await countRows(t.database, 'follow_ups')).toBe(followUps);
    expect(await detail(actionId)).toEqual(before);
  });

  it('answers a stale update with 409 and the current state', async () => {
    const stale = await eastAzarbaijan(`/api/actions/${actionId}/follow-ups`, { method: 'POST', json: { version: 1, note: 'از نسخه قدیمی', progress: 10 } });
    const body = await expectJson<{ error: { code: string; message: string; details: { current: ActionJson } } }>(stale, 409);
    expect(body.error.code).toBe('version_conflict');
    expect(body.error.details.current).toMatchObject({ id: actionId, version: 2, progress: 80 });
    expect((await detail(actionId)).progress).toBe(80);
  });

  it('lets the director request verification, and keeps verification to managers', async () => {
    const requested = await expectJson<DetailJson>(
      await eastAzarbaijan(`/api/actions/${actionId}/transitions`, { method: 'POST', json: { version: 2, transition: 'request_verification' } }),
      200,
    );
    expect(requested.status).toBe('awaiting_verification');
    const selfVerify = await eastAzarbaijan(`/api/actions/${actionId}/transitions`, { method: 'POST', json: { version: 3, transition: 'verify' } });
    expect(selfVerify.status).toBe(403);
    const queue = await expectJson<{ items: ActionJson[] }>(await manager('/api/actions/verification-queue'), 200);
    expect(queue.items.map((a) => a.id)).toEqual([actionId]);
  });

  it('has the manager return it once with a reason, then verify it', async () => {
    const noReason = await manager(`/api/actions/${actionId}/transitions`, { method: 'POST', json: { version: 3, transition: 'return' } });
    expect((await expectJson<{ error: { code: string } }>(noReason, 422)).error.code).toBe('reason_required');

    const returned = await expectJson<DetailJson>(
      await manager(`/api/actions/${actionId}/transitions`, {
        method: 'POST',
        json: { version: 3, transition: 'return', reason: 'جدول بودجه به برنامه پیوست نشده است.' },
      }),
      200,
    );
    expect(returned.status).toBe('in_progress');

    const again = await expectJson<DetailJson>(
      await eastAzarbaijan(`/api/actions/${actionId}/follow-ups`, {
        method: 'POST',
        json: { version: 4, note: 'جدول بودجه پیوست شد.', progress: 100, requestVerification: true },
      }),
      201,
    );
    expect(again.status).toBe('awaiting_verification');

    const verified = await expectJson<DetailJson>(
      await manager(`/api/actions/${actionId}/transitions`, { method: 'POST', json: { version: 5, transition: 'verify' } }),
      200,
    );
    expect(verified).toMatchObject({ status: 'done', progress: 100, dueState: 'closed' });
    expect(verified.timeline.map((e) => e.kind)).toEqual(['progress', 'request_verification', 'returned', 'request_verification', 'verified']);
    const statusChanges = verified.audit.filter((a) => a.event === 'action.status');
    expect(statusChanges.map((a) => a.after)).toEqual([
      { status: 'awaiting_verification', statusReason: null },
      { status: 'in_progress', statusReason: 'جدول بودجه به برنامه پیوست نشده است.' },
      { status: 'done', statusReason: null },
    ]);
    expect(verified.audit[0]).toMatchObject({ event: 'action.create', actor: { displayName: 'مدیر ستاد' } });
  });

  it('rolls up to 1 of 31 done', async () => {
    const rollup = await expectJson<{ counts: { total: number; done: number; overdue: number; open: number } }>(
      await tehran(`/api/directives/${directiveId}/rollup`),
      200,
    );
    expect(rollup.counts).toMatchObject({ total: 31, done: 1, overdue: 0, open: 30 });
  });

  it('makes the other 30 overdue past the due date, with exactly one overdue reminder each, also after a restart', async () => {
    t.clock.set('2021-02-05T06:00:00Z');
    // Sixteen days later the earlier sign-ins have expired: sign in afresh.
    manager = t.as(await t.signIn({ role: 'manager' }));
    tehran = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran' }));
    eastAzarbaijan = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
    const rollup = await expectJson<{ counts: { done: number; overdue: number } }>(await manager(`/api/directives/${directiveId}/rollup`), 200);
    expect(rollup.counts).toMatchObject({ done: 1, overdue: 30 });

    const scheduler = startReminderScheduler({ client: t.database.client, clock: t.clock });
    const run = await scheduler.firstRun;
    expect(run?.created.overdue).toBe(30);
    expect((await scheduler.runNow())?.created.overdue).toBe(0);
    scheduler.stop();

    // A restart: a new connection, a new app and a new scheduler on the same database file.
    const reopened = await openDatabase(t.database.url);
    try {
      createApp({ database: reopened, clock: t.clock });
      const again = startReminderScheduler({ client: reopened.client, clock: t.clock });
      expect((await again.firstRun)?.created.overdue).toBe(0);
      again.stop();
    } finally {
      reopened.close();
    }
    const counted = await t.database.client.execute(`SELECT count(*) AS n, count(DISTINCT action_id) AS actions FROM notifications WHERE kind = 'overdue'`);
    expect([Number(counted.rows[0]?.n), Number(counted.rows[0]?.actions)]).toEqual([30, 30]);

    const mine = await expectJson<{ items: Array<{ kind: string; action: ActionJson }>; unread: number }>(await tehran('/api/notifications'), 200);
    // The overdue reminder, and (issue 14) the notice of the assignment itself.
    expect(mine.items.map((n) => [n.kind, n.action.unit.code])).toEqual([['overdue', 'prov-tehran'], ['assigned', 'prov-tehran']]);
    const all = await expectJson<{ total: number }>(await manager('/api/notifications?kind=overdue'), 200);
    expect(all.total).toBe(30);
    const done = await expectJson<{ items: Array<{ kind: string }> }>(await eastAzarbaijan('/api/notifications'), 200);
    // Closed in time: no reminder, only what happened to it (assigned, returned, verified).
    expect(done.items.map((n) => n.kind).sort()).toEqual(['assigned', 'returned', 'verified']);
  });
});
