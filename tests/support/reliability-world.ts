/**
 * @module A database file ready for the reliability tests (two instances, crashes, locks): the sample
 * content ingested and indexed, a manager and a director, the sample directive fanned out to all 31
 * provinces; plus a follow-up client that behaves like a real one (retries 409 with the fresh
 * version, 503 after Retry-After, lost connections with the same Idempotency-Key).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../server/app';
import { systemClock } from '../../server/clock';
import type { ScryptParams } from '../../server/auth/password';
import { openDatabase, type Database } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService } from '../../server/search/search.service';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { callApi } from '../../scripts/bench/http-client';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Cheap hashing: the servers verify with the parameters stored in the hash. */
const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export interface ReliabilityWorld {
  dir: string;
  databaseUrl: string;
  password: string;
  manager: string;
  director: string;
  /** The 31 actions of the fanned-out directive. */
  actionIds: number[];
  /** The director's own action (prov-east-azarbaijan). */
  directorActionId: number;
  /** A fresh connection to the same file (close it yourself). */
  open(): Promise<Database>;
  dispose(): void;
}

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  return JSON.parse(text);
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}

/**
 * A temp database with content, accounts and 31 actions.
 *
 * @example
 * const world = await createReliabilityWorld();
 * const a = await startServer({ databaseUrl: world.databaseUrl });
 */
export async function createReliabilityWorld(): Promise<ReliabilityWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-reliability-'));
  const databaseUrl = `file:${join(dir, 'neshast.db')}`;
  const database = await openDatabase(databaseUrl);
  try {
    const search = createSearchService(database, { autoMerge: false });
    await ingestPaths(database.client, [resolve(REPO_ROOT, 'content')], { clock: systemClock, indexer: search });
    const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock, scrypt: TEST_SCRYPT });
    const password = `reliability-${Math.random().toString(36).slice(2)}`;
    await users.create({ username: 'rel-manager', role: 'manager', password }, null);
    await users.create({ username: 'rel-director', role: 'director', unitCode: 'prov-east-azarbaijan', password }, null);

    // The in-process app on the same file publishes and fans out the seed directive.
    const app = createApp({ database, clock: systemClock, scrypt: TEST_SCRYPT, search });
    const origin = 'http://localhost';
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rel-manager', password }),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const call = (path: string, body?: unknown) =>
      app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const session = await json(await call('/api/sessions/tvto-outsourcing-webinar-1'));
    const directives = field(session, 'directives');
    const directive = Array.isArray(directives) ? directives.find((d) => field(d, 'anchor') === 'operational-programmes-1400') : undefined;
    const directiveId = Number(field(directive, 'id'));
    await json(await call(`/api/directives/${directiveId}/publish`, { dueOn: '1399-11-15' }));
    const fanOut = await json(await call(`/api/directives/${directiveId}/assignments`, { units: ['all-provinces'] }));
    const created = field(fanOut, 'created');
    const actions = Array.isArray(created) ? created : [];
    const actionIds = actions.map((a) => Number(field(a, 'id')));
    const own = actions.find((a) => field(field(a, 'unit'), 'code') === 'prov-east-azarbaijan');
    return {
      dir,
      databaseUrl,
      password,
      manager: 'rel-manager',
      director: 'rel-director',
      actionIds,
      directorActionId: Number(field(own, 'id')),
      open: () => openDatabase(databaseUrl, { migrate: false }),
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    database.close();
  }
}

export interface FollowUpOutcome {
  /** 201 stored now, 200 stored earlier under the same key. */
  status: 201 | 200;
  attempts: number;
  conflicts: number;
  unavailable: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Post a follow-up as a real client would until it is acknowledged: with the version it last saw,
 * again with the fresh version after 409, again after Retry-After on 503, again with the same key
 * when the connection fails. Servers are tried in turn (a load balancer would).
 *
 * @example
 * const outcome = await postFollowUp([a.url, b.url], cookie, actionId, 'key-1', 'گزارش پیشرفت');
 */
export async function postFollowUp(
  urls: string[],
  cookie: string,
  actionId: number,
  key: string,
  note: string,
  options: { deadlineMs?: number; random?: () => number; stopOnConnectionLoss?: boolean } = {},
): Promise<FollowUpOutcome> {
  const random = options.random ?? Math.random;
  const deadline = Date.now() + (options.deadlineMs ?? 45_000);
  let version: number | undefined;
  let attempts = 0;
  let conflicts = 0;
  let unavailable = 0;
  for (let turn = 0; Date.now() < deadline; turn++) {
    const url = urls[turn % urls.length] ?? '';
    try {
      if (version === undefined) {
        const detail = await callApi(url, `/api/actions/${actionId}`, { cookie });
        if (detail.status === 503) {
          unavailable++;
          await pause(50 + random() * 150);
          continue;
        }
        version = Number(field(await json(detail), 'version'));
      }
      attempts++;
      const res = await callApi(url, `/api/actions/${actionId}/follow-ups`, { cookie, json: { version, note }, headers: { 'idempotency-key': key } });
      if (res.status === 201 || res.status === 200) return { status: res.status, attempts, conflicts, unavailable };
      const body: unknown = await res.json().catch(() => ({}));
      if (res.status === 409) {
        conflicts++;
        // The 409 carries the action as it is now; a client takes its version and tries again.
        const current = Number(field(field(field(field(body, 'error'), 'details'), 'current'), 'version'));
        version = Number.isFinite(current) ? current : undefined;
        await pause(random() * 30);
        continue;
      }
      if (res.status === 503) {
        unavailable++;
        expectRetryAfter(res);
        await pause(50 + random() * 150);
        continue;
      }
      throw new Error(`follow-up refused: ${res.status} ${JSON.stringify(body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('follow-up refused')) throw error;
      if (options.stopOnConnectionLoss) throw new ConnectionLost(key);
      // Connection refused or reset (a server going away): try again, same key.
      await pause(50 + random() * 100);
    }
  }
  throw new Error(`follow-up ${key} not acknowledged before the deadline`);
}

/** The server went away before answering (the post may or may not be stored). */
export class ConnectionLost extends Error {
  constructor(readonly key: string) {
    super(`connection lost while posting ${key}`);
    this.name = 'ConnectionLost';
  }
}

function expectRetryAfter(res: Response): void {
  if (!res.headers.get('retry-after')) throw new Error('503 without Retry-After');
}
