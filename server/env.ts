/** @module The environment, read once at start-up through one zod schema. */
import { z } from 'zod';

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
  NESHAST_DEMO: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
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
