/** @module Checks every route makes before it reads or writes: who is asking, in which role. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { AppEnv, AuthUser } from '../http/app-env';

/**
 * The signed-in user, or a 401.
 *
 * @example
 * const user = requireUser(c);
 */
export function requireUser(c: Context<AppEnv>): AuthUser {
  const user = c.get('user');
  if (!user) throw UnauthorizedError();
  return user;
}

/**
 * The signed-in user if their role is one of `roles`, else 401/403.
 *
 * @example
 * const manager = requireRole(c, 'manager', 'admin');
 */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): AuthUser {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw ForbiddenError();
  return user;
}

/**
 * Route middleware: 401/403 before the request body is even validated, so a forbidden caller
 * learns nothing from validation errors. Use in `createRoute({ middleware: [allowRoles('admin')] })`.
 *
 * @example
 * const route = createRoute({ method: 'post', path: '/', middleware: [allowRoles('manager', 'admin')] as const, … });
 */
export function allowRoles(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRole(c, ...roles);
    await next();
  };
}
