/**
 * @module The longest synchronous slice of some work on the event loop: a check-phase tick re-arms
 * itself on every turn of the loop, so what passes between two ticks is what one slice held the loop
 * for. Two clocks: the main thread's own CPU time where Linux gives it (/proc/thread-self/schedstat,
 * ns, updated at scheduler ticks and switches: good to ≈ 4 ms), else the process's (which also counts
 * garbage-collection helper threads and workers); and wall time (an upper bound: it also counts time
 * the thread waited for a core on a shared machine). Used by `npm run bench:everything` and
 * `npm run bench:search-paths`.
 */
import { existsSync, readFileSync } from 'node:fs';

export const THREAD_CLOCK = existsSync('/proc/thread-self/schedstat');

/** What the CPU figure counts, for a benchmark's header. */
export const SLICE_CLOCK_NAME = THREAD_CLOCK ? 'the main thread (/proc/thread-self/schedstat)' : 'the whole process (process.cpuUsage)';

/** CPU ms of the main thread (or the process) so far. */
export function mainCpuMs(): number {
  if (THREAD_CLOCK) return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export interface Slice {
  /** Longest slice in CPU time, ms. */
  cpu: number;
  /** Longest slice in wall time, ms. */
  wall: number;
}

/**
 * Start measuring; the function returned stops and gives the longest slice seen.
 *
 * @example
 * const stop = sliceMeter();
 * await app.request('/api/search?q=…');
 * const { cpu, wall } = stop();
 */
export function sliceMeter(): () => Slice {
  let lastCpu = mainCpuMs();
  let lastWall = performance.now();
  let cpu = 0;
  let wall = 0;
  let on = true;
  const tick = () => {
    const nowCpu = mainCpuMs();
    const nowWall = performance.now();
    cpu = Math.max(cpu, nowCpu - lastCpu);
    wall = Math.max(wall, nowWall - lastWall);
    lastCpu = nowCpu;
    lastWall = nowWall;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    on = false;
    tick();
    return { cpu, wall };
  };
}

/**
 * The longest slice of `work`, with its result.
 *
 * @example
 * const [page, slice] = await measureSlices(() => app.request(path));
 */
export async function measureSlices<T>(work: () => Promise<T>): Promise<[T, Slice]> {
  const stop = sliceMeter();
  const value = await work();
  return [value, stop()];
}
