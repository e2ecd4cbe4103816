/** @module Who is asking: the session cookie becomes `c.get('user')`; anonymous API requests stop at 401. */
import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../errors';
import type { AppEnv } from '../http/app-env';
import type { AuthService } from './auth.service';
import { isPublicApiRoute } from './public-routes';
import { clearSessionCookie, readSessionCookie, type CookieSettings } from './session-cookie';

/** Methods that change nothing: they may use a session row read a moment ago. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sets `user` (or null) from the session cookie; clears a cookie that no longer works.
 * Reads may reuse a recently read session row; a write reads it afresh and, once done, empties
 * the cache, since it may have ended sessions (sign-out, password change, a user disabled).
 *
 * @example
 * app.use('*', sessionUser(auth, cookie));
 */
export function sessionUser(auth: AuthService, cookie: CookieSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    const write = !READS.has(c.req.method);
    const token = readSessionCookie(c, cookie);
    if (token) {
      const resolved = await auth.resolve(token, { fresh: write });
      if (resolved) c.set('user', resolved.user);
      else clearSessionCookie(c, cookie);
    }
    try {
      await next();
    } finally {
      if (write) auth.forgetCachedSessions();
    }
  };
}

/**
 * Closed by default: any /api route not in PUBLIC_API_ROUTES needs a signed-in user.
 *
 * @example
 * app.use('/api/*', requireSignedInByDefault());
 */
export function requireSignedInByDefault(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('user') && !isPublicApiRoute(c.req.method, c.req.path)) throw UnauthorizedError();
    await next();
  };
}
