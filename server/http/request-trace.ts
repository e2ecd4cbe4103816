/**
 * @module Diagnostics for load tests (NESHAST_TRACE=1): slow requests with their server-side time,
 * event-loop delay and garbage-collection pauses, printed once a second while anything was slow.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface RequestTrace {
  /** Wrap a fetch handler: its time from call to response is recorded. */
  wrap<T extends (request: Request, ...rest: never[]) => Response | Promise<Response>>(fetch: T): T;
  stop(): void;
}

/**
 * Start tracing; prints a summary line every second.
 *
 * @example
 * const trace = startRequestTrace();
 * serve({ fetch: trace.wrap(app.fetch) });
 */
export function startRequestTrace(print: (line: string) => void = (l) => console.log(l)): RequestTrace {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gcMax = 0;
  let gcTotal = 0;
  let inFlight = 0;
  let served = 0;
  let slowest = 0;
  let slowestPath = '';
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcTotal += entry.duration;
      gcMax = Math.max(gcMax, entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    print(
      `trace: served ${served}, in flight ${inFlight}, slowest ${slowest.toFixed(0)} ms ${slowestPath}, loop delay max ${(loop.max / 1e6).toFixed(0)} ms p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, gc ${gcTotal.toFixed(0)} ms (max ${gcMax.toFixed(0)} ms)`,
    );
    loop.reset();
    gcMax = gcTotal = served = slowest = 0;
  }, 1000);
  timer.unref();
  return {
    wrap(fetch) {
      const wrapped = async (request: Request, ...rest: never[]) => {
        const started = performance.now();
        inFlight++;
        try {
          return await fetch(request, ...rest);
        } finally {
          inFlight--;
          served++;
          const took = performance.now() - started;
          if (took > slowest) {
            slowest = took;
            slowestPath = new URL(request.url).pathname;
          }
        }
      };
      // Same signature as the handler it wraps.
      return wrapped as unknown as typeof fetch;
    },
    stop() {
      clearInterval(timer);
      loop.disable();
      gc.disconnect();
    },
  };
}
