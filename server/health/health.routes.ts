/** @module GET /api/health: is the process up and the database reachable. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Database } from '../db/client';
import { newRouter } from '../http/router';
import { jsonContent } from '../http/schemas';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Liveness and database reachability',
  responses: { 200: jsonContent(HealthSchema, 'Healthy') },
});

export function healthRoutes(database: Database) {
  return newRouter().openapi(healthRoute, async (c) => {
    await database.client.execute('SELECT 1');
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
