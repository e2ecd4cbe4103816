/** @module Start Neshast: read env, open and migrate the database, ingest content, serve. */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './app-deps';
import { prepareStartupAccounts } from './auth/first-run';
import { openDatabase } from './db/client';
import { readEnv } from './env';
import { describeFailure, describeSummary, ingestPaths } from './ingest/ingest';
import { createSearchService } from './search/search.service';
import { createSmtpMailer } from './notifications/mailer';
import { startReminderScheduler } from './notifications/scheduler';
import { createUsersRepo } from './users/users.repo';
import { createUsersService } from './users/users.service';

const env = readEnv();
const database = await openDatabase(env.DATABASE_URL, { authToken: env.DATABASE_AUTH_TOKEN, busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS });
// One search service for the process: ingest indexes into it, the routes and imports use it.
const search = createSearchService(database);

if (env.CONTENT_DIR && existsSync(env.CONTENT_DIR)) {
  const started = performance.now();
  const summary = await ingestPaths(database.client, [env.CONTENT_DIR], { now: () => systemClock.now(), indexer: search });
  for (const failure of summary.failures) console.warn(describeFailure(failure));
  console.log(describeSummary(summary, (performance.now() - started) / 1000));
}

// After ingest, so the demo director's unit exists. Passwords are printed once the server listens.
let accountNotices: string[] = [];
try {
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  accountNotices = await prepareStartupAccounts(users, { demo: env.NESHAST_DEMO, env: { ...env, NODE_ENV: process.env.NODE_ENV } });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  database.close();
  process.exit(1);
}

// Load the index (and check it against the sessions table, rebuilding after a crash) before
// listening, so the first search is as fast as the rest.
const indexStarted = performance.now();
await search.refreshIfStale();
const indexStats = search.stats();
console.log(`search: ${indexStats.sessions} sessions in ${indexStats.segments} segments (${Math.round(performance.now() - indexStarted)} ms)`);

const app = createApp({ database, clock: systemClock, search, webDist: env.WEB_DIST, publicUrl: env.PUBLIC_URL });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Neshast is serving on http://${host}:${info.port}/`);
  for (const notice of accountNotices) console.log(notice);
});

// Reminders on start and daily; idempotent, so every instance may run it.
const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM) : undefined;
const reminders = startReminderScheduler({ client: database.client, clock: systemClock, mailer, publicUrl: env.PUBLIC_URL });

function shutdown() {
  reminders.stop();
  mailer?.close();
  server.close();
  database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
