/** @module zod schemas shared by several routes (and so by the OpenAPI description). */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'نشست پیدا نشد.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/**
 * A JSON response of a route, for `responses` in `createRoute`.
 *
 * @example
 * responses: { 200: jsonContent(SessionSchema, 'The session') }
 */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * An error response in our error shape, described for the route's readers.
 *
 * @example
 * responses: { 409: errorContent('Stale version: details.current holds the action as it is now') }
 */
export function errorContent(description: string) {
  return jsonContent(ErrorSchema, description);
}

export const errorResponses = {
  400: errorContent('Invalid request'),
  401: errorContent('Not signed in'),
  403: errorContent('Forbidden for this role or unit'),
  404: errorContent('Not found'),
} as const;

/**
 * A required JSON request body, for `request` in `createRoute`.
 *
 * @example
 * request: { body: jsonBody(LoginBodySchema) }
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true as const, content: { 'application/json': { schema } } };
}

export const PaginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ example: 0 }),
});
