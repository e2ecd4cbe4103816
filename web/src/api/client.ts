/**
 * @module The one way the web app talks to the API: JSON in and out, errors as ApiError
 * with the server's Persian message, and 401 turned into a visit to the sign-in page.
 */
import type { ApiErrorBody } from './types';

/** An API call that failed: the HTTP status (0 when the server could not be reached) and the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Added to the URL; null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart (file uploads); the browser sets the boundary. */
  form?: FormData;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What happens when the server says the user is not signed in. */
export type UnauthorizedHandler = (error: ApiError) => void;

/** Before the router is up, a plain page load of the sign-in page (with the way back). */
let onUnauthorized: UnauthorizedHandler = () => {
  window.location.assign(loginPath());
};

/**
 * Replace what a 401 does (the app wires this to the router's navigate).
 *
 * @example
 * setUnauthorizedHandler(() => navigate(loginPath(), { replace: true }));
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/**
 * The sign-in page's path, carrying where the user was (`/login?next=%2Fsessions%2Fx`).
 *
 * @example
 * loginPath('/sessions/a#d-b') // '/login?next=%2Fsessions%2Fa%23d-b'
 * loginPath('/actions/3', 'expired') // '/login?next=%2Factions%2F3&reason=expired'
 */
export function loginPath(next: string = currentPath(), reason?: 'expired'): string {
  const params = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/**
 * Call the API at `path` (relative to `/api`) and return its JSON.
 * A 401 from any route but `/auth/…` (where it means "wrong password" or "not signed in yet",
 * for the sign-in page to show) also sends the user to the sign-in page.
 *
 * @example
 * const page = await apiRequest<SessionPage>('/sessions', { query: { limit: 20, offset: 0 } });
 * await apiRequest('/auth/login', { method: 'POST', json: { username, password } });
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'ارتباط با کارساز برقرار نشد. اتصال شبکه را بررسی کنید و دوباره تلاش کنید.');
  }

  if (response.ok) return readJson<T>(response);
  const error = await readError(response);
  if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized(error);
  throw error;
}

/** `/api` + path + query string. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function readJson<T>(response: Response): Promise<T> {
  // The API's shapes are checked on the server by the same zod schemas these types come from;
  // an empty body (204) reads as null.
  const text = await response.text();
  const value: T = JSON.parse(text || 'null');
  return value;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body)) return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic message.
  }
  return new ApiError(response.status, 'http_error', statusMessage(response.status));
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error && typeof error.message === 'string';
}

function statusMessage(status: number): string {
  if (status === 401) return 'برای دیدن این صفحه باید وارد شوید.';
  if (status === 403) return 'اجازه دسترسی به این بخش را ندارید.';
  if (status === 404) return 'پیدا نشد.';
  if (status === 429) return 'درخواست‌ها بیش از اندازه است. کمی بعد دوباره تلاش کنید.';
  if (status >= 500) return 'کارساز با خطا روبه‌رو شد. کمی بعد دوباره تلاش کنید.';
  return 'درخواست پذیرفته نشد.';
}
