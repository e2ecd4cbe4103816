/** @module Recognises database errors that mean "try again later" rather than "bug". */
import { LibsqlError } from '@libsql/client';

/** SQLite codes for a locked, busy or full database, or a remote server that cannot be reached. */
const TRANSIENT_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SERVER_ERROR', 'HRANA_WEBSOCKET_ERROR']);

/** Seconds a client should wait before retrying. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Whether an error (or its cause) is a transient database condition.
 *
 * @example
 * if (isDatabaseUnavailable(err)) return c.json(…, 503);
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof LibsqlError) {
      const code = e.extendedCode ?? e.code;
      if (TRANSIENT_CODES.has(e.code) || [...TRANSIENT_CODES].some((c) => code.startsWith(c))) return true;
    }
    if (/database is locked|database or disk is full|SQLITE_BUSY|SQLITE_FULL/i.test(e.message)) return true;
  }
  return false;
}
