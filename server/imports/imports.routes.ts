/** @module HTTP routes under /api/imports: import a source as a draft, review its directives, publish (managers and admins). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { allowRoles, requireRole } from '../auth/guards';
import { sessionKinds, type SessionKind } from '../db/schema';
import { AppError, BadRequestError, NotFoundError, UnprocessableError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import { decodeText } from '../ingest/decode';
import { documentFormatOf, importFormatOf, pastedFileName } from '../ingest/formats';
import { IngestError } from '../ingest/ingest-error';
import type { DocumentImports } from './document-imports';
import type { ImportJob } from './import-jobs';
import {
  DraftListSchema,
  ImportDraftSchema,
  ImportFormSchema,
  ImportJobSchema,
  ImportJsonSchema,
  PublishRequestSchema,
  PublishResultSchema,
  SuggestionAddSchema,
  SuggestionPatchSchema,
  SuggestionSchema,
  type ImportJobView,
} from './imports.schemas';
import { IMPORT_FILE_LIMIT, type ImportRequest, type ImportsService } from './imports.service';

const managers = allowRoles('manager', 'admin');
const SlugParam = z.object({ slug: z.string().min(1).max(200) });
const DirectiveParam = SlugParam.extend({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const errors = {
  409: errorContent('The draft is already published (details.link), or the span is already marked'),
  413: errorContent('A file over 2 MB'),
  422: errorContent('Bad input (code says which): empty_file, binary_file, unknown_encoding, unsupported_file, broken_cue, invalid_date, invalid_span, unknown_unit, unreviewed_directives …'),
} as const;
const common = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] } as const;

const createImportRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['imports'],
  middleware: managers,
  summary: 'Import pasted text (JSON) or a .txt/.md/.vtt/.srt file (multipart) as a draft with suggested directives; a .pdf/.docx/.png/.jpg starts a job (202)',
  description:
    'The same source, title and date again returns the existing draft (200). A document (PDF, Word, scan) is read off the request loop: the answer is 202 with a job to poll at /api/imports/jobs/{id}.',
  request: {
    body: {
      // Not "required": each content type is validated only when it is the one sent.
      required: false,
      content: { 'application/json': { schema: ImportJsonSchema }, 'multipart/form-data': { schema: ImportFormSchema } },
    },
  },
  responses: {
    201: jsonContent(ImportDraftSchema, 'The new draft'),
    200: jsonContent(ImportDraftSchema, 'This source was already imported: its draft'),
    202: jsonContent(ImportJobSchema, 'A document is being read: poll the job'),
    ...common,
    409: errors[409],
    413: errors[413],
    422: errors[422],
  },
});

const JobParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

const getJobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['imports'],
  middleware: managers,
  summary: "A document import's progress (stage, page k of n), then its draft's slug or a Persian error",
  request: { params: JobParam },
  responses: { 200: jsonContent(ImportJobSchema, 'The job'), ...common, 404: errorResponses[404] },
});

const getSourceRoute = createRoute({
  method: 'get',
  path: '/{slug}/source',
  tags: ['imports'],
  middleware: managers,
  summary: 'Download the document (PDF, Word, scan) a session was imported from, as an attachment',
  request: { params: SlugParam },
  responses: {
    200: { description: 'The file as it was uploaded', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...common,
    404: errorResponses[404],
  },
});

const listDraftsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['imports'],
  middleware: managers,
  summary: 'Drafts under review, newest first (managers and admins)',
  responses: { 200: jsonContent(DraftListSchema, 'Drafts'), 401: errorResponses[401], 403: errorResponses[403] },
});

const getImportRoute = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['imports'],
  middleware: managers,
  summary: 'A draft with its repairs and suggested directives',
  request: { params: SlugParam },
  responses: { 200: jsonContent(ImportDraftSchema, 'The draft'), ...common, 404: errorResponses[404] },
});

const patchDirectiveRoute = createRoute({
  method: 'patch',
  path: '/{slug}/directives/{id}',
  tags: ['imports'],
  middleware: managers,
  summary: 'Edit a suggestion (assignee, recipient, due in ISO or Jalali, kind, refs, span) and confirm or reject it',
  request: { params: DirectiveParam, body: jsonBody(SuggestionPatchSchema) },
  responses: { 200: jsonContent(SuggestionSchema, 'The suggestion now'), ...common, 404: errorResponses[404], 409: errors[409], 422: errors[422] },
});

const addDirectiveRoute = createRoute({
  method: 'post',
  path: '/{slug}/directives',
  tags: ['imports'],
  middleware: managers,
  summary: 'Mark a directive the extractor missed (a span of the text); it is confirmed as added',
  request: { params: SlugParam, body: jsonBody(SuggestionAddSchema) },
  responses: { 201: jsonContent(SuggestionSchema, 'The added directive'), ...common, 404: errorResponses[404], 409: errors[409], 422: errors[422] },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/{slug}/publish',
  tags: ['imports'],
  middleware: managers,
  summary: 'Publish the draft: confirmed directives published, rejected stay rejected; unreviewed ones refuse (422) unless rejectUnreviewed',
  request: { params: SlugParam, body: { required: false, content: { 'application/json': { schema: PublishRequestSchema } } } },
  responses: { 200: jsonContent(PublishResultSchema, 'Published'), ...common, 404: errorResponses[404], 409: errors[409], 422: errors[422] },
});

function isMultipart(c: Context<AppEnv>): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

const TooLarge = () => new AppError(413, 'payload_too_large', 'پرونده بزرگ‌تر از ۲ مگابایت است؛ متن را در چند بخش درون‌ریزی کنید.');

function optionalKind(value: string | undefined): SessionKind | undefined {
  if (value === undefined || value === '') return undefined;
  const kind = sessionKinds.find((k) => k === value);
  if (!kind) throw UnprocessableError('invalid_kind', 'نوع نشست ناشناخته است.');
  return kind;
}

type Upload = { kind: 'text'; request: ImportRequest } | { kind: 'document'; bytes: Buffer; fileName: string; fields: Omit<ImportRequest, 'text' | 'format' | 'fileName'> };

/** The import request of a multipart upload: the file decoded (binary refused, Windows-1256 converted), or a document's bytes. */
async function uploadRequest(c: Context<AppEnv>, documents: boolean): Promise<Upload> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw UnprocessableError('invalid_upload', 'بارگذاری خوانا نبود؛ پرونده را دوباره بفرستید.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw UnprocessableError('file_missing', 'پرونده‌ای فرستاده نشد (فیلد «file»).');
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const fields = {
    title: field('title'),
    heldOn: field('heldOn'),
    kind: optionalKind(field('kind')),
    series: field('series'),
    mediaUrl: field('mediaUrl'),
  };
  if (documents && documentFormatOf(file.name)) {
    return { kind: 'document', bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name, fields };
  }
  const format = importFormatOf(file.name);
  if (!format) {
    throw UnprocessableError('unsupported_file', 'فقط پرونده‌های ‎.txt، ‎.md، ‎.vtt، ‎.srt، PDF، Word (‎.docx) و تصویر (‎.png، ‎.jpg) درون‌ریزی می‌شوند.');
  }
  if (file.size > IMPORT_FILE_LIMIT) throw TooLarge();
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw UnprocessableError('empty_file', 'پرونده خالی است.');
  let text: string;
  try {
    text = decodeText(bytes, file.name);
  } catch (error) {
    if (error instanceof IngestError) throw UnprocessableError(error.code, error.message);
    throw error;
  }
  return { kind: 'text', request: { text, format, fileName: file.name, ...fields } };
}

