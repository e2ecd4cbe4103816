/** @module A sub-app factory: zod validation failures become our 400 error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { AppError, ERROR_CODES, errorBody, type ErrorCode } from '../errors';

/** The API code a schema's own check names on its issue (`params.code`), e.g. a date out of bounds. */
function issueCode(issue: unknown): ErrorCode | undefined {
  if (typeof issue !== 'object' || issue === null || !('params' in issue)) return undefined;
  const params = issue.params;
  if (typeof params !== 'object' || params === null || !('code' in params)) return undefined;
  return ERROR_CODES.find((code) => code === params.code);
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The error for a failed validation: 400 `invalid_request` listing the issues, or, when a field's
 * own check names its code (a date out of bounds), 422 with that code and its Persian message.
 *
 * @example
 * if (!parsed.success) throw validationError(parsed.error.issues);
 */
export function validationError(issues: readonly IssueLike[]): AppError {
  for (const issue of issues) {
    const code = issueCode(issue);
    if (code) return new AppError(422, code, issue.message, { path: issue.path.map(String).join('.') });
  }
  const listed = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new AppError(400, 'invalid_request', 'درخواست نامعتبر است.', listed);
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
        const error = validationError(result.error.issues);
        return c.json(errorBody(error.code, error.message, error.details), error.status);
      }
      return undefined;
    },
  });
}
