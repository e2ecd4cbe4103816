/** @module Units and groups for the people who pick them: the catalogue in the order a form shows it, and units by code. */
import type { UnitKind } from '../domain';
import { presentUnit } from './units.presenter';
import type { UnitRow, UnitsRepo } from './units.repo';
import type { UnitList } from './units.schemas';

const KIND_ORDER: Record<UnitKind, number> = { headquarters: 0, province: 1, external: 2, group: 3 };

/**
 * @example
 * const units = createUnitsService(createUnitsRepo(db));
 * (await units.list()).items[0] // { code: 'hq', name: 'ستاد', kind: 'headquarters', memberCount: 0 }
 */
export function createUnitsService(repo: UnitsRepo) {
  return {
    /** Headquarters first, then provinces, outside bodies and groups; Persian order within a kind. */
    async list(): Promise<UnitList> {
      const [rows, memberCount] = await Promise.all([repo.all(), repo.memberCounts()]);
      const items = rows
        .map((u) => presentUnit(u, memberCount.get(u.code) ?? 0))
        // Persian collation for names within a kind (SQLite's order is by code point).
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'fa'));
      return { items };
    },

    /** The units with these codes (every unit without `codes`), by code. */
    byCodes(codes?: string[]): Promise<Map<string, UnitRow>> {
      return repo.units(codes);
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
