/**
 * @module Guards on every state-changing API request: cross-site requests refused (CSRF),
 * JSON bodies only (uploads as multipart), and body size limits.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { every } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 20 * 1024 * 1024;
/** A pasted import (POST /api/imports): 1,000,000 characters, up to 3 bytes each in UTF-8, and its fields. */
export const PASTED_IMPORT_BODY_LIMIT = 3 * 1024 * 1024 + 64 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CrossSiteError = () => new AppError(403, 'cross_site_request', 'درخواست از نشانی دیگری آمده و پذیرفته نشد.');
export const UnsupportedMediaError = () =>
  new AppError(415, 'unsupported_media_type', 'بدنه درخواست باید JSON باشد (Content-Type: application/json).');
export const PayloadTooLargeError = () => new AppError(413, 'payload_too_large', 'حجم درخواست بیش از حد مجاز است.');

function allowedOrigins(c: Context, publicUrl: string | undefined): string[] {
  const origins = [new URL(c.req.url).origin];
  if (publicUrl) {
    try {
      origins.push(new URL(publicUrl).origin);
    } catch {
      // An unparsable PUBLIC_URL adds nothing; the request's own origin still counts.
    }
  }
  return origins;
}

/**
 * Same-origin check on every unsafe method: an `Origin` header, when sent, must be ours, and a
 * `Sec-Fetch-Site` header, when sent, must be `same-origin`. Every current browser sends at least
 * one of them on a POST, so a cross-site page cannot pass; a request with neither comes from a
 * program (curl, a script), which cannot ride on a victim's cookie. Multipart uploads must
 * carry our Origin outright.
 *
 * @example
 * api.use('*', sameOriginWrites(deps.publicUrl));
 */
export function sameOriginWrites(publicUrl?: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const origins = allowedOrigins(c, publicUrl);
    if (origin !== undefined && !origins.includes(origin)) throw CrossSiteError();
    if (fetchSite !== undefined && fetchSite !== 'same-origin') throw CrossSiteError();
    if (isMultipart(c) && origin === undefined) throw CrossSiteError();
    return next();
  };
}

function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

function isJson(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  // Over HTTP/1.1 a body without Content-Length must be chunked; Node hands every DELETE or
  // POST a (possibly empty) stream, so the stream alone says nothing.
  if (c.req.header('transfer-encoding') !== undefined) return true;
  return c.req.raw.body !== null && c.req.raw.headers.get('content-type') !== null;
}

/**
 * A state-changing request with a body must send JSON (or multipart for uploads): 415 otherwise.
 * Form posts and text/plain, the only bodies a cross-site page can send without asking, never reach a handler.
 *
 * @example
 * api.use('*', jsonOnlyWrites());
 */
export function jsonOnlyWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !hasBody(c) || isJson(c) || isMultipart(c)) return next();
    throw UnsupportedMediaError();
  };
}

/**
 * Body limits: JSON (and anything else) 1 MB, a pasted import about 3 MB, multipart uploads 20 MB; 413 beyond, counted
 * on the stream as well, so a chunked body without Content-Length cannot slip past.
 *
 * @example
 * api.use('*', bodyLimits());
 */
export function bodyLimits(limits = { json: JSON_BODY_LIMIT, upload: UPLOAD_BODY_LIMIT, pastedImport: PASTED_IMPORT_BODY_LIMIT }): MiddlewareHandler {
  const onError = () => {
    throw PayloadTooLargeError();
  };
  const json = bodyLimit({ maxSize: limits.json, onError });
  const upload = bodyLimit({ maxSize: limits.upload, onError });
  // Persian takes two bytes a letter: 1 MB would refuse a paste of half the characters the import takes.
  const pasted = bodyLimit({ maxSize: limits.pastedImport, onError });
  return async (c, next) => {
    if (isMultipart(c)) return upload(c, next);
    return c.req.method === 'POST' && c.req.path === '/api/imports' ? pasted(c, next) : json(c, next);
  };
}

/** `\u0000` in JSON text, not preceded by an escaped backslash (`\\u0000` is the six characters as typed). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * U+0000 is dropped from JSON bodies: libSQL stores it but reads the text back cut at it, so a
 * stray NUL in a pasted text or a note lost everything after it. The body is read here (within
 * its limit) and the handler's validator parses the cleaned text.
 *
 * @example
 * api.use('*', dropNulCharacters());
 */
export function dropNulCharacters(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !isJson(c) || !hasBody(c)) return next();
    const text = await c.req.text();
    if (text.includes('\\u0000')) {
      // The body was read above: the handler reads the cleaned copy instead.
      c.req.raw = new Request(c.req.raw, { body: text.replace(NUL_ESCAPE, '$1') });
      c.req.bodyCache = {};
    }
    return next();
  };
}

/**
 * Hono's `csrf()` refuses form and text posts from another site with a bare HTTPException (which
 * the API answered as the generic `http_error`); the refusal gets our stable code and message.
 */
function honoCsrf(publicUrl?: string): MiddlewareHandler {
  const check = csrf({ origin: (origin, c) => allowedOrigins(c, publicUrl).includes(origin) });
  return async (c, next) => {
    let passed = false;
    try {
      await check(c, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      // Only the check's own refusal: an error from later handlers passes through unchanged.
      if (!passed && error instanceof HTTPException && error.status === 403) throw CrossSiteError();
      throw error;
    }
  };
}

/**
 * All request guards for /api, in order: CSRF (Hono's `csrf()` plus our stricter same-origin
 * check), JSON-only bodies, body limits, NUL characters out of JSON text.
 *
 * @example
 * api.use('*', apiRequestGuards(deps.publicUrl));
 */
export function apiRequestGuards(publicUrl?: string): MiddlewareHandler {
  return every(
    honoCsrf(publicUrl),
    sameOriginWrites(publicUrl),
    jsonOnlyWrites(),
    bodyLimits(),
    dropNulCharacters(),
  );
}
