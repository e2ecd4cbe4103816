/**
 * @module The worker-thread side of a search merge: opens its own database client, builds
 * the new base from every published session, swaps it in (one batch), loads it into a
 * scorable segment and posts that back, so none of the 5–15 s blocks the server's thread.
 * Started by `runMergeInWorker` (background-merge.ts); not imported by the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/client';
import { createSearchRepo } from './search.repo';
import { writeBase } from './base-builder';
import { isMergeJob, type MergeResult } from './background-merge';

async function run(): Promise<void> {
  const port = parentPort;
  const job: unknown = workerData;
  if (!port || !isMergeJob(job)) throw new Error('merge-worker: started without a merge job');
  const database = await openDatabase(job.url, { migrate: false, ...(job.authToken ? { authToken: job.authToken } : {}) });
  try {
    // The same builder as a rebuild on the main thread; deltas written meanwhile outrank the base.
    const result: MergeResult = await writeBase(createSearchRepo(database.db), job.now);
    const { segment } = result;
    // The typed arrays move without a copy; terms, the term map and docs are cloned.
    const buffers = [segment.offsets.buffer, segment.postingDocs.buffer, segment.postingWeights.buffer, segment.idf.buffer];
    port.postMessage(result, buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
  } finally {
    database.close();
  }
}

run().catch((error: unknown) => {
  // An uncaught rejection would also reach the parent as 'error'; say what failed.
  throw error instanceof Error ? error : new Error(String(error));
});
