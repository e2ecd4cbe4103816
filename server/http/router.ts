/** @module A sub-app factory: zod validation failures become our 400 error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { errorBody } from '../errors';

/**
 * A new per-resource router.
 *
 * @example
 * export const sessionsRoutes = (deps: AppDeps) => newRouter().openapi(listRoute, handler);
 */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return c.json(errorBody('invalid_request', 'درخواست نامعتبر است.', issues), 400);
      }
      return undefined;
    },
  });
}
