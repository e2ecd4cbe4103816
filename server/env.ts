/**
 * @module The environment, read once at start-up through one zod schema: every variable the
 * server and the scripts read is here (and in the README's table), nowhere else.
 */
import { z } from 'zod';

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
  /** Slow requests, event-loop delay and GC pauses printed once a second (load tests). */
  NESHAST_TRACE: flag,
  /** Set by the primary for the one worker that runs the reminders; not for people to set. */
  NESHAST_REMINDERS: flag,
  /** `npm run user`: the password, instead of reading it from standard input. */
  NESHAST_PASSWORD: z.string().optional(),
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
