/**
 * @module CPU per search request, measured so that other processes on the machine barely move it:
 * each query of the bench's mix runs alone through the service's `search()` (result cache off) and
 * is charged the process CPU time (`process.cpuUsage`, user + system) it used, not wall time. Also
 * the longest the event loop was held while each ran (`monitorEventLoopDelay`, which other load inflates).
 * Used by `npm run bench:search-load` and `npm run bench`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SearchService } from '../../server/search/search.service';
import { percentile } from './queries';

export interface CpuFigures {
  queries: number;
  /** CPU ms per query: each query's least over the timed passes (the run least disturbed by other processes), then over the mix. */
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The mean over every timed run, not the least (what a loaded machine adds shows as the gap to `mean`). */
  meanAll: number;
  /** Longest event-loop delay seen while one request ran, ms (an upper bound on one request's block). */
  loopMaxMs: number;
}

/**
 * Run `queries` once to warm up (the paragraph cache fills as it would under load), then `passes`
 * times, each query charged its own CPU; `cold`: no untimed pass (what a server just started costs).
 *
 * @example
 * const cpu = await searchCpu(createSearchService(database, { resultCache: { maxEntries: 0, maxBytes: 0 } }), queries);
 */
export async function searchCpu(search: SearchService, queries: string[], passes = 2, options: { cold?: boolean } = {}): Promise<CpuFigures> {
  // Cold: no untimed pass first, so the one timed pass is what the first requests after a start cost.
  if (!options.cold) for (const q of queries) await search.search({ q, limit: 10, prefix: false });
  const least = queries.map(() => Number.POSITIVE_INFINITY);
  let total = 0;
  let loopMaxMs = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, q] of queries.entries()) {
      // One monitor per request: the longest the loop was held while this request ran (a GC pause
      // during it included), not a pause between requests.
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const before = process.cpuUsage();
      await search.search({ q, limit: 10, prefix: false });
      const used = process.cpuUsage(before);
      const ms = (used.user + used.system) / 1000;
      total += ms;
      least[i] = Math.min(least[i] ?? ms, ms);
      // A turn of the loop after the request, so the monitor sees its last stretch.
      await new Promise((r) => setTimeout(r, 2));
      loop.disable();
      loopMaxMs = Math.max(loopMaxMs, loop.max / 1e6);
    }
  }
  const times = least.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / Math.max(1, times.length);
  const meanAll = total / Math.max(1, passes * queries.length);
  return { queries: queries.length, mean, p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: times[times.length - 1] ?? 0, meanAll, loopMaxMs };
}
