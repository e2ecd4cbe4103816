/** @module `GET /api/units`: the organisation's units and groups (for assignment forms and filters), read-only. */
import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { requireUser } from '../auth/guards';
import type { Db } from '../db/client';
import { unitGroupMembers, unitKinds, units } from '../db/schema';
import { newRouter } from '../http/router';
import { errorResponses, jsonContent } from '../http/schemas';

export const UnitSchema = z
  .object({
    code: z.string().openapi({ example: 'prov-east-azarbaijan' }),
    name: z.string(),
    kind: z.enum(unitKinds),
    memberCount: z.number().int().openapi({ description: 'for a group: how many units it fans out to; else 0' }),
  })
  .openapi('Unit');

export const UnitListSchema = z.object({ items: z.array(UnitSchema) }).openapi('UnitList');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['units'],
  summary: 'Every unit and group, headquarters first, then provinces, outside bodies and groups (any signed-in user)',
  responses: { 200: jsonContent(UnitListSchema, 'Units'), 401: errorResponses[401] },
});

const KIND_ORDER: Record<(typeof unitKinds)[number], number> = { headquarters: 0, province: 1, external: 2, group: 3 };

/**
 * @example
 * api.route('/units', unitsRoutes(db)); // GET /api/units → { items: [{ code, name, kind, memberCount }] }
 */
export function unitsRoutes(db: Db) {
  return newRouter().openapi(listRoute, async (c) => {
    requireUser(c);
    const [rows, members] = await Promise.all([
      db.select().from(units).orderBy(asc(units.name)),
      db.select({ groupCode: unitGroupMembers.groupCode }).from(unitGroupMembers),
    ]);
    const memberCount = new Map<string, number>();
    for (const m of members) memberCount.set(m.groupCode, (memberCount.get(m.groupCode) ?? 0) + 1);
    const items = rows
      .map((u) => ({ code: u.code, name: u.name, kind: u.kind, memberCount: memberCount.get(u.code) ?? 0 }))
      // Persian collation for names within a kind (SQLite's order is by code point).
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'fa'));
    return c.json({ items }, 200);
  });
}
