/**
 * @module Who may call which API route: the table the access-matrix test walks.
 *
 * One row per route, keyed `METHOD /api/path` exactly as Hono lists it (`:param`), with the
 * status each caller must get. Every cell runs with a fresh user of that role (directors are
 * bound to prov-east-azarbaijan, whose action is `w.ownActionId`). A route added to the app
 * without a row here fails the test: add its row (and its forbidden cases) when you add it.
 *
 * @example
 * 'GET /api/things/:id': { path: (w) => `/api/things/${w.directiveId}`, expect: signedIn(200) },
 */
import type { Role } from '../../server/db/schema';
import { makeDocx, writeUp } from '../support/documents';
import type { TestUser } from '../support/test-app';
import type { AccessWorld } from './access-world';

export type Caller = 'anonymous' | Role;
export const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'manager', 'director', 'staff'];

export interface Cell {
  caller: Caller;
  /** The fresh user making the request; null for anonymous. */
  user: TestUser | null;
}

export interface AccessRow {
  path: (w: AccessWorld) => string;
  /** JSON body (or FormData for uploads), built per cell because writes need current versions. */
  body?: (w: AccessWorld, cell: Cell) => unknown | Promise<unknown>;
  expect: Record<Caller, number>;
}

/** Every signed-in role gets `ok`; anonymous 401. */
export const signedIn = (ok: number): Record<Caller, number> => ({ anonymous: 401, admin: ok, manager: ok, director: ok, staff: ok });
/** Only the listed roles get `ok`; the other roles 403; anonymous 401. */
export const only = (ok: number, ...roles: Role[]): Record<Caller, number> => ({
  anonymous: 401,
  admin: roles.includes('admin') ? ok : 403,
  manager: roles.includes('manager') ? ok : 403,
  director: roles.includes('director') ? ok : 403,
  staff: roles.includes('staff') ? ok : 403,
});
/** Everyone, signed in or not. */
export const everyone = (ok: number): Record<Caller, number> => ({ anonymous: ok, admin: ok, manager: ok, director: ok, staff: ok });

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;

/** A step the caller may take from the action's current status, so repeated cells keep working. */
async function nextStep(w: AccessWorld, actionId: number) {
  const status = await w.statusOf(actionId);
  const version = await w.versionOf(actionId);
  if (status === 'open') return { version, transition: 'start' };
  if (status === 'blocked') return { version, transition: 'resume' };
  return { version, transition: 'block', reason: 'منتظر پاسخ سازمان برنامه و بودجه' };
}

/** A fresh draft import per cell (imports, issue 5): body() creates it, path() reads it (body runs first). */
let lastDraft = { slug: 'none', directiveId: 0 };
async function freshDraft(w: AccessWorld): Promise<undefined> {
  const text = `استان‌ها موظفند ظرف دو هفته گزارش عملکرد را به سازمان برنامه و بودجه ارسال کنند. ${unique('نسخه')}`;
  const response = await w.manager('/api/imports', { method: 'POST', json: { text, heldOn: '1399-11-01' } });
  if (response.status !== 201) throw new Error(`access table: import → ${response.status} ${await response.text()}`);
  const draft: { slug: string; suggestions: Array<{ id: number }> } = await response.json();
  lastDraft = { slug: draft.slug, directiveId: draft.suggestions[0]?.id ?? 0 };
  return undefined;
}

/** The version a session is at (a correction must send it). */
async function sessionVersion(w: AccessWorld, slug: string): Promise<number> {
  const session: { version: number } = await (await w.manager(`/api/sessions/${slug}`)).json();
  return session.version;
}

