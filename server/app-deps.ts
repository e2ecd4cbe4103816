/** @module What the app is built from: the database, a clock, configuration. */
import type { SessionPolicy } from './auth/auth.service';
import type { HashPoolLimits } from './auth/hash-pool';
import type { AddressPolicy, ThrottlePolicy } from './auth/login-throttle';
import type { TrustProxy } from './http/client-address';
import type { ScryptParams } from './auth/password';
import type { Clock } from './clock';
import type { Database } from './db/client';
import type { OcrEngine } from './ingest/readers/ocr';
import type { SearchService } from './search/search.service';
import type { EverythingSearch } from './search/everything/everything.service';

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
  /** Failed sign-ins per source address, any usernames (default: 30 in 15 minutes). */
  addressThrottle?: AddressPolicy;
  /** Password hashing bound (default: 2 at once, 32 waiting, 2 per address). */
  hashPool?: HashPoolLimits;
  /** Which X-Forwarded-For entries name the client (default: none; TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** Host names the server answers to (default: any; ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** The search service: routes answer from it, imports index what they publish into it (default: one over `database`). */
  search?: SearchService;
  /** Searching directives, actions and follow-ups (default: one over `database`, built on its first search; the server builds it at start). */
  everything?: EverythingSearch;
  /** Password hashing cost for new passwords; tests lower it, production keeps the default. */
  scrypt?: ScryptParams;
  /** Tesseract and pdftoppm for scans (default: on PATH, 200 dpi); tests point them elsewhere to see a missing engine. */
  ocr?: Partial<OcrEngine>;
}
