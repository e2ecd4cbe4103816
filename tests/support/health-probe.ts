/** @module Measures how long `/api/health` takes to answer while something else runs on the same server. */

export interface HealthProbe {
  /** Slowest answer, ms. */
  maxMs: number;
  /** Answers received. */
  count: number;
  /** Statuses other than 200. */
  failures: number;
}

/**
 * Ask `/api/health` one request after another (50 ms apart) until `work` settles.
 *
 * @example
 * const [response, health] = await probeHealthWhile(server.url, callApi(server.url, '/api/imports', …));
 * expect(health.maxMs).toBeLessThan(1_000);
 */
export async function probeHealthWhile<T>(url: string, work: Promise<T>): Promise<[T, HealthProbe]> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  const probe: HealthProbe = { maxMs: 0, count: 0, failures: 0 };
  const loop = (async () => {
    // Let the work reach the server first.
    await new Promise((r) => setTimeout(r, 50));
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      probe.maxMs = Math.max(probe.maxMs, performance.now() - started);
      probe.count++;
      if (res.status !== 200) probe.failures++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await settled;
  await loop;
  return [result, probe];
}
