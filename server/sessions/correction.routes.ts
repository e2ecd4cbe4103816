/** @module HTTP routes for correcting, withdrawing and restoring a published session (managers and admins only). */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireUser } from '../auth/guards';
import { AppError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import {
  SessionCorrectionResultSchema,
  SessionCorrectionSchema,
  SessionRestoreResultSchema,
  SessionRestoreSchema,
  SessionWithdrawalResultSchema,
  SessionWithdrawalSchema,
} from './correction.schemas';
import type { SessionCorrections } from './correction.service';

/** 401 for no one, 403 `manager_only` for directors and staff, before the body is read. */
const managersOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = requireUser(c);
  if (user.role !== 'manager' && user.role !== 'admin') {
    throw new AppError(403, 'manager_only', 'ویرایش، پس‌گرفتن یا بازگرداندن نشست فقط از کارشناسان ستاد برمی‌آید.');
  }
  await next();
};

const SlugParam = z.object({ slug: z.string().min(1).max(200) });

const errors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorContent('Not a manager or admin (manager_only)'),
  404: errorResponses[404],
  409: errorContent('Stale version (version_conflict, details.version), the session is withdrawn (session_withdrawn) or, to restore, is not (session_not_withdrawn)'),
  422: errorContent(
    'Bad input: correction_empty, correction_touches_directive (details.directiveId), paragraph_unknown, paragraph_empty, paragraph_break, title_required, invalid_date, invalid_media_url, unknown_unit, reason_required',
  ),
} as const;

const correctRoute = createRoute({
  method: 'patch',
  path: '/{slug}',
  tags: ['sessions'],
  middleware: [managersOnly] as const,
  summary: "Correct a published session's facts or fix its text (directive quotes stay verbatim; audited; search follows)",
  request: { params: SlugParam, body: jsonBody(SessionCorrectionSchema) },
  responses: { 200: jsonContent(SessionCorrectionResultSchema, 'Corrected'), ...errors },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/{slug}/withdraw',
  tags: ['sessions'],
  middleware: [managersOnly] as const,
  summary: 'Withdraw a published session with a reason: hidden from lists, search and the register; its open actions are cancelled',
  request: { params: SlugParam, body: jsonBody(SessionWithdrawalSchema) },
  responses: { 200: jsonContent(SessionWithdrawalResultSchema, 'Withdrawn'), ...errors },
});

const restoreRoute = createRoute({
  method: 'post',
  path: '/{slug}/restore',
  tags: ['sessions'],
  middleware: [managersOnly] as const,
  summary: 'Restore a withdrawn session with a reason: back in lists, search and the register; the actions its withdrawal cancelled stay cancelled',
  request: { params: SlugParam, body: jsonBody(SessionRestoreSchema) },
  responses: { 200: jsonContent(SessionRestoreResultSchema, 'Restored'), ...errors },
});

export function correctionRoutes(service: SessionCorrections) {
  return newRouter()
    .openapi(correctRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.correct(c.req.valid('param').slug, user, c.req.valid('json')), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.withdraw(c.req.valid('param').slug, user, c.req.valid('json')), 200);
    })
    .openapi(restoreRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.restore(c.req.valid('param').slug, user, c.req.valid('json')), 200);
    });
}
