/** @module HTTP routes for action items: lists, detail, follow-ups with evidence, status steps, re-assigning. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireRole, requireUser } from '../auth/guards';
import { isManager } from './status-rules';
import { AppError, UnprocessableError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { newRouter, validationError } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import {
  ActionDetailSchema,
  ActionListQuery,
  ActionListSchema,
  ActionPatchBody,
  CarryOverSchema,
  CommentBody,
  FollowUpFields,
  TransitionBody,
  type FollowUpInput,
} from './actions.schemas';
import { actionFilterOf, parseStatuses } from './action-list-filter';
import type { ActionsService } from './actions.service';
import { checkEvidenceFile, MAX_EVIDENCE_FILES, type CheckedEvidence } from './evidence-files';

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const errors = {
  409: errorContent('Stale version: details.current holds the action as it is now'),
  413: errorContent('A file over 20 MB'),
  422: errorContent('Refused by the rules (code says which)'),
} as const;

const FileField = z.custom<File>((v) => v instanceof File).openapi({ type: 'string', format: 'binary' });
const FollowUpForm = FollowUpFields.extend({
  files: z.union([FileField, z.array(FileField)]).optional().openapi({ description: 'evidence: PDF, images, office documents; ≤ 20 MB each' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['actions'],
  summary: 'Actions, overdue first then by due date (any signed-in user; filters)',
  request: { query: ActionListQuery },
  responses: { 200: jsonContent(ActionListSchema, 'Actions'), 400: errorResponses[400], 401: errorResponses[401] },
});

const mineRoute = createRoute({
  method: 'get',
  path: '/mine',
  tags: ['actions'],
  summary: "My unit's actions (directors): overdue first, then by due date; cancelled left out unless asked",
  request: { query: z.object({ status: ActionListQuery.shape.status }) },
  responses: { 200: jsonContent(ActionListSchema, 'Actions of my unit'), 401: errorResponses[401] },
});

const queueRoute = createRoute({
  method: 'get',
  path: '/verification-queue',
  tags: ['actions'],
  summary: 'Actions awaiting verification, oldest request first (managers)',
  responses: { 200: jsonContent(ActionListSchema, 'The queue'), 401: errorResponses[401], 403: errorResponses[403] },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['actions'],
  summary: 'One action: directive quote and link, timeline, evidence, audit trail, what I may do',
  request: { params: IdParam },
  responses: { 200: jsonContent(ActionDetailSchema, 'The action'), 401: errorResponses[401], 404: errorResponses[404] },
});

const followUpRoute = createRoute({
  method: 'post',
  path: '/{id}/follow-ups',
  tags: ['actions'],
  summary: 'Post a progress update (JSON, or multipart with files); director of the unit or a manager',
  description:
    'A note, letter or files alone are appended without `version` (never a 409). With `progress` or `requestVerification`, send the `version` you read: a stale one gets 409. Optional header `Idempotency-Key`: a retried post with the same key is stored once (answer 200 instead of 201). ' +
    '`requestVerification: true` asks for verification in the same step (needs evidence on record or in this update).',
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    body: {
      // Not "required": each content type is validated only when it is the one sent.
      required: false,
      content: { 'application/json': { schema: FollowUpFields }, 'multipart/form-data': { schema: FollowUpForm } },
    },
  },
  responses: {
    201: jsonContent(ActionDetailSchema, 'Stored; the action as it is now'),
    200: jsonContent(ActionDetailSchema, 'Already stored under this Idempotency-Key'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    ...errors,
  },
});

const commentRoute = createRoute({
  method: 'post',
  path: '/{id}/comments',
  tags: ['actions'],
  summary: "A comment or a reply in the action's discussion (the unit's director or a manager); no version needed",
  description: 'Optional header `Idempotency-Key`: a retried post with the same key is stored once (200 instead of 201).',
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    body: jsonBody(CommentBody),
  },
  responses: {
    201: jsonContent(ActionDetailSchema, 'Stored; the action with its timeline'),
    200: jsonContent(ActionDetailSchema, 'Already stored under this Idempotency-Key'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    422: errors[422],
  },
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/{id}/transitions',
  tags: ['actions'],
  summary: 'Change status: start, request_verification, verify, return, block, resume, cancel, reopen',
  description: 'verify, return, cancel and reopen are for managers; return, block, cancel and reopen need a reason; request_verification and verify need evidence.',
  request: { params: IdParam, body: jsonBody(TransitionBody) },
  responses: {
    200: jsonContent(ActionDetailSchema, 'The action after the step'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errors[409],
    422: errors[422],
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['actions'],
  summary: 'Re-assign (unit), re-date (dueOn, ISO or Jalali), priority, recipient: managers; audited',
  request: { params: IdParam, body: jsonBody(ActionPatchBody) },
  responses: {
    200: jsonContent(ActionDetailSchema, 'The action after the change'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errors[409],
    422: errors[422],
  },
});

/** Files of a multipart follow-up, each checked by content (422/413). */
async function evidenceOf(c: Context<AppEnv>): Promise<{ fields: FollowUpInput; files: CheckedEvidence[] }> {
  const form = await c.req.formData();
  const uploads = [...form.getAll('files'), ...form.getAll('files[]'), ...form.getAll('file')].filter((v): v is File => v instanceof File);
  if (uploads.length > MAX_EVIDENCE_FILES) throw UnprocessableError('too_many_files', `حداکثر ${MAX_EVIDENCE_FILES.toLocaleString('fa-IR')} فایل در هر گزارش.`);
  const text = (name: string) => {
    const v = form.get(name);
    // libSQL reads text back cut at a NUL (JSON bodies lose theirs in the request guards).
    return typeof v === 'string' && v !== '' ? v.replaceAll('\u0000', '') : undefined;
  };
  const fields = validFollowUp({
    version: text('version'),
    note: text('note'),
    progress: text('progress'),
    letterNumber: text('letterNumber'),
    letterDate: text('letterDate'),
    requestVerification: text('requestVerification'),
  });
  const files: CheckedEvidence[] = [];
  for (const upload of uploads) files.push(await checkEvidenceFile(upload.name, Buffer.from(await upload.arrayBuffer())));
  return { fields, files };
}

