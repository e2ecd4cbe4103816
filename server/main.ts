/**
 * @module Start Neshast: read env, open and migrate the database, ingest content, serve.
 * NESHAST_WORKERS=N (N > 1) serves from N processes (`node:cluster`): the primary prepares the
 * database (migrations, content, first accounts) and then only accepts connections and hands them
 * to the workers, each of which loads the search index and serves; one worker runs the reminders.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './clock';
import { presentAuthUser } from './auth/auth.service';
import { DEMO_MANAGER, prepareStartupAccounts } from './auth/first-run';
import { seedDemoActions } from './demo/demo-actions';
import { openDatabase } from './db/client';
import { readEnv, securityDeps } from './env';
import { startRequestTrace } from './http/request-trace';
import { answerClientErrors } from './http/client-errors';
import { sharedExtractionRunner } from './imports/extraction-runner';
import { describeFailure, describeSummary, ingestPaths } from './ingest/ingest';
import { createSearchService } from './search/search.service';
import { createEverythingSearch } from './search/everything/everything.service';
import { DEFAULT_RESULT_CACHE } from './search/result-cache';
import { WARM_UP_MS } from './search/warm-up';
import { createSmtpMailer } from './notifications/mailer';
import { startReminderScheduler } from './notifications/scheduler';
import { parseTimeOfDay, startDigestScheduler } from './notifications/digest-scheduler';
import { digestServiceFor } from './notifications/digest.service';
import { createCorrectionRepo } from './sessions/correction.repo';
import { finishHalfDoneWithdrawals } from './sessions/withdrawal-repair';
import { createUsersRepo } from './users/users.repo';
import { createUsersService } from './users/users.service';

const env = readEnv();
// Read once at start: a TRUST_PROXY that cannot be read stops the server with its message.
const security = (() => {
  try {
    return securityDeps(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
})();
const workers = env.NESHAST_WORKERS;
/** A start's warm-up ends by this many ms after the process started (docs/benchmarks.md: ready ≤ 3 s at 30,000 sessions). */
const START_MS = 2_500;
const cachePages = env.NESHAST_SEARCH_CACHE ?? DEFAULT_RESULT_CACHE.maxEntries;
const openDb = () => openDatabase(env.DATABASE_URL, { authToken: env.DATABASE_AUTH_TOKEN, busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS });
const newSearch = (database: Awaited<ReturnType<typeof openDb>>) =>
  createSearchService(database, { resultCache: { ...DEFAULT_RESULT_CACHE, maxEntries: cachePages }, material: env.NESHAST_SEARCH_MATERIAL === '1' });

/** Migrations, sample content and first accounts: once, before anything serves. Notices to print once listening. */
async function prepare(database: Awaited<ReturnType<typeof openDb>>, search: ReturnType<typeof newSearch>): Promise<string[]> {
  // A withdrawn session must have no open actions (one left half-done before withdrawals were one write).
  const finished = await finishHalfDoneWithdrawals(createCorrectionRepo(database), systemClock);
  if (finished.actions > 0) console.warn(`withdrawals: ${finished.actions} open actions of ${finished.sessions} withdrawn sessions cancelled, as their withdrawal had left them`);
  if (env.CONTENT_DIR && existsSync(env.CONTENT_DIR)) {
    const started = performance.now();
    const summary = await ingestPaths(database.client, [env.CONTENT_DIR], { clock: systemClock, indexer: search });
    for (const failure of summary.failures) console.warn(describeFailure(failure));
    console.log(describeSummary(summary, (performance.now() - started) / 1000));
  }
  // After ingest, so the demo director's unit exists. Passwords are printed once the server listens.
  try {
    const usersRepo = createUsersRepo(database.db);
    const users = createUsersService({ db: database.db, repo: usersRepo, clock: systemClock });
    const notices = await prepareStartupAccounts(users, { demo: env.NESHAST_DEMO, env });
    const demoManager = env.NESHAST_DEMO ? await usersRepo.byUsername(DEMO_MANAGER) : undefined;
    if (demoManager) {
      const created = await seedDemoActions(database, systemClock, presentAuthUser(demoManager));
      if (created > 0) notices.push(`demo: the sample directives were assigned as ${created} actions (the demo director has its unit's)`);
    }
    return notices;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    database.close();
    process.exit(1);
  }
}

