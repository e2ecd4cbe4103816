/**
 * @module The only API routes reachable without signing in. Everything else under /api
 * answers 401 to an anonymous request, whether or not its handler remembers to check.
 */

export interface PublicRoute {
  method: string;
  /** Path under /api, exact. */
  path: string;
  why: string;
}

export const PUBLIC_API_ROUTES: readonly PublicRoute[] = [
  { method: 'GET', path: '/api/health', why: 'load balancers and monitoring' },
  { method: 'POST', path: '/api/auth/login', why: 'signing in' },
  { method: 'GET', path: '/api/openapi.json', why: 'the API description: schemas only, no data' },
];

/** Public routes whose path carries its own credential, checked by their handler. */
export const PUBLIC_API_PATTERNS: readonly { method: string; pattern: RegExp; why: string }[] = [
  {
    method: 'GET',
    pattern: /^\/api\/calendar\/[A-Za-z0-9_-]{20,100}\.ics$/,
    why: 'personal ICS feed: calendar apps send no cookie; the secret, revocable token in the URL is the credential',
  },
];

/**
 * May this request go through without a session?
 *
 * @example
 * isPublicApiRoute('GET', '/api/health'); // true
 */
export function isPublicApiRoute(method: string, path: string): boolean {
  const normalisedPath = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return (
    PUBLIC_API_ROUTES.some((r) => r.method === m && r.path === normalisedPath) ||
    PUBLIC_API_PATTERNS.some((r) => r.method === m && r.pattern.test(normalisedPath))
  );
}
