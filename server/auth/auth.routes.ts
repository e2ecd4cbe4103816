/** @module HTTP routes for signing in and out, who am I, and changing one's own password. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, errorBody } from '../errors';
import { clientAddress, NO_PROXY, type TrustProxy } from '../http/client-address';
import type { AppEnv } from '../http/app-env';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import { requireUser } from './guards';
import { AuthUserSchema, LoginBodySchema, OkSchema, PasswordChangeBodySchema } from './auth.schemas';
import type { AuthService } from './auth.service';
import { clearSessionCookie, readSessionCookie, writeSessionCookie, type CookieSettings } from './session-cookie';

const tooMany = errorContent('Too many failed attempts; see Retry-After');

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in: sets the session cookie and returns the user',
  request: { body: jsonBody(LoginBodySchema) },
  responses: {
    200: jsonContent(AuthUserSchema, 'Signed in'),
    400: errorResponses[400],
    401: errorResponses[401],
    429: tooMany,
    503: errorContent('Too many sign-ins at once; see Retry-After'),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out: ends this session',
  responses: { 200: jsonContent(OkSchema, 'Signed out'), 401: errorResponses[401] },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  responses: { 200: jsonContent(AuthUserSchema, 'The signed-in user'), 401: errorResponses[401] },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change my password; signs out every other session',
  request: { body: jsonBody(PasswordChangeBodySchema) },
  responses: {
    200: jsonContent(OkSchema, 'Changed'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    429: tooMany,
    503: errorContent('Too many sign-ins at once; see Retry-After'),
  },
});

/**
 * The client's address: the socket's peer, or under TRUST_PROXY the client the trusted proxies
 * name in X-Forwarded-For. Tests through app.request() (no socket) share one, 'local'.
 */
export function clientIp(c: Context<AppEnv>, trust: TrustProxy): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    peer = 'local';
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), trust);
}

function tooManyResponse(c: Context<AppEnv>, error: AppError) {
  const retry = error.details && typeof error.details === 'object' && 'retryAfterSeconds' in error.details ? Number(error.details.retryAfterSeconds) : 1;
  c.header('Retry-After', String(Number.isFinite(retry) ? retry : 1));
  return c.json(errorBody(error.code, error.message, error.details), error.status === 503 ? 503 : 429);
}

export function authRoutes(auth: AuthService, cookie: CookieSettings, trust: TrustProxy = NO_PROXY) {
  const maxAgeSeconds = Math.floor(auth.policy.absoluteMs / 1000);
  return newRouter()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      try {
        const { token, user } = await auth.login(username, password, clientIp(c, trust));
        writeSessionCookie(c, cookie, token, maxAgeSeconds);
        return c.json(user, 200);
      } catch (error) {
        if (error instanceof AppError && (error.status === 429 || error.status === 503)) return tooManyResponse(c, error);
        throw error;
      }
    })
    .openapi(logoutRoute, async (c) => {
      const user = requireUser(c);
      const token = readSessionCookie(c, cookie);
      if (token) await auth.logout(token, user.id);
      clearSessionCookie(c, cookie);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(meRoute, (c) => c.json(requireUser(c), 200))
    .openapi(passwordRoute, async (c) => {
      const user = requireUser(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      try {
        const token = await auth.changePassword(user.id, currentPassword, newPassword, clientIp(c, trust));
        writeSessionCookie(c, cookie, token, maxAgeSeconds);
        return c.json({ ok: true as const }, 200);
      } catch (error) {
        if (error instanceof AppError && (error.status === 429 || error.status === 503)) return tooManyResponse(c, error);
        throw error;
      }
    });
}
