/** @module HTTP routes for correcting and withdrawing a published session (managers and admins only). */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireUser } from '../auth/guards';
import { sessionKinds } from '../db/schema';
import { AppError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import type { SessionCorrections } from './correction.service';

/** 401 for no one, 403 `manager_only` for directors and staff, before the body is read. */
const managersOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = requireUser(c);
  if (user.role !== 'manager' && user.role !== 'admin') {
    throw new AppError(403, 'manager_only', 'ویرایش یا پس‌گرفتن نشست منتشرشده فقط از کارشناسان ستاد برمی‌آید.');
  }
  await next();
};

const SlugParam = z.object({ slug: z.string().min(1).max(200) });
const Version = z.number().int().min(1).openapi({ description: 'the session version the manager read (409 when stale)' });

export const SessionCorrectionSchema = z
  .object({
    version: Version,
    title: z.string().max(500).optional(),
    heldOn: z.string().max(40).nullable().optional().openapi({ description: 'ISO or Jalali (Persian digits accepted)', example: '1399-11-01' }),
    kind: z.enum(sessionKinds).optional(),
    series: z.string().max(200).nullable().optional(),
    organiser: z.string().max(100).nullable().optional().openapi({ description: 'unit code' }),
    speakers: z.array(z.string().max(200)).max(100).optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
    mediaUrl: z.string().max(2_000).nullable().optional(),
    notes: z.string().max(20_000).nullable().optional(),
    paragraphs: z
      .array(z.object({ ordinal: z.number().int().min(0), text: z.string().max(200_000) }))
      .max(5_000)
      .optional()
      .openapi({ description: 'new texts of the paragraphs that changed; directive quotes must stay as they are' }),
    reason: z.string().max(1_000).optional(),
  })
  .openapi('SessionCorrection');

export const SessionCorrectionResultSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    changed: z.array(z.string()).openapi({ description: 'facts that changed, and "text" when paragraphs did' }),
    paragraphs: z.number().int(),
    directivesMoved: z.number().int().openapi({ description: 'directives whose offsets moved (their quotes did not change)' }),
  })
  .openapi('SessionCorrectionResult');

export const SessionWithdrawalSchema = z.object({ version: Version, reason: z.string().max(1_000) }).openapi('SessionWithdrawal');

export const SessionWithdrawalResultSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    withdrawnAt: z.string(),
    reason: z.string(),
    cancelledActions: z.array(z.number().int()),
    notCancelled: z.array(z.object({ actionId: z.number().int(), message: z.string() })),
  })
  .openapi('SessionWithdrawalResult');

const errors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorContent('Not a manager or admin (manager_only)'),
  404: errorResponses[404],
  409: errorContent('Stale version (version_conflict, details.version) or the session is withdrawn (session_withdrawn)'),
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

export function correctionRoutes(service: SessionCorrections) {
  return newRouter()
    .openapi(correctRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.correct(c.req.valid('param').slug, user, c.req.valid('json')), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.withdraw(c.req.valid('param').slug, user, c.req.valid('json')), 200);
    });
}
