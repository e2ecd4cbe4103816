/** @module What the app is built from: the database, a clock, configuration. */
import type { SessionPolicy } from './auth/auth.service';
import type { ThrottlePolicy } from './auth/login-throttle';
import type { ScryptParams } from './auth/password';
import type { Database } from './db/client';
import type { SessionIndexer } from './ingest/ingest';
import type { OcrEngine } from './ingest/readers/ocr';

/** Injectable time, so overdue logic and expiry are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  database: Database;
  clock: Clock;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  /** Base URL when served over HTTPS (Secure cookies, links in e-mail). */
  publicUrl?: string;
  /** Idle and absolute lifetime of a sign-in session (defaults: 8 h idle, 7 days). */
  sessionPolicy?: SessionPolicy;
  /** Login back-off (default: 5 free failures, then 30 s doubling to 1 h). */
  loginThrottle?: ThrottlePolicy;
  /** Keeps search in step with writes (the search service satisfies it); without it, new sessions wait for a rebuild. */
  search?: SessionIndexer;
  /** Password hashing cost for new passwords; tests lower it, production keeps the default. */
  scrypt?: ScryptParams;
  /** Tesseract and pdftoppm for scans (default: on PATH, 200 dpi); tests point them elsewhere to see a missing engine. */
  ocr?: Partial<OcrEngine>;
}
