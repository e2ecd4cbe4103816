/** @module A sub-app factory: zod validation failures become our 400 error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { ERROR_CODES, errorBody, type ErrorCode } from '../errors';

/** The API code a schema's own check names on its issue (`params.code`), e.g. a date out of bounds. */
function issueCode(issue: unknown): ErrorCode | undefined {
  if (typeof issue !== 'object' || issue === null || !('params' in issue)) return undefined;
  const params = issue.params;
  if (typeof params !== 'object' || params === null || !('code' in params)) return undefined;
  return ERROR_CODES.find((code) => code === params.code);
}

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
        // A field check that names its own code (a date out of bounds) answers with it and its Persian message.
        const named = result.error.issues.find((i) => issueCode(i) !== undefined);
        const code = named ? issueCode(named) : undefined;
        if (named && code) return c.json(errorBody(code, named.message, { path: named.path.join('.') }), 422);
        return c.json(errorBody('invalid_request', 'درخواست نامعتبر است.', issues), 400);
      }
      return undefined;
    },
  });
}
