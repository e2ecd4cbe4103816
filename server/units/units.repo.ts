/** @module The only database code of units and groups: the catalogue, lookups by code, and a group's members. */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { unitGroupMembers, units } from '../db/schema';

export type UnitRow = typeof units.$inferSelect;

export function createUnitsRepo(db: Db) {
  return {
    /** Every unit, by name (code-point order: the service sorts for people). */
    async all(): Promise<UnitRow[]> {
      return db.select().from(units).orderBy(asc(units.name));
    },

    /** How many members each group has. */
    async memberCounts(): Promise<Map<string, number>> {
      const members = await db.select({ groupCode: unitGroupMembers.groupCode }).from(unitGroupMembers);
      const memberCount = new Map<string, number>();
      for (const m of members) memberCount.set(m.groupCode, (memberCount.get(m.groupCode) ?? 0) + 1);
      return memberCount;
    },

    /** The units with these codes (every unit without `codes`), by code. */
    async units(codes?: string[]): Promise<Map<string, UnitRow>> {
      const rows = codes ? (codes.length ? await db.select().from(units).where(inArray(units.code, codes)) : []) : await db.select().from(units);
      return new Map(rows.map((u) => [u.code, u]));
    },

    /** Units a code stands for: a group's members, or the unit itself. */
    async expandUnits(codes: string[]): Promise<{ found: string[]; missing: string[] }> {
      const known = await this.units(codes);
      const missing = codes.filter((c) => !known.has(c));
      const groups = [...known.values()].filter((u) => u.kind === 'group').map((u) => u.code);
      const members = groups.length
        ? await db
            .select({ code: unitGroupMembers.memberCode })
            .from(unitGroupMembers)
            .where(inArray(unitGroupMembers.groupCode, groups))
            .orderBy(asc(unitGroupMembers.memberCode))
        : [];
      const direct = [...known.values()].filter((u) => u.kind !== 'group').map((u) => u.code);
      return { found: [...new Set([...direct, ...members.map((m) => m.code)])], missing };
    },
  };
}

export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
