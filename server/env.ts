/**
 * @module The environment, read once at start-up through one zod schema: every variable the
 * server and the scripts read is here (and in the README's table), nowhere else.
 */
import { z } from 'zod';
import type { AppDeps } from './app-deps';
import { DEFAULT_HASH_POOL } from './auth/hash-pool';
import { DEFAULT_ADDRESS_POLICY } from './auth/login-throttle';
import { allowedHostsOf } from './http/allowed-hosts';
import { parseTrustProxy } from './http/client-address';

/** An on/off variable: 1 or true turns it on; unset, empty, 0 or false leave it off. */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:data/neshast.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** How long a write waits for another writer's lock before the request answers 503 (ms, default 5000). */
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where `npm start` ingests sample content from; empty to skip. */
  CONTENT_DIR: z.string().default('content'),
  /** Built web app served from the same port. */
  WEB_DIST: z.string().default('dist/web'),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('neshast@localhost'),
  /** When the daily e-mail digest goes out, Tehran time (HH:MM, default 07:00); `off` sends none. Needs SMTP_URL. */
  NESHAST_DIGEST_AT: z
    .string()
    .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|off)$/, 'NESHAST_DIGEST_AT: HH:MM (Tehran time) or off')
    .default('07:00'),
  /** Public base URL (for links in e-mail and calendar feeds, and the Secure cookie flag). */
  PUBLIC_URL: z.string().optional(),
  /** Demo accounts and actions on the sample content (refused on a real deployment). */
  NESHAST_DEMO: flag,
  /** `production` refuses demo mode. */
  NODE_ENV: z.string().optional(),
  /** Processes serving the port (`node:cluster`); 1 serves from the main process. */
  NESHAST_WORKERS: z.coerce.number().int().min(1).default(1),
  /** Search result pages cached per process (0 turns the cache off; benchmarks compare). */
  NESHAST_SEARCH_CACHE: z.coerce.number().int().min(0).optional(),
  /** `0`: searches neither read nor store search material (paragraphs read and analysed at search time; benchmarks compare). */
  NESHAST_SEARCH_MATERIAL: z.enum(['0', '1']).default('1'),
  /** Slow requests, event-loop delay and GC pauses printed once a second (load tests). */
  NESHAST_TRACE: flag,
  /** Set by the primary for the one worker that runs the reminders; not for people to set. */
  NESHAST_REMINDERS: flag,
  /** `npm run user`: the password, instead of reading it from standard input. */
  NESHAST_PASSWORD: z.string().optional(),
  /**
   * Behind a reverse proxy: which X-Forwarded-For entries to believe for the client's address
   * (login throttles, audit). A hop count (`1`) or addresses/CIDRs (`loopback`, `10.0.0.0/8`). Unset: none.
   */
  TRUST_PROXY: z.string().optional(),
  /** Host names (comma list, `host` or `host:port`) the server answers to; others get 421. Unset: any. */
  ALLOWED_HOSTS: z.string().optional(),
  /** Password checks computed at once (each ~0.4 s of a core and 128 MB; default 2). */
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Password checks waiting for a place; more answer 503 (default 32). */
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  /** Password checks one address may have running or waiting; more answer 429 (default 2). */
  LOGIN_HASH_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000).optional(),
  /** Failed sign-ins one address may make (any usernames) per window before it waits (default 30). */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).optional(),
  /** That window, in minutes (default 15). */
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return EnvSchema.parse(source);
}

/**
 * Where the evaluation and benchmark scripts find the Persian corpora (never the server or a
 * test): `NESHAST_CORPORA`, or undefined for the default beside the repository.
 */
export function readCorporaSetting(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return z.string().optional().parse(source['NESHAST_CORPORA'] || undefined);
}

/**
 * Tuning overrides of `npm run eval:search` (JSON), never read by the server: NESHAST_EVAL_WEIGHTS
 * (match weights) and NESHAST_EVAL_PROXIMITY (proximity rewards).
 */
export function readSearchEvalOverrides(source: NodeJS.ProcessEnv = process.env): { weights?: string; proximity?: string } {
  return { weights: source['NESHAST_EVAL_WEIGHTS'] || undefined, proximity: source['NESHAST_EVAL_PROXIMITY'] || undefined };
}

/**
 * The security settings of the environment as app dependencies (throws on an unreadable TRUST_PROXY).
 *
 * @example
 * createApp({ database, clock, ...securityDeps(readEnv()) });
 */
export function securityDeps(env: Env): Pick<AppDeps, 'trustProxy' | 'allowedHosts' | 'hashPool' | 'addressThrottle'> {
  return {
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    allowedHosts: allowedHostsOf(env.ALLOWED_HOSTS, env.PUBLIC_URL),
    hashPool: {
      concurrency: env.LOGIN_HASH_CONCURRENCY ?? DEFAULT_HASH_POOL.concurrency,
      queue: env.LOGIN_HASH_QUEUE ?? DEFAULT_HASH_POOL.queue,
      perAddress: env.LOGIN_HASH_PER_ADDRESS ?? DEFAULT_HASH_POOL.perAddress,
    },
    addressThrottle: {
      maxFailures: env.LOGIN_ADDRESS_MAX_FAILURES ?? DEFAULT_ADDRESS_POLICY.maxFailures,
      windowMs: env.LOGIN_ADDRESS_WINDOW_MINUTES !== undefined ? env.LOGIN_ADDRESS_WINDOW_MINUTES * 60_000 : DEFAULT_ADDRESS_POLICY.windowMs,
    },
  };
}
