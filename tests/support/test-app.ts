/**
 * @module The test context every API test starts from: a real app over a real libSQL file
 * with the real migrations, a settable clock, and signed-in users of any role.
 *
 * Signature (stable; extend, do not change):
 *
 *   const t = await createTestContext({ now?, catalogue?, appDeps? });
 *   t.database, t.app, t.clock            // clock.set('2021-03-01T08:00:00Z'), clock.advance(ms), clock.now()
 *   await t.request(path, init?)          // real HTTP through app.request(); adds Origin (CSRF passes) and,
 *                                         // for a string body, Content-Type: application/json (FormData
 *                                         // bodies keep their multipart type, for uploads).
 *                                         // init.json = value → JSON body; init.cookie = cookie string.
 *   const cookie = await t.signIn({ role: 'director', unitCode?: 'prov-east-azarbaijan', username? })
 *                                         // creates the user if new (a director defaults to prov-east-azarbaijan),
 *                                         // signs in through POST /api/auth/login, returns "name=value".
 *   const asDirector = t.as(cookie);      // request helper carrying the cookie: await asDirector('/api/…', init)
 *   const u = await t.createUser({ role, unitCode?, username?, password? }) // { id, username, password, role, unitCode }
 *   const { cookie, user } = await t.signInUser({ role, … })               // when the test needs the user's id
 *   await t.ingestContent(paths = ['content'])                              // ingest like `npm run ingest`
 *   await t.close()                       // closes the database, deletes the temp folder
 *
 * The units catalogue (content/units.yaml, people.yaml) is loaded at start unless
 * `catalogue: false`, so users can be bound to units and directives to assignees.
 *
 * @example
 * const t = await createTestContext();
 * const cookie = await t.signIn({ role: 'manager' });
 * const res = await t.as(cookie)('/api/sessions');
 * await t.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import type { Clock } from '../../server/clock';
import type { ScryptParams } from '../../server/auth/password';
import { openDatabase, type Database } from '../../server/db/client';
import type { Role } from '../../server/db/schema';
import { ingestPaths, type IngestSummary } from '../../server/ingest/ingest';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';

/** The origin `app.request()` gives relative paths; sent as Origin so CSRF checks pass. */
export const TEST_ORIGIN = 'http://localhost';

/** Far cheaper than production hashing, so tests that sign in many users stay fast. */
const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** A clock tests move by hand. */
export interface TestClock extends Clock {
  set(when: Date | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: Date | string): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (when) => {
      current = new Date(when);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface TestRequestInit extends RequestInit {
  /** Sent as the JSON body (with Content-Type: application/json). */
  json?: unknown;
  /** A cookie string as returned by signIn(). */
  cookie?: string;
}

export type TestRequest = (path: string, init?: TestRequestInit) => Promise<Response>;

export interface TestUserSpec {
  role: Role;
  /** A director without one is bound to prov-east-azarbaijan. */
  unitCode?: string | null;
  username?: string;
  password?: string;
  displayName?: string;
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  unitCode: string | null;
}

export interface TestContextOptions {
  /** Initial clock time (default 2021-02-01T08:00:00Z, a few days after the sample sessions). */
  now?: Date | string;
  /** Load content/units.yaml and people.yaml at start (default true). */
  catalogue?: boolean;
  /** Extra or overriding app dependencies (publicUrl, sessionPolicy, loginThrottle …), or a function of the test database giving them (a search service over it). */
  appDeps?: Partial<Omit<AppDeps, 'database' | 'clock'>> | ((database: Database) => Partial<Omit<AppDeps, 'database' | 'clock'>>);
}

export interface TestContext {
  database: Database;
  app: App;
  clock: TestClock;
  request: TestRequest;
  as(cookie: string): TestRequest;
  createUser(spec: TestUserSpec): Promise<TestUser>;
  signIn(spec: TestUserSpec): Promise<string>;
  signInUser(spec: TestUserSpec): Promise<{ cookie: string; user: TestUser }>;
  ingestContent(paths?: string[]): Promise<IngestSummary>;
  close(): Promise<void>;
}

export const DEFAULT_DIRECTOR_UNIT = 'prov-east-azarbaijan';

/** "name=value" from a response's Set-Cookie, or undefined. */
export function sessionCookieOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (pair.includes('session=') && !pair.endsWith('=')) return pair;
  }
  return undefined;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const folder = mkdtempSync(join(tmpdir(), 'neshast-test-'));
  const database = await openDatabase(`file:${join(folder, 'test.db')}`);
  const clock = createTestClock(options.now ?? '2021-02-01T08:00:00Z');
  const appDeps = typeof options.appDeps === 'function' ? options.appDeps(database) : options.appDeps;
  const app = createApp({ database, clock, scrypt: TEST_SCRYPT, ...appDeps });
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock, scrypt: TEST_SCRYPT });
  let counter = 0;

  const ingest = (paths: string[]) =>
    ingestPaths(
      database.client,
      paths.map((p) => resolve(REPO_ROOT, p)),
      { clock },
    );
  if (options.catalogue ?? true) await ingest(['content/units.yaml', 'content/people.yaml']);

  const request: TestRequest = (path, init = {}) => {
    const { json, cookie, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('origin')) headers.set('origin', TEST_ORIGIN);
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    let body = rest.body;
    if (json !== undefined) body = JSON.stringify(json);
    // Strings are JSON; FormData and Blobs carry their own multipart or file type.
    if (typeof body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const method = rest.method ?? (body !== undefined && body !== null ? 'POST' : 'GET');
    return Promise.resolve(app.request(path, { ...rest, method, headers, body }));
  };

  async function createUser(spec: TestUserSpec): Promise<TestUser> {
    counter++;
    const unitCode = spec.unitCode === undefined ? (spec.role === 'director' ? DEFAULT_DIRECTOR_UNIT : null) : spec.unitCode;
    const username = spec.username ?? `${spec.role}-${counter}`;
    const password = spec.password ?? `test-password-${counter}-${Math.random().toString(36).slice(2)}`;
    const { user } = await users.create({ username, role: spec.role, unitCode, password, displayName: spec.displayName }, null);
    return { id: user.id, username: user.username, password, role: user.role, unitCode: user.unitCode };
  }

  async function signInUser(spec: TestUserSpec): Promise<{ cookie: string; user: TestUser }> {
    const existing = spec.username ? await users.byUsername(spec.username) : undefined;
    if (existing && !spec.password) throw new Error(`signIn: user ${spec.username} exists; pass its password`);
    const user = existing
      ? { id: existing.id, username: existing.username, password: spec.password ?? '', role: existing.role, unitCode: existing.unitCode }
      : await createUser(spec);
    const response = await request('/api/auth/login', { method: 'POST', json: { username: user.username, password: user.password } });
    const cookie = sessionCookieOf(response);
    if (response.status !== 200 || !cookie) throw new Error(`signIn failed for ${user.username}: ${response.status} ${await response.text()}`);
    return { cookie, user };
  }

  return {
    database,
    app,
    clock,
    request,
    as: (cookie) => (path, init = {}) => request(path, { ...init, cookie }),
    createUser,
    signIn: async (spec) => (await signInUser(spec)).cookie,
    signInUser,
    ingestContent: (paths = ['content']) => ingest(paths),
    close: async () => {
      database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
