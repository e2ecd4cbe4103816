/**
 * @module Runs a search merge (build the new base from the sessions' text, swap it in, load
 * it) in a `node:worker_threads` worker, so requests keep being answered while it runs.
 * From sources (Vitest, `npm run dev`) the worker is TypeScript loaded through tsx's require hook;
 * compiled (`npm start`), it is dist/server/merge-worker.js.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuiltBase } from './base-builder';

/** What the worker is asked to do. */
export interface MergeJob {
  kind: 'search-merge';
  /** The database URL (the worker opens its own client; a `:memory:` database cannot be shared). */
  url: string;
  authToken?: string;
  /** createdAt of the new base, ISO. */
  now: string;
}

/** What the worker hands back: the base it wrote (writeBase), ready to score. */
export interface MergeResult extends BuiltBase {
  /** The worker's thread id (tests check the merge left the main thread). */
  threadId?: number;
}

export function isMergeJob(value: unknown): value is MergeJob {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'search-merge' && 'url' in value && typeof value.url === 'string' && 'now' in value && typeof value.now === 'string';
}

function isMergeResult(value: unknown): value is MergeResult {
  if (typeof value !== 'object' || value === null) return false;
  if (!('id' in value && 'generation' in value && 'asOf' in value && 'segment' in value)) return false;
  const { segment } = value;
  return typeof value.id === 'number' && typeof segment === 'object' && segment !== null && 'postingDocs' in segment && segment.postingDocs instanceof Int32Array;
}

/** True when another client on this URL sees the same database (not an in-memory one). */
export function canMergeInWorker(url: string | undefined): url is string {
  return typeof url === 'string' && url !== '' && !url.includes(':memory:');
}

/**
 * The worker's entry: load merge-worker.ts through tsx's CommonJS hook. On Node 20,
 * `execArgv: ['--import', 'tsx']` does not reach worker threads (module.register hooks are
 * per main thread there: "Unknown file extension .ts"); the require hook runs in the worker itself.
 */
function bootstrap(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = fileURLToPath(new URL('./merge-worker.ts', import.meta.url));
  return [
    `const { createRequire } = require('node:module');`,
    `const { require: tsxRequire } = createRequire(${JSON.stringify(here)})('tsx/cjs/api');`,
    `tsxRequire(${JSON.stringify(entry)}, ${JSON.stringify(here)});`,
  ].join('\n');
}

/**
 * Merge in a worker thread: resolves with the new base once it is written and loaded there.
 *
 * @example
 * const { id, asOf, segment } = await runMergeInWorker({ kind: 'search-merge', url: database.url, now: new Date().toISOString() });
 */
export function runMergeInWorker(job: MergeJob): Promise<MergeResult> {
  return new Promise<MergeResult>((resolve, reject) => {
    // Compiled (dist/server, `npm start`): merge-worker.js sits beside this bundle; from sources, through tsx.
    const compiled = import.meta.url.endsWith('.js');
    const worker = compiled
      ? new Worker(new URL('./merge-worker.js', import.meta.url), { execArgv: [], workerData: job })
      : new Worker(bootstrap(), { eval: true, execArgv: [], workerData: job });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once('message', (message: unknown) => {
      finish(() => (isMergeResult(message) ? resolve({ ...message, threadId: worker.threadId }) : reject(new Error('merge-worker: unexpected reply'))));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`merge-worker exited with code ${code} before replying`))));
  });
}
