/**
 * Issue 15 item 5 ("no request blocks the event loop for more than 20 ms"), for a large page of
 * session hits: a page of 100 sessions whose paragraphs are not yet in memory was read in one
 * statement (the local database answers on the event loop's thread), which held the loop ≈ 100 ms
 * at 30,000 sessions (`npm run bench:search-paths`). Now they are read a few sessions a statement,
 * with a turn of the loop between, so other requests are answered while the page is put together.
 * Structural checks (statement sizes, /api/health answered meanwhile), no timings.
 */
import type { Client, InStatement } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../server/db/schema';
import { storeSessions } from '../../server/ingest/session-store';
import { READ_SESSIONS } from '../../server/search/paragraph-cache';
import { createSearchService } from '../../server/search/search.service';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

const SESSIONS = 120;
const WORD = 'پایش';

describe('a page of 100 sessions read in slices', () => {
  let t: TestContext;
  let staff: TestRequest;
  /** Session ids asked by each statement over paragraphs. */
  const paragraphReads: number[] = [];

  beforeAll(async () => {
    t = await createTestContext({
      appDeps: (database) => {
        // Every statement the search runs, seen on its way to the database.
        const spied = new Proxy(database.client, {
          get(target, key, receiver) {
            const value: unknown = Reflect.get(target, key, receiver);
            if (typeof value !== 'function') return value;
            // The client's methods use its private fields: call them on the client itself.
            if (key !== 'execute') return (...args: unknown[]) => Reflect.apply(value, target, args) as unknown;
            return (stmt: InStatement) => {
              if (typeof stmt === 'object' && /from "paragraphs"/i.test(stmt.sql) && Array.isArray(stmt.args)) paragraphReads.push(stmt.args.length);
              return Reflect.apply(value, target, [stmt]) as ReturnType<Client['execute']>;
            };
          },
        });
        const search = createSearchService({ ...database, client: spied, db: drizzle(spied, { schema }) }, { resultCache: { maxEntries: 0, maxBytes: 0 }, autoMerge: false });
        return { search };
      },
    });
    const sessions = Array.from({ length: SESSIONS }, (_, i) => {
      const text = `گزارش ${WORD} برنامه شماره ${i + 1} در نشست استانی با جزئیات اجرای طرح و بودجه سال.`;
      return {
        slug: `watch-${i + 1}`,
        title: `نشست ${i + 1}`,
        kind: 'meeting' as const,
        heldOn: '2021-01-20',
        sourceKind: 'jsonl' as const,
        sourceText: text,
        tags: [],
        paragraphs: [{ text }, { text: `بند دوم نشست ${i + 1}: پیگیری اقدامات.` }],
        directives: [],
      };
    });
    await storeSessions(t.database.client, sessions, t.clock.now());
    staff = t.as(await t.signIn({ role: 'staff' }));
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('reads the paragraphs a few sessions a statement while /api/health is answered', async () => {
    paragraphReads.length = 0;
    let done = false;
    let health = 0;
    const searching = staff(`/api/search?q=${encodeURIComponent(WORD)}&limit=100&prefix=false`).then(async (response) => {
      done = true;
      return expectJson<{ total: number; hits: Array<{ paragraphs: unknown[] }> }>(response, 200);
    });
    while (!done) {
      // One health check per turn of the loop (in process, a request alone never leaves the microtask queue).
      await new Promise((resolve) => setImmediate(resolve));
      expect((await t.request('/api/health')).status).toBe(200);
      health += 1;
    }
    const page = await searching;
    expect(page.total).toBe(SESSIONS);
    expect(page.hits).toHaveLength(100);
    expect(page.hits.every((h) => h.paragraphs.length > 0)).toBe(true);
    // Before: one statement over the 100 sessions.
    expect(paragraphReads.length).toBeGreaterThanOrEqual(100 / READ_SESSIONS);
    expect(Math.max(...paragraphReads)).toBeLessThanOrEqual(READ_SESSIONS);
    expect(health).toBeGreaterThan(1);
  });
});
