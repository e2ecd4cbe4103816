/** @module GET /api/sessions/{slug}/source: the document a published session was imported from, for anyone who may read it. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';
import type { DocumentImports } from './document-imports';

const getPublishedSourceRoute = createRoute({
  method: 'get',
  path: '/{slug}/source',
  tags: ['sessions'],
  summary: 'Download the PDF, Word file or scan a published session was imported from (404 for drafts and sessions without one)',
  request: { params: z.object({ slug: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'The file as it was uploaded, as an attachment', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

const SourceInfoSchema = z
  .object({
    document: z
      .object({ fileName: z.string(), mimeType: z.string(), size: z.number().int(), download: z.string() })
      .nullable()
      .openapi({ description: 'null: the session was not imported from a document' }),
  })
  .openapi('SessionSourceInfo');

const getPublishedSourceInfoRoute = createRoute({
  method: 'get',
  path: '/{slug}/document',
  tags: ['sessions'],
  summary: 'Whether a published session has a source document, and where to download it',
  request: { params: z.object({ slug: z.string().min(1).max(200) }) },
  responses: { 200: jsonContent(SourceInfoSchema, 'The source document, or null'), 401: errorResponses[401], 404: errorResponses[404] },
});

export function sessionSourceRoutes(documents: DocumentImports) {
  return newRouter()
    .openapi(getPublishedSourceInfoRoute, async (c) => {
      const { slug } = c.req.valid('param');
      return c.json({ document: await documents.publishedInfo(slug) }, 200);
    })
    .openapi(getPublishedSourceRoute, async (c) => {
    const file = await documents.file(c.req.valid('param').slug, { publishedOnly: true });
    c.header('Content-Type', file.mimeType);
    c.header('Content-Disposition', file.disposition);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.content), 200) as never;
    });
}
