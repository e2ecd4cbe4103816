/** @module HTTP load with autocannon (in a child process): many connections against one route, figures a report can hold. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { z } from 'zod';
import { REPO_ROOT } from './server-process';

export interface LoadFigures {
  name: string;
  connections: number;
  seconds: number;
  requestsPerSec: number;
  total: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** The longest the server's event loop was held during the load (its NESHAST_TRACE=1 lines), ms; absent without the trace. */
  loopMaxMs?: number;
  /** The machine's 1-minute load average when the load ended (other processes included). */
  loadAverage?: number;
}

/**
 * The longest event-loop delay in a server's NESHAST_TRACE=1 output (server/http/request-trace.ts),
 * ms, or undefined when it printed none. A delay is how late the loop came back: a request that
 * held it, or (on a machine whose cores are busy elsewhere) the process waiting for a core.
 *
 * @example
 * const before = server.output().length; await loadTest(…); traceLoopMax(server.output().slice(before))
 */
export function traceLoopMax(output: string): number | undefined {
  let max: number | undefined;
  for (const m of output.matchAll(/loop delay max (\d+) ms/g)) max = Math.max(max ?? 0, Number(m[1]));
  return max;
}

const run = promisify(execFile);

const WorkerResult = z.object({
  requestsPerSec: z.number(),
  total: z.number(),
  p50: z.number(),
  p97_5: z.number(),
  p99: z.number(),
  max: z.number(),
  errors: z.number(),
  non2xx: z.number(),
});

/**
 * Run `connections` connections for `seconds` (or until `amount` requests) against `paths` (taken in turn), in a separate process.
 *
 * @example
 * const figures = await loadTest({ name: 'search', url, paths: ['/api/search?q=x'], cookie });
 */
export async function loadTest(options: { name: string; url: string; paths: string[]; cookie: string; connections?: number; seconds?: number; amount?: number }): Promise<LoadFigures> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  const job = { url: options.url, cookie: options.cookie, paths: options.paths, connections, seconds, amount: options.amount };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/bench/load-worker.ts'), JSON.stringify(job)], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { name: options.name, connections, seconds, ...WorkerResult.parse(JSON.parse(stdout)), loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)) };
}
