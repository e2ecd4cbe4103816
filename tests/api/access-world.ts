/**
 * @module The data the access-matrix test acts on: the sample content, one directive published
 * and assigned to East Azarbaijan (the matrix director's own unit) and to Tehran (another
 * province), evidence on the own action, a notification, a calendar token. Built through the
 * real API as a manager would, so it breaks when the API does.
 */
import { tinyPdf } from './actions-fixtures';
import { DEFAULT_DIRECTOR_UNIT, type TestContext, type TestRequest } from '../support/test-app';

export const OTHER_PROVINCE = 'prov-tehran';

export interface AccessWorld {
  t: TestContext;
  /** A manager's request helper, for setup and for reading state between cells. */
  manager: TestRequest;
  sessionSlug: string;
  directiveId: number;
  /** The action of the matrix director's own unit (prov-east-azarbaijan). */
  ownActionId: number;
  /** The same directive's action for another province. */
  otherActionId: number;
  evidenceId: number;
  notificationId: number;
  calendarFeedPath: string;
  /** An account the admin's cells may rename and reset. */
  spareUserId: number;
  /** What nobody may read outside the import review (issue 12, item 3). */
  drafts: {
    /** A draft import (series «سری پیش‌نویس»), and its pending suggestion. */
    sessionSlug: string;
    pendingDirectiveId: number;
    /** A suggestion of that draft the manager rejected. */
    rejectedDirectiveId: number;
    /** A published import whose only suggestion was rejected at publishing. */
    publishedSessionSlug: string;
    rejectedOfPublishedId: number;
  };
  /** Current version of an action (writes must send it). */
  versionOf(actionId: number): Promise<number>;
  statusOf(actionId: number): Promise<string>;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`access world: ${what} → ${response.status} ${await response.text()}`);
  const body: T = await response.json();
  return body;
}

export async function buildAccessWorld(t: TestContext): Promise<AccessWorld> {
  const summary = await t.ingestContent();
  if (summary.failures.length > 0) throw new Error(`access world: ingest failed: ${JSON.stringify(summary.failures)}`);
  const manager = t.as(await t.signIn({ role: 'manager', username: 'world-manager' }));

  const directiveRow = await t.database.client.execute(
    `SELECT d.id AS id, s.slug AS slug FROM directives d JOIN sessions s ON s.id = d.session_id ORDER BY d.id LIMIT 1`,
  );
  const directiveId = Number(directiveRow.rows[0]?.id);
  const sessionSlug = String(directiveRow.rows[0]?.slug);
  if (!directiveId) throw new Error('access world: the sample content has no directive');

  await json(await manager(`/api/directives/${directiveId}/publish`, { method: 'POST' }), 'publish');
  const assigned = await json<{ created: Array<{ id: number; unit: { code: string } }>; existing: Array<{ id: number; unit: { code: string } }> }>(
    await manager(`/api/directives/${directiveId}/assignments`, { json: { units: [DEFAULT_DIRECTOR_UNIT, OTHER_PROVINCE], dueOn: '2021-03-01' } }),
    'assign',
  );
  const actions = [...assigned.created, ...assigned.existing];
  const ownActionId = actions.find((a) => a.unit.code === DEFAULT_DIRECTOR_UNIT)?.id ?? 0;
  const otherActionId = actions.find((a) => a.unit.code === OTHER_PROVINCE)?.id ?? 0;

  const versionOf = async (actionId: number) => (await json<{ version: number }>(await manager(`/api/actions/${actionId}`), 'action')).version;
  const statusOf = async (actionId: number) => (await json<{ status: string }>(await manager(`/api/actions/${actionId}`), 'action')).status;

  const form = new FormData();
  form.set('version', String(await versionOf(ownActionId)));
  form.set('note', 'نامه ارسال شد');
  form.set('files', new Blob([new Uint8Array(tinyPdf('letter 1'))], { type: 'application/pdf' }), 'letter.pdf');
  const withEvidence = await json<{ timeline: Array<{ files: Array<{ id: number }> }> }>(
    await manager(`/api/actions/${ownActionId}/follow-ups`, { method: 'POST', body: form }),
    'evidence follow-up',
  );
  const evidenceId = withEvidence.timeline.flatMap((f) => f.files)[0]?.id ?? 0;

  const inserted = await t.database.client.execute({
    sql: `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at) VALUES (?, ?, 'due_soon', '2021-02-10', ?) RETURNING id`,
    args: [ownActionId, DEFAULT_DIRECTOR_UNIT, t.clock.now().toISOString()],
  });
  const notificationId = Number(inserted.rows[0]?.id);

  const token = await json<{ url?: string; path?: string; feedUrl?: string }>(await manager('/api/calendar/token', { method: 'POST' }), 'calendar token');
  const feed = token.path ?? token.url ?? token.feedUrl ?? '';
  const calendarFeedPath = feed.startsWith('http') ? new URL(feed).pathname : feed;

  const spareUserId = (await t.createUser({ role: 'staff', username: 'world-spare' })).id;
  const drafts = await buildDrafts(manager);

  return { t, manager, spareUserId, drafts, sessionSlug, directiveId, ownActionId, otherActionId, evidenceId, notificationId, calendarFeedPath, versionOf, statusOf };
}

/** Draft and rejected directives, made through the import API as a manager would. */
async function buildDrafts(manager: TestRequest): Promise<AccessWorld['drafts']> {
  type Draft = { slug: string; suggestions: Array<{ id: number; version: number }> };
  const text = [
    'استان‌ها موظفند ظرف دو هفته فهرست اموال مازاد را به سازمان برنامه و بودجه ارسال کنند.',
    'مدیران کل باید ظرف سه ماه آینده فروش اموال را پیگیری کنند.',
  ].join('\n\n');
  const draft = await json<Draft>(await manager('/api/imports', { json: { text, heldOn: '1399-12-01', series: 'سری پیش‌نویس' } }), 'draft import');
  const [pending, toReject] = draft.suggestions;
  if (!pending || !toReject) throw new Error(`access world: the draft import suggested ${draft.suggestions.length} directives, not 2`);
  await json(await manager(`/api/imports/${draft.slug}/directives/${toReject.id}`, { method: 'PATCH', json: { version: toReject.version, review: 'rejected' } }), 'reject');

  const other = await json<Draft>(
    await manager('/api/imports', { json: { text: 'استان‌ها موظفند ظرف یک ماه گزارش آموزش مهارت را ارسال کنند.', heldOn: '1399-12-02' } }),
    'second import',
  );
  const rejectedOfPublished = other.suggestions[0];
  if (!rejectedOfPublished) throw new Error('access world: the second import suggested nothing');
  await json(await manager(`/api/imports/${other.slug}/publish`, { json: { rejectUnreviewed: true } }), 'publish with rejection');

  return {
    sessionSlug: draft.slug,
    pendingDirectiveId: pending.id,
    rejectedDirectiveId: toReject.id,
    publishedSessionSlug: other.slug,
    rejectedOfPublishedId: rejectedOfPublished.id,
  };
}
