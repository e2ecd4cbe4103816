/**
 * @module Runs an import's reading, repair and directive extraction in one worker thread, so
 * a long or hostile source never holds up other requests. A source is read first and its slug
 * handed back for the duplicate check; only a new source is extracted. The worker is started
 * on first use or by warm() soon after the server listens, restarted after a crash, and stopped when a
 * step runs past its time limit.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { IngestError } from '../ingest/ingest-error';
import { startModuleWorker } from '../workers/start-worker';
import { isFromWorker, type FromWorker, type ToWorker } from './extraction-protocol';
import type { ImportFormat } from '../ingest/formats';
import type { ImportContext, ImportSource, PreparedImport } from './import-source';
import type { RepairSummary } from './repair-summary';

export interface ExtractionLimits {
  /** Longest one step (read, or extract) may run before the worker is stopped (ms). */
  stepTimeoutMs: number;
  /** Imports waiting or running at once; more answer 503. */
  maxPending: number;
  /** Heap of the worker, MB: the worst import measured at the size limits (1.4 M characters, 260,000 repairs) ran out of 128 MB and read in 256. */
  heapMb: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = { stepTimeoutMs: 60_000, maxPending: 8, heapMb: 512 };

export const ImportTooSlowError = () =>
  new AppError(422, 'import_too_slow', 'پردازش این متن بیش از حد طول کشید؛ آن را در چند بخش کوچک‌تر درون‌ریزی کنید.');
export const ImportTooLargeError = () =>
  new AppError(422, 'import_too_large', 'این متن برای بررسی بیش از حد بزرگ است و پردازش آن حافظهٔ بیشتری از حد مجاز می‌خواست؛ آن را در چند بخش کوچک‌تر درون‌ریزی کنید.');
export const ImportsBusyError = () =>
  new AppError(503, 'imports_busy', 'درون‌ریزی‌های دیگری در جریان است؛ چند لحظه دیگر دوباره تلاش کنید.', { retryAfterSeconds: 5 });

/** What `prepare` gives back: the prepared draft, or only the slug when `isDuplicate` said so. */
export type PrepareOutcome = { duplicate: false; prepared: PreparedImport } | { duplicate: true; slug: string; repairs: RepairSummary };

interface Waiter {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The imports' worker thread.
 *
 * @example
 * const runner = createExtractionRunner();
 * const outcome = await runner.prepare(source, context, async (slug) => (await repo.sessionBySlug(slug)) !== undefined);
 */
export function createExtractionRunner(limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS) {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending = 0;
  let starts = 0;
  const waiters = new Map<number, Waiter>();

  function failAll(error: Error): void {
    for (const [id, waiter] of waiters) {
      clearTimeout(waiter.timer);
      waiters.delete(id);
      waiter.reject(error);
    }
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = startModuleWorker(import.meta.url, './extraction-worker.ts', { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
    started.on('message', (message: unknown) => {
      if (!isFromWorker(message)) return;
      const waiter = waiters.get(message.id);
      if (!waiter) return;
      clearTimeout(waiter.timer);
      waiters.delete(message.id);
      waiter.resolve(message);
      if (waiters.size === 0) started.unref();
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      // Out of memory: the source was too big to read, not a fault of the server (the next import starts a new worker).
      failAll('code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? ImportTooLargeError() : error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`extraction worker exited (${code})`));
    });
    worker = started;
    starts++;
    return started;
  }

  /** Send one message and wait for its answer (or the time limit, which stops the worker). */
  function ask(message: ToWorker): Promise<FromWorker> {
    const target = ensureWorker();
    target.ref();
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(message.id);
        reject(ImportTooSlowError());
        // The only way to stop a runaway regex: end the thread (the next import starts another).
        if (worker === target) worker = null;
        void target.terminate();
      }, limits.stepTimeoutMs);
      waiters.set(message.id, { resolve, reject, timer });
      target.postMessage(message);
    });
  }

  function unwrap<T extends FromWorker['type']>(message: FromWorker, type: T): Extract<FromWorker, { type: T }> {
    if (message.type === 'ingest-error') throw new IngestError(message.error);
    if (message.type === 'error') throw new Error(`extraction worker: ${message.message}`);
    if (message.type !== type) throw new Error(`extraction worker: expected ${type}, got ${message.type}`);
    return message as Extract<FromWorker, { type: T }>;
  }

  async function limited<T>(run: () => Promise<T>): Promise<T> {
    if (pending >= limits.maxPending) throw ImportsBusyError();
    pending++;
    try {
      return await run();
    } finally {
      pending--;
    }
  }

  return {
    /** Read the source in the worker; unless `isDuplicate(slug)`, extract it there too. */
    prepare(source: ImportSource, context: ImportContext, isDuplicate: (slug: string) => Promise<boolean>): Promise<PrepareOutcome> {
      return limited(async () => {
        const id = nextId++;
        const { slug } = unwrap(await ask({ id, type: 'read', source, context }), 'read');
        let duplicate: boolean;
        try {
          duplicate = await isDuplicate(slug);
        } catch (error) {
          worker?.postMessage({ id, type: 'drop' } satisfies ToWorker);
          throw error;
        }
        if (duplicate) {
          // The draft shows the source's repairs: computed from what was just read, not by repairing it again.
          const { repairs } = unwrap(await ask({ id, type: 'drop-with-repairs' }), 'repairs');
          return { duplicate: true, slug, repairs };
        }
        const { prepared } = unwrap(await ask({ id, type: 'finish' }), 'prepared');
        return { duplicate: false, prepared };
      });
    },

    /** The repairs of a source stored without them (drafts imported before summaries were stored), computed in the worker. */
    repairs(text: string, format: ImportFormat, body: string): Promise<RepairSummary> {
      return limited(async () => unwrap(await ask({ id: nextId++, type: 'repairs', text, format, body }), 'repairs').repairs);
    },

    /**
     * Start the worker and run one short import in it, off the request path: called soon after the
     * server listens, so the first import after a start does not pay the worker's start (module
     * loading, compilation). Resolves with the warm-up's own ms in the worker; the worker then sleeps (unref).
     */
    async warm(): Promise<number> {
      return unwrap(await ask({ id: nextId++, type: 'warm' }), 'warm').ms;
    },

    /** How many worker threads were started so far (one, unless a step ran out of time or memory). */
    starts(): number {
      return starts;
    },

    /** Stop the worker (tests, shutdown). */
    async close(): Promise<void> {
      const running = worker;
      worker = null;
      failAll(new Error('extraction runner closed'));
      if (running) await running.terminate();
    },
  };
}

export type ExtractionRunner = ReturnType<typeof createExtractionRunner>;

let shared: ExtractionRunner | undefined;

/** The process's one extraction worker (every app in a process shares it; it sleeps when idle). */
export function sharedExtractionRunner(): ExtractionRunner {
  shared ??= createExtractionRunner();
  return shared;
}
