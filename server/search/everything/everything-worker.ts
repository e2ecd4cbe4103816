/**
 * @module The worker-thread side of building the indexes of searching everything: opens its own
 * database client, reads each kind's rows in segments (kind-build.ts, the same grouping as a build
 * on the main thread), builds each segment and posts it (typed arrays moved, not copied), then the
 * marks it read first and the units. Started by `buildInWorker` (background-build.ts); not imported
 * by the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { isBuildJob, type BuildMessage } from './background-build';
import { createEverythingRepo, type KindName } from './everything.repo';
import { buildPart, segmentRows, transferablesOf } from './kind-build';

const KIND_NAMES: readonly KindName[] = ['directives', 'followups'];

async function run(): Promise<void> {
  const port = parentPort;
  const job: unknown = workerData;
  if (!port || !isBuildJob(job)) throw new Error('everything-worker: started without a build job');
  const database = await openDatabase(job.url, { migrate: false, ...(job.authToken ? { authToken: job.authToken } : {}) });
  try {
    const repo = createEverythingRepo(database.client);
    // Marks first: a row written while the worker reads is caught by the next delta.
    const marks = await repo.marks();
    for (const kind of KIND_NAMES) {
      for await (const rows of segmentRows(repo.chunk, kind)) {
        const part = buildPart(rows);
        const message: BuildMessage = { type: 'part', kind, part };
        port.postMessage(message, transferablesOf(part));
      }
    }
    const done: BuildMessage = { type: 'done', marks, units: await repo.units() };
    port.postMessage(done);
  } finally {
    database.close();
  }
}

run().catch((error: unknown) => {
  // An uncaught rejection would also reach the parent as 'error'; say what failed.
  throw error instanceof Error ? error : new Error(String(error));
});
