/**
 * @module Document imports run as jobs beside the request loop: the upload answers at once with
 * a job id, the job reports its stage and page (k of n), and ends with the draft's slug or a
 * Persian error. At most `concurrency` jobs read at once (OCR is heavy); the rest wait their turn.
 * Jobs live in this process's memory for an hour after they end.
 */
import { randomUUID } from 'node:crypto';

export type JobState = 'queued' | 'running' | 'done' | 'failed';
export type JobStage = 'queued' | 'reading' | 'ocr' | 'extracting' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  ownerId: number;
  state: JobState;
  stage: JobStage;
  /** Pages (or steps) done and their total in the current stage. */
  done: number;
  total: number;
  fileName: string;
  /** The draft, once done. */
  slug: string | null;
  created: boolean | null;
  error: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface JobReporter {
  stage(stage: JobStage, done: number, total: number): void;
}

export interface JobOutcome {
  slug: string;
  created: boolean;
}

const KEEP_MS = 60 * 60 * 1000;

/**
 * A job registry.
 *
 * @example
 * const jobs = createImportJobs({ concurrency: 1 });
 * const job = jobs.start(user.id, 'scan.pdf', async (report) => { report.stage('ocr', 1, 10); return { slug, created: true }; }, toError);
 */
export function createImportJobs(options: { concurrency: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const jobs = new Map<string, ImportJob>();
  const waiting: Array<() => void> = [];
  let running = 0;

  const prune = () => {
    const cutoff = now().getTime() - KEEP_MS;
    for (const [id, job] of jobs) if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) jobs.delete(id);
  };

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (running < options.concurrency) {
        running++;
        resolve();
      } else waiting.push(() => {
        running++;
        resolve();
      });
    });
  const release = () => {
    running--;
    waiting.shift()?.();
  };

  return {
    start(
      ownerId: number,
      fileName: string,
      work: (report: JobReporter) => Promise<JobOutcome>,
      toError: (error: unknown) => { code: string; message: string },
    ): ImportJob {
      prune();
      const job: ImportJob = {
        id: randomUUID(),
        ownerId,
        state: 'queued',
        stage: 'queued',
        done: 0,
        total: 0,
        fileName,
        slug: null,
        created: null,
        error: null,
        startedAt: now().toISOString(),
        finishedAt: null,
      };
      jobs.set(job.id, job);
      const report: JobReporter = {
        stage(stage, done, total) {
          Object.assign(job, { stage, done, total });
        },
      };
      void (async () => {
        await acquire();
        job.state = 'running';
        try {
          const outcome = await work(report);
          Object.assign(job, { state: 'done', stage: 'done', slug: outcome.slug, created: outcome.created, finishedAt: now().toISOString() });
        } catch (error) {
          Object.assign(job, { state: 'failed', stage: 'failed', error: toError(error), finishedAt: now().toISOString() });
        } finally {
          release();
        }
      })();
      return job;
    },

    get(id: string): ImportJob | undefined {
      return jobs.get(id);
    },

    /** Resolves when the job has ended (tests and scripts; the web app polls). */
    async settled(id: string, pollMs = 50): Promise<ImportJob | undefined> {
      for (;;) {
        const job = jobs.get(id);
        if (!job || job.state === 'done' || job.state === 'failed') return job;
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