/** A freshly published import per cell, for withdrawal (issue 14, item 5). */
let lastPublished = 'none';
async function freshPublished(w: AccessWorld): Promise<{ version: number; reason: string }> {
  await freshDraft(w);
  const published = await w.manager(`/api/imports/${lastDraft.slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } });
  if (published.status !== 200) throw new Error(`access table: publish → ${published.status} ${await published.text()}`);
  lastPublished = lastDraft.slug;
  return { version: await sessionVersion(w, lastPublished), reason: 'آزمون دسترسی' };
}

/** A freshly withdrawn session per cell, for restoring it. */
async function freshWithdrawn(w: AccessWorld): Promise<{ version: number; reason: string }> {
  const body = await freshPublished(w);
  const withdrawn = await w.manager(`/api/sessions/${lastPublished}/withdraw`, { method: 'POST', json: body });
  if (withdrawn.status !== 200) throw new Error(`access table: withdraw → ${withdrawn.status} ${await withdrawn.text()}`);
  return { version: await sessionVersion(w, lastPublished), reason: 'آزمون دسترسی' };
}

/** A document import (issue 17) started by the world's manager: its job, and once read, its draft. */
let lastJob = { id: 'none' };
let documentDraft: string | null = null;
async function startDocumentJob(w: AccessWorld): Promise<string> {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(await makeDocx(writeUp()))], `circular-${unique('docx')}.docx`));
  form.set('heldOn', '1399-11-01');
  const response = await w.manager('/api/imports', { method: 'POST', body: form });
  if (response.status !== 202) throw new Error(`access table: document import → ${response.status} ${await response.text()}`);
  const job: { id: string } = await response.json();
  lastJob = job;
  return job.id;
}
async function documentSlug(w: AccessWorld): Promise<undefined> {
  if (documentDraft) return undefined;
  const id = await startDocumentJob(w);
  for (let i = 0; i < 200 && !documentDraft; i++) {
    const job: { state: string; slug: string | null } = await (await w.manager(`/api/imports/jobs/${id}`)).json();
    if (job.state === 'failed') throw new Error('access table: document import failed');
    documentDraft = job.slug;
    if (!documentDraft) await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** A published session imported from a .docx (its source is then readable by every signed-in role). */
let publishedDocument: string | null = null;
async function publishedDocumentSlug(w: AccessWorld): Promise<undefined> {
  if (publishedDocument) return undefined;
  const form = new FormData();
  form.set('file', new File([new Uint8Array(await makeDocx({ ...writeUp(), title: 'بخشنامهٔ منتشرشده' }))], 'published.docx'));
  form.set('heldOn', '1399-11-02');
  const job: { id: string } = await (await w.manager('/api/imports', { method: 'POST', body: form })).json();
  let slug: string | null = null;
  for (let i = 0; i < 200 && !slug; i++) {
    const polled: { state: string; slug: string | null } = await (await w.manager(`/api/imports/jobs/${job.id}`)).json();
    if (polled.state === 'failed') throw new Error('access table: document import failed');
    slug = polled.slug;
    if (!slug) await new Promise((r) => setTimeout(r, 50));
  }
  const published = await w.manager(`/api/imports/${slug}/publish`, { method: 'POST', json: { rejectUnreviewed: true } });
  if (published.status !== 200) throw new Error(`access table: publish → ${published.status}`);
  publishedDocument = slug;
  return undefined;
}

export const ACCESS_TABLE: Record<string, AccessRow> = {
  'GET /api/health': { path: () => '/api/health', expect: everyone(200) },
  'GET /api/openapi.json': { path: () => '/api/openapi.json', expect: everyone(200) },

  // Accounts (issue 3)
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: async (w, cell) => {
      const user = cell.user ?? (await w.t.createUser({ role: 'staff' }));
      return { username: user.username, password: user.password };
    },
    expect: everyone(200),
  },
  'POST /api/auth/logout': { path: () => '/api/auth/logout', expect: signedIn(200) },
  'GET /api/auth/me': { path: () => '/api/auth/me', expect: signedIn(200) },
  'POST /api/auth/password': {
    path: () => '/api/auth/password',
    body: (_w, cell) => ({ currentPassword: cell.user?.password ?? 'none', newPassword: 'another-long-passphrase' }),
    expect: signedIn(200),
  },
  'GET /api/users': { path: () => '/api/users', expect: only(200, 'admin') },
  'POST /api/users': {
    path: () => '/api/users',
    body: () => ({ username: unique('added'), role: 'staff', displayName: 'کارمند تازه' }),
    expect: only(201, 'admin'),
  },
  'PATCH /api/users/:id': {
    path: (w) => `/api/users/${w.spareUserId}`,
    body: () => ({ displayName: unique('نام تازه') }),
    expect: only(200, 'admin'),
  },
  'GET /api/users/me/preferences': { path: () => '/api/users/me/preferences', expect: signedIn(200) },
  'PUT /api/users/me/preferences': { path: () => '/api/users/me/preferences', body: () => ({ emailEnabled: true }), expect: signedIn(200) },
  'POST /api/users/:id/password': { path: (w) => `/api/users/${w.spareUserId}/password`, expect: only(200, 'admin') },

  // Sessions (issue 2)
  'GET /api/units': { path: () => '/api/units', expect: signedIn(200) },
  'GET /api/sessions': { path: () => '/api/sessions', expect: signedIn(200) },
  'GET /api/sessions/:slug': { path: (w) => `/api/sessions/${w.sessionSlug}`, expect: signedIn(200) },
  'GET /api/sessions/:slug/document': { path: () => `/api/sessions/${publishedDocument}/document`, body: publishedDocumentSlug, expect: signedIn(200) },
  'GET /api/sessions/:slug/source': { path: () => `/api/sessions/${publishedDocument}/source`, body: publishedDocumentSlug, expect: signedIn(200) },
  'GET /api/search': { path: () => '/api/search?q=%D8%A8%D9%88%D8%AF%D8%AC%D9%87', expect: signedIn(200) },
  'GET /api/search/speakers': { path: () => '/api/search/speakers', expect: signedIn(200) },
  // Correcting and withdrawing a published session (issue 14, item 5): managers and admins only.
  'PATCH /api/sessions/:slug': {
    path: (w) => `/api/sessions/${w.sessionSlug}`,
    body: async (w) => ({ version: await sessionVersion(w, w.sessionSlug), notes: unique('یادداشت ویرایش') }),
    expect: only(200, 'admin', 'manager'),
  },
  'POST /api/sessions/:slug/withdraw': { path: () => `/api/sessions/${lastPublished}/withdraw`, body: freshPublished, expect: only(200, 'admin', 'manager') },
  'POST /api/sessions/:slug/restore': { path: () => `/api/sessions/${lastPublished}/restore`, body: freshWithdrawn, expect: only(200, 'admin', 'manager') },
  'GET /api/sessions/:slug/carry-over': { path: (w) => `/api/sessions/${w.sessionSlug}/carry-over`, expect: signedIn(200) },

  // Directives and actions (issue 6)
  'POST /api/directives/:id/publish': { path: (w) => `/api/directives/${w.directiveId}/publish`, expect: only(200, 'admin', 'manager') },
  'POST /api/directives/:id/assignments': {
    path: (w) => `/api/directives/${w.directiveId}/assignments`,
    body: () => ({ units: ['prov-fars'], dueOn: '2021-03-01' }),
    expect: only(201, 'admin', 'manager'),
  },
  // The directive register (issue 18): every signed-in role reads published directives.
  'GET /api/directives': { path: () => '/api/directives', expect: signedIn(200) },
  'GET /api/directives/export.csv': { path: () => '/api/directives/export.csv', expect: signedIn(200) },
  'GET /api/directives/summaries': { path: () => '/api/directives/summaries?by=speaker', expect: signedIn(200) },
  'GET /api/directives/:id/related': { path: (w) => `/api/directives/${w.directiveId}/related`, expect: signedIn(200) },
  'GET /api/directives/:id/rollup': { path: (w) => `/api/directives/${w.directiveId}/rollup`, expect: signedIn(200) },
  'POST /api/directives/:id/actions/bulk': {
    path: (w) => `/api/directives/${w.directiveId}/actions/bulk`,
    body: () => ({ scope: 'all', operation: 'remind', reason: 'یادآوری' }),
    expect: only(200, 'admin', 'manager'),
  },
  'GET /api/notifications/grouped': { path: () => '/api/notifications/grouped', expect: signedIn(200) },
  'GET /api/imports': { path: () => '/api/imports', expect: only(200, 'admin', 'manager') },
  'GET /api/actions': { path: () => '/api/actions', expect: signedIn(200) },
  'GET /api/actions/mine': { path: () => '/api/actions/mine', expect: signedIn(200) },
  'GET /api/actions/verification-queue': { path: () => '/api/actions/verification-queue', expect: only(200, 'admin', 'manager') },
  'GET /api/actions/:id': { path: (w) => `/api/actions/${w.ownActionId}`, expect: signedIn(200) },
  'POST /api/actions/:id/follow-ups': {
    path: (w) => `/api/actions/${w.ownActionId}/follow-ups`,
    body: async (w) => ({ version: await w.versionOf(w.ownActionId), note: 'پیشرفت کار', progress: 20 }),
    expect: only(201, 'admin', 'manager', 'director'),
  },
  'POST /api/actions/:id/comments': {
    path: (w) => `/api/actions/${w.ownActionId}/comments`,
    body: () => ({ note: 'پرسش درباره مهلت' }),
    expect: only(201, 'admin', 'manager', 'director'),
  },
  'POST /api/actions/:id/transitions': {
    path: (w) => `/api/actions/${w.ownActionId}/transitions`,
    body: (w) => nextStep(w, w.ownActionId),
    expect: only(200, 'admin', 'manager', 'director'),
  },
  'PATCH /api/actions/:id': {
    path: (w) => `/api/actions/${w.ownActionId}`,
    body: async (w) => ({ version: await w.versionOf(w.ownActionId), priority: 'high' }),
    expect: only(200, 'admin', 'manager'),
  },
  'GET /api/evidence/:id': { path: (w) => `/api/evidence/${w.evidenceId}`, expect: signedIn(200) },

  // Notifications, reports, exports, calendar (issue 6)
  'GET /api/notifications': { path: () => '/api/notifications', expect: signedIn(200) },
  'POST /api/notifications/read-all': { path: () => '/api/notifications/read-all', expect: signedIn(200) },
  'POST /api/notifications/:id/read': {
    path: (w) => `/api/notifications/${w.notificationId}/read`,
    expect: { anonymous: 401, admin: 200, manager: 200, director: 200, staff: 403 },
  },
  'GET /api/reports/dashboard': { path: () => '/api/reports/dashboard', expect: only(200, 'admin', 'manager') },
  'GET /api/reports/print': { path: (w) => `/api/reports/print?directive=${w.directiveId}`, expect: signedIn(200) },
  'GET /api/exports/actions.csv': { path: () => '/api/exports/actions.csv', expect: signedIn(200) },
  'GET /api/calendar/token': { path: () => '/api/calendar/token', expect: signedIn(200) },
  'POST /api/calendar/token': { path: () => '/api/calendar/token', expect: signedIn(201) },
  'DELETE /api/calendar/token': { path: () => '/api/calendar/token', expect: signedIn(200) },
  // The feed URL carries its own secret token: calendar apps send no cookie.
  'GET /api/calendar/:file': { path: (w) => w.calendarFeedPath, expect: everyone(200) },

  // Imports (issue 5): managers and admins only.
  'POST /api/imports': {
    path: () => '/api/imports',
    body: () => ({ text: `استان‌ها باید گزارش را ارسال کنند. ${unique('متن')}`, heldOn: '1399-11-01' }),
    expect: only(201, 'admin', 'manager'),
  },
  'GET /api/imports/:slug': { path: () => `/api/imports/${lastDraft.slug}`, body: freshDraft, expect: only(200, 'admin', 'manager') },
  // Document imports (issue 17): a job is seen by the manager who started it and by admins only
  // (the matrix's manager is another manager: 404, as for a job that does not exist).
  'GET /api/imports/jobs/:id': {
    path: () => `/api/imports/jobs/${lastJob.id}`,
    body: async (w) => {
      await startDocumentJob(w);
      return undefined;
    },
    expect: { anonymous: 401, admin: 200, manager: 404, director: 403, staff: 403 },
  },
  'GET /api/imports/:slug/source': { path: () => `/api/imports/${documentDraft}/source`, body: documentSlug, expect: only(200, 'admin', 'manager') },
  'PATCH /api/imports/:slug/directives/:id': {
    path: () => `/api/imports/${lastDraft.slug}/directives/${lastDraft.directiveId}`,
    body: async (w) => {
      await freshDraft(w);
      // A fresh draft's suggestion is at version 1.
      return { version: 1, review: 'confirmed', due: '1399-11-20' };
    },
    expect: only(200, 'admin', 'manager'),
  },
  'POST /api/imports/:slug/directives': {
    path: () => `/api/imports/${lastDraft.slug}/directives`,
    body: async (w) => {
      await freshDraft(w);
      return { start: 0, end: 8 };
    },
    expect: only(201, 'admin', 'manager'),
  },
  'POST /api/imports/:slug/publish': {
    path: () => `/api/imports/${lastDraft.slug}/publish`,
    body: async (w) => {
      await freshDraft(w);
      return { rejectUnreviewed: true };
    },
    expect: only(200, 'admin', 'manager'),
  },
};

/** Every caller gets `status` (a draft is answered like an id that does not exist). */
const all = (status: number): Record<Caller, number> => ({ anonymous: 401, admin: status, manager: status, director: status, staff: status });

/**
 * Reads of drafts and rejected directives (issue 12, item 3): every read of a directive or session by
 * id or slug answers as GET /api/sessions/{slug} does for a draft, 404, whoever asks (drafts are
 * reviewed on the import pages). Keyed `route (what)`; the route part must be a row of ACCESS_TABLE.
 */
export const DRAFT_ACCESS_TABLE: Record<string, AccessRow> = {
  'GET /api/sessions/:slug (draft import)': { path: (w) => `/api/sessions/${w.drafts.sessionSlug}`, expect: all(404) },
  'GET /api/sessions/:slug/carry-over (draft import)': { path: (w) => `/api/sessions/${w.drafts.sessionSlug}/carry-over`, expect: all(404) },
  'GET /api/sessions/:slug/carry-over (published import)': { path: (w) => `/api/sessions/${w.drafts.publishedSessionSlug}/carry-over`, expect: signedIn(200) },
  'GET /api/directives/:id/rollup (pending suggestion of a draft)': { path: (w) => `/api/directives/${w.drafts.pendingDirectiveId}/rollup`, expect: all(404) },
  'GET /api/directives/:id/rollup (rejected suggestion of a draft)': { path: (w) => `/api/directives/${w.drafts.rejectedDirectiveId}/rollup`, expect: all(404) },
  'GET /api/directives/:id/rollup (rejected directive of a published session)': { path: (w) => `/api/directives/${w.drafts.rejectedOfPublishedId}/rollup`, expect: all(404) },
  'GET /api/reports/print (pending suggestion of a draft)': { path: (w) => `/api/reports/print?directive=${w.drafts.pendingDirectiveId}`, expect: all(404) },
  'GET /api/reports/print (rejected directive of a published session)': { path: (w) => `/api/reports/print?directive=${w.drafts.rejectedOfPublishedId}`, expect: all(404) },
};

/**
 * Writes a director must not make on another province's action; each must answer 403 and change nothing.
 */
export const OTHER_PROVINCE_WRITES: Array<{ name: string; method: string; path: (w: AccessWorld) => string; body: (w: AccessWorld) => Promise<unknown> }> = [
  {
    name: 'post a follow-up',
    method: 'POST',
    path: (w) => `/api/actions/${w.otherActionId}/follow-ups`,
    body: async (w) => ({ version: await w.versionOf(w.otherActionId), note: 'نفوذ', progress: 90 }),
  },
  { name: 'comment on it', method: 'POST', path: (w) => `/api/actions/${w.otherActionId}/comments`, body: async () => ({ note: 'نفوذ' }) },
  { name: 'change its status', method: 'POST', path: (w) => `/api/actions/${w.otherActionId}/transitions`, body: (w) => nextStep(w, w.otherActionId) },
  {
    name: 'request verification',
    method: 'POST',
    path: (w) => `/api/actions/${w.otherActionId}/transitions`,
    body: async (w) => ({ version: await w.versionOf(w.otherActionId), transition: 'request_verification' }),
  },
  {
    name: 're-assign it',
    method: 'PATCH',
    path: (w) => `/api/actions/${w.otherActionId}`,
    body: async (w) => ({ version: await w.versionOf(w.otherActionId), unitCode: 'prov-east-azarbaijan' }),
  },
];
