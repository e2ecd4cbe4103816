/** @module HTTP load with autocannon: many connections against one route, figures a report can hold. */
import autocannon from 'autocannon';

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
}

/**
 * Run `connections` connections for `seconds` against paths from `nextPath` (called per request).
 *
 * @example
 * const figures = await loadTest({ name: 'search', url, nextPath: () => '/api/search?q=x', cookie });
 */
export async function loadTest(options: {
  name: string;
  url: string;
  nextPath: () => string;
  cookie: string;
  connections?: number;
  seconds?: number;
}): Promise<LoadFigures> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  const result = await autocannon({
    url: options.url,
    connections,
    duration: seconds,
    headers: { cookie: options.cookie },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.nextPath() }) }],
  });
  return {
    name: options.name,
    connections,
    seconds,
    requestsPerSec: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
