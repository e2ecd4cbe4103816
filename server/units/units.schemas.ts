/** @module API shapes of units (validate and document the routes; the web infers its types from them). */
import { z } from '@hono/zod-openapi';
import { unitKinds } from '../db/schema';

export const UnitSchema = z
  .object({
    code: z.string().openapi({ example: 'prov-east-azarbaijan' }),
    name: z.string(),
    kind: z.enum(unitKinds),
    memberCount: z.number().int().openapi({ description: 'for a group: how many units it fans out to; else 0' }),
  })
  .openapi('Unit');

export const UnitListSchema = z.object({ items: z.array(UnitSchema) }).openapi('UnitList');

export type Unit = z.infer<typeof UnitSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
