/** @module What the app is built from: the database, a clock, configuration. */
import type { Database } from './db/client';

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
}
