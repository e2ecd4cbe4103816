/**
 * @module Runs one autocannon load in its own process, so the benchmark's heap (corpus, indexes)
 * and its garbage collection never stall the client and inflate the latencies it records.
 * Input: one JSON argument {url, cookie, paths, connections, seconds, amount?}; output: the result as JSON.
 */
import autocannon from 'autocannon';
import { z } from 'zod';

const Job = z.object({ url: z.string(), cookie: z.string(), paths: z.array(z.string()).min(1), connections: z.number().int(), seconds: z.number(), amount: z.number().int().optional() });
const job = Job.parse(JSON.parse(process.argv[2] ?? '{}'));
let next = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  // A fixed number of requests instead (the first N after a start): autocannon stops at either.
  ...(job.amount ? { amount: job.amount } : {}),
  headers: { cookie: job.cookie },
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length] ?? '/' }) }],
});
process.stdout.write(
  JSON.stringify({
    requestsPerSec: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