/** Validate follow-up fields here too: the route accepts two content types, neither required alone. */
function validFollowUp(value: unknown): FollowUpInput {
  const parsed = FollowUpFields.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error.issues);
}

function isMultipart(c: Context<AppEnv>): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

export function actionsRoutes(service: ActionsService) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      // A withdrawn session's actions are listed for managers and admins only (its unit sees them in «mine»).
      const filter = { ...actionFilterOf(q, service.today()), ...(isManager(user.role) ? {} : { publishedOnly: true }) };
      return c.json(await service.list(filter, q.limit, q.offset), 200);
    })
    .openapi(mineRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.mine(user, parseStatuses(c.req.valid('query').status)), 200);
    })
    .openapi(queueRoute, async (c) => {
      requireRole(c, 'manager', 'admin');
      return c.json(await service.verificationQueue(), 200);
    })
    .openapi(detailRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.detail(c.req.valid('param').id, user), 200);
    })
    .openapi(followUpRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const key = c.req.valid('header')['idempotency-key'];
      const { fields, files } = isMultipart(c)
        ? await evidenceOf(c)
        : { fields: validFollowUp(await c.req.json().catch(() => ({}))), files: [] };
      const result = await service.postFollowUp(id, user, fields, files, key);
      if (result.replayed) c.header('Idempotency-Replayed', 'true');
      return result.replayed ? c.json(result.detail, 200) : c.json(result.detail, 201);
    })
    .openapi(commentRoute, async (c) => {
      const user = requireUser(c);
      const result = await service.postComment(c.req.valid('param').id, user, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      if (result.replayed) c.header('Idempotency-Replayed', 'true');
      return result.replayed ? c.json(result.detail, 200) : c.json(result.detail, 201);
    })
    .openapi(transitionRoute, async (c) => {
      const user = requireUser(c);
      return c.json(await service.transition(c.req.valid('param').id, user, c.req.valid('json')), 200);
    })
    .openapi(patchRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      return c.json(await service.patch(c.req.valid('param').id, user, c.req.valid('json')), 200);
    });
}

const evidenceRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['actions'],
  summary: 'Download an evidence file (always as an attachment)',
  request: { params: IdParam },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

/** `/api/evidence/{id}`: served with Content-Disposition: attachment and nosniff, never inline. */
export function evidenceRoutes(service: ActionsService, disposition: (name: string) => string) {
  return newRouter().openapi(evidenceRoute, async (c) => {
    const file = await service.evidence(c.req.valid('param').id, requireUser(c));
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      'Content-Disposition': disposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=0, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
}

const carryOverRoute = createRoute({
  method: 'get',
  path: '/{slug}/carry-over',
  tags: ['actions'],
  summary: 'Open actions from earlier sessions of this session’s series, grouped by directive',
  request: { params: z.object({ slug: z.string().min(1).max(200).openapi({ param: { name: 'slug', in: 'path' } }) }) },
  responses: { 200: jsonContent(CarryOverSchema, 'Carried-over actions'), 401: errorResponses[401], 404: errorResponses[404] },
});

/** Mounted at /api/sessions beside the sessions module: `GET /api/sessions/{slug}/carry-over`. */
export function carryOverRoutes(service: ActionsService) {
  return newRouter().openapi(carryOverRoute, async (c) => {
    requireUser(c);
    return c.json(await service.carryOver(c.req.valid('param').slug), 200);
  });
}