/** Load the index, listen, run reminders (if `reminders`); notices are printed once listening. */
async function serveHere(database: Awaited<ReturnType<typeof openDb>>, search: ReturnType<typeof newSearch>, notices: string[], reminders: boolean): Promise<void> {
  // Load the index (and check it against the sessions table, rebuilding after a crash) before
  // listening, so the first search is as fast as the rest.
  const indexStarted = performance.now();
  await search.refreshIfStale();
  const indexStats = search.stats();
  console.log(`search: ${indexStats.sessions} sessions in ${indexStats.segments} segments (${Math.round(performance.now() - indexStarted)} ms)`);
  // Also before listening: the first requests under load should cost what later ones do (warm-up.ts),
  // within what is left of START_MS since the process started (a start at 30,000 sessions has ≤ 3 s).
  const warm = await search.warmUp(Math.max(0, Math.min(WARM_UP_MS, START_MS - performance.now())));
  console.log(`search: warmed up with ${warm.sessions} sessions' paragraphs and ${warm.queries} searches (${warm.ms} ms)`);

  const everything = createEverythingSearch(database);
  const app = createApp({ database, clock: systemClock, search, everything, webDist: env.WEB_DIST, publicUrl: env.PUBLIC_URL, ...security });
  // NESHAST_TRACE=1: slow requests, event-loop delay and GC pauses once a second (load tests).
  const trace = env.NESHAST_TRACE ? startRequestTrace() : null;
  const server = serve({ fetch: trace ? trace.wrap(app.fetch) : app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    console.log(`Neshast is serving on http://${host}:${info.port}/${cluster.isWorker ? ` (worker ${cluster.worker?.id ?? '?'})` : ''}`);
    for (const notice of notices) console.log(notice);
    // Directives and follow-ups are indexed now, in the background (a worker thread at scale), not by
    // the first search of everything; a search that comes first waits for it, others are answered meanwhile.
    everything.warm().then(
      () => {
        const { directives, followups, lastBuild } = everything.stats();
        console.log(`search of everything: ${directives.documents} directives, ${followups.documents} follow-ups in ${lastBuild?.ms ?? 0} ms (${lastBuild?.threadId ? 'worker thread' : 'main thread'})`);
      },
      (error: unknown) => console.error('search: building the directive/follow-up index failed; the next search of everything tries again', error),
    );
    // Search material (material-keeper.ts): sessions without it are prepared now, in slices, off the
    // request path; one process per database (the reminders one) is enough.
    if (reminders && env.NESHAST_SEARCH_MATERIAL === '1')
      search.keepMaterial().then(
        ({ written, dropped, ms }) => console.log(`search: material stored for ${written} sessions, dropped for ${dropped} (${ms} ms)`),
        (error: unknown) => console.error('search: storing search material failed; searches read paragraphs meanwhile', error),
      );
    // The imports' worker thread starts now, off the request path, so the first import does not wait for it.
    const importsStarted = performance.now();
    sharedExtractionRunner()
      .warm()
      .then(
        (ms) => console.log(`imports: worker ready in ${Math.round(performance.now() - importsStarted)} ms (its warm-up import ${ms} ms)`),
        (error: unknown) => console.error('imports: warming the worker failed; the first import starts it', error),
      );
  });
  // A URL or headers past Node's limit are answered in the JSON error shape, not a bare 431.
  answerClientErrors(server);

  // Reminders on start and daily; idempotent, so every instance may run it (one worker per machine does).
  const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM) : undefined;
  const scheduler = reminders ? startReminderScheduler({ client: database.client, clock: systemClock, mailer, publicUrl: env.PUBLIC_URL }) : null;
  // The daily digest: claimed per person and day in the database, so several instances send it once.
  const digest =
    reminders && mailer && env.NESHAST_DIGEST_AT !== 'off'
      ? startDigestScheduler({
          clock: systemClock,
          at: parseTimeOfDay(env.NESHAST_DIGEST_AT),
          run: () => digestServiceFor(database, { mailer, clock: systemClock, publicUrl: env.PUBLIC_URL }).run(),
        })
      : null;

  function shutdown() {
    trace?.stop();
    scheduler?.stop();
    digest?.stop();
    mailer?.close();
    server.close();
    database.close();
    process.exit(0);
  }
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (workers > 1 && cluster.isPrimary) {
  // The primary: prepare once, then fork. It keeps no database or index open while serving.
  const database = await openDb();
  const notices = await prepare(database, newSearch(database));
  database.close();
  let stopping = false;
  let remindersWorker = -1;
  const fork = (reminders: boolean) => {
    const worker = cluster.fork({ NESHAST_REMINDERS: reminders ? '1' : '0' });
    if (reminders) remindersWorker = worker.id;
  };
  for (let i = 0; i < workers; i++) fork(i === 0);
  cluster.once('listening', () => {
    for (const notice of notices) console.log(notice);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // A worker that died is replaced (its reminders role with it).
    console.error(`worker ${worker.id} exited (${signal ?? code}); starting another`);
    fork(worker.id === remindersWorker);
  });
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
} else {
  const database = await openDb();
  // One search service per process: ingest indexes into it, the routes and imports use it.
  const search = newSearch(database);
  const notices = cluster.isWorker ? [] : await prepare(database, search);
  await serveHere(database, search, notices, !cluster.isWorker || env.NESHAST_REMINDERS);
}
