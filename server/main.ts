/** @module Start Neshast: read env, open and migrate the database, ingest content, serve. */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './app-deps';
import { openDatabase } from './db/client';
import { readEnv } from './env';
import { describeFailure, describeSummary, ingestPaths } from './ingest/ingest';

const env = readEnv();
const database = await openDatabase(env.DATABASE_URL, { authToken: env.DATABASE_AUTH_TOKEN });

if (env.CONTENT_DIR && existsSync(env.CONTENT_DIR)) {
  const started = performance.now();
  const summary = await ingestPaths(database.client, [env.CONTENT_DIR], { now: () => systemClock.now() });
  for (const failure of summary.failures) console.warn(describeFailure(failure));
  console.log(describeSummary(summary, (performance.now() - started) / 1000));
}

const app = createApp({ database, clock: systemClock, webDist: env.WEB_DIST, publicUrl: env.PUBLIC_URL });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Neshast is serving on http://${host}:${info.port}/`);
});

function shutdown() {
  server.close();
  database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