function presentJob(job: ImportJob): ImportJobView {
  const { ownerId: _owner, ...view } = job;
  return view;
}

export function importsRoutes(service: ImportsService, documents?: DocumentImports) {
  return newRouter()
    .openapi(createImportRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      let request: ImportRequest;
      if (isMultipart(c)) {
        const upload = await uploadRequest(c, documents !== undefined);
        if (upload.kind === 'document' && documents) {
          const job = documents.start({ bytes: upload.bytes, fileName: upload.fileName, fields: upload.fields }, user);
          c.header('Location', `/api/imports/jobs/${job.id}`);
          return c.json(presentJob(job), 202);
        }
        if (upload.kind !== 'text') throw UnprocessableError('unsupported_file', 'درون‌ریزی پرونده‌های PDF و Word در این کارساز فعال نیست.');
        request = upload.request;
      } else {
        const parsed = ImportJsonSchema.safeParse(await c.req.json().catch(() => undefined));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          throw BadRequestError('invalid_request', 'درخواست نامعتبر است: متن نشست («text») لازم است.', issues);
        }
        const body = parsed.data;
        const format = body.format ?? 'text';
        request = { ...body, format, fileName: pastedFileName(format) };
      }
      const { draft, created } = await service.create(request, user);
      return created ? c.json(draft, 201) : c.json(draft, 200);
    })
    .openapi(getJobRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      if (!documents) throw NotFoundError('کار درون‌ریزی');
      return c.json(presentJob(documents.job(c.req.valid('param').id, user)), 200);
    })
    .openapi(getSourceRoute, async (c) => {
      if (!documents) throw NotFoundError('پروندهٔ منبع');
      const file = await documents.file(c.req.valid('param').slug);
      c.header('Content-Type', file.mimeType);
      c.header('Content-Disposition', file.disposition);
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(new Uint8Array(file.content), 200) as never;
    })
    .openapi(listDraftsRoute, async (c) => {
      requireRole(c, 'manager', 'admin');
      return c.json(await service.drafts(), 200);
    })
    .openapi(getImportRoute, async (c) => {
      const { slug } = c.req.valid('param');
      return c.json(await service.get(slug), 200);
    })
    .openapi(patchDirectiveRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { slug, id } = c.req.valid('param');
      return c.json(await service.updateDirective(slug, id, c.req.valid('json'), user), 200);
    })
    .openapi(addDirectiveRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { slug } = c.req.valid('param');
      return c.json(await service.addDirective(slug, c.req.valid('json'), user), 201);
    })
    .openapi(publishRoute, async (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { slug } = c.req.valid('param');
      const body = await c.req.json().catch(() => ({}));
      const parsed = PublishRequestSchema.safeParse(body ?? {});
      return c.json(await service.publish(slug, { rejectUnreviewed: parsed.success ? parsed.data.rejectUnreviewed : false }, user), 200);
    });
}
