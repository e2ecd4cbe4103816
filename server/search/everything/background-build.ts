/**
 * @module Builds the indexes of searching everything in a `node:worker_threads` worker
 * (everything-worker.ts), so a full build (≈ 200 ms of CPU per segment, seconds in all at the
 * register's scale) never holds the server's event loop: the worker reads the rows and builds each
 * segment; the main thread only adds what arrives, one message per segment, a few ms each.
 * Compiled (`npm start`) the worker is dist/server/everything-worker.js; from sources, through tsx.
 */
import { startModuleWorker } from '../../workers/start-worker';
import type { KindName, TableMarks } from './everything.repo';
import type { BuiltPart } from './kind-build';
import { nextTurn } from '../next-turn';
import type { NamedUnit } from './unit-words';

/** What the worker is asked to do. */
export interface BuildJob {
  kind: 'everything-build';
  /** The database URL (the worker opens its own client; a `:memory:` database cannot be shared). */
  url: string;
  authToken?: string;
}

/** What the worker posts: each kind's segments in order, then the marks it read before the rows, and the units. */
export type BuildMessage = { type: 'part'; kind: KindName; part: BuiltPart } | { type: 'done'; marks: TableMarks; units: NamedUnit[] };

export function isBuildJob(value: unknown): value is BuildJob {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'everything-build' && 'url' in value && typeof value.url === 'string';
}

function isBuildMessage(value: unknown): value is BuildMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  if (value.type === 'part') return 'kind' in value && (value.kind === 'directives' || value.kind === 'followups') && 'part' in value && typeof value.part === 'object';
  return value.type === 'done' && 'marks' in value && 'units' in value && Array.isArray(value.units);
}

/** True when another client on this URL sees the same database (not an in-memory one). */
export function canBuildInWorker(url: string | undefined): url is string {
  return typeof url === 'string' && url !== '' && !url.includes(':memory:');
}

/**
 * Build in a worker thread: `onPart` gets each segment as it arrives (in order, kind by kind);
 * resolves with the worker's marks (read before its first row) and the units once it is done.
 *
 * @example
 * const { marks } = await buildInWorker({ kind: 'everything-build', url }, (kind, part) => indexes[kind].addPart(part));
 */
export function buildInWorker(job: BuildJob, onPart: (kind: KindName, part: BuiltPart) => void): Promise<{ marks: TableMarks; units: NamedUnit[]; threadId: number }> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, './everything-worker.ts', { execArgv: [], workerData: job });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    // Each part is added on a later turn of the loop than the one that received (deserialised) it, so
    // receiving and adding never hold the loop together; the build is done once every part is added.
    let adding: Promise<void> = Promise.resolve();
    let complete = false;
    const failed = (error: unknown) => {
      finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      void worker.terminate();
    };
    worker.on('message', (message: unknown) => {
      if (settled) return;
      if (!isBuildMessage(message)) {
        failed(new Error('everything-worker: unexpected message'));
        return;
      }
      if (message.type === 'part') {
        const { kind, part } = message;
        adding = adding.then(nextTurn).then(() => {
          if (!settled) onPart(kind, part);
        });
        adding.catch(failed);
        return;
      }
      const { marks, units } = message;
      const threadId = worker.threadId;
      // The worker may exit before the last parts are added: that is not a failure now.
      complete = true;
      adding.then(() => finish(() => resolve({ marks, units, threadId })), failed);
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => {
      if (!complete) finish(() => reject(new Error(`everything-worker exited with code ${code} before it was done`)));
    });
  });
}
