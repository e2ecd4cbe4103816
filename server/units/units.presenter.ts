/**
 * @module One presenter for units: a unit as other API shapes name it (`{ code, name, kind }`, from the
 * units read once per request), and a unit of the catalogue list.
 */
import type { Unit } from './units.schemas';

/** What a unit reference needs of a unit row. */
export interface UnitLike {
  code: string;
  name: string;
  kind: string;
}

export interface UnitRef {
  code: string;
  name: string;
  kind: string;
}

/**
 * The unit behind `code` as a reference; a code the catalogue no longer holds is shown as
 * itself with kind `unknown` (the record stays readable), and no code is null.
 *
 * @example
 * presentUnitRef(units, 'prov-tehran') // { code: 'prov-tehran', name: 'اداره کل … استان تهران', kind: 'province' }
 * presentUnitRef(units, 'gone') // { code: 'gone', name: 'gone', kind: 'unknown' }
 */
export function presentUnitRef(units: ReadonlyMap<string, UnitLike>, code: string): UnitRef;
export function presentUnitRef(units: ReadonlyMap<string, UnitLike>, code: string | null): UnitRef | null;
export function presentUnitRef(units: ReadonlyMap<string, UnitLike>, code: string | null): UnitRef | null {
  if (code === null) return null;
  const unit = units.get(code);
  return unit ? { code: unit.code, name: unit.name, kind: unit.kind } : { code, name: code, kind: 'unknown' };
}

/**
 * The unit behind `code` as a reference, or null for no code and for a code the catalogue does not
 * hold (session pages show only units that exist).
 *
 * @example
 * presentKnownUnit(units, 'gone') // null
 */
export function presentKnownUnit(units: ReadonlyMap<string, UnitLike>, code: string | null): UnitRef | null {
  const unit = code === null ? undefined : units.get(code);
  return unit ? { code: unit.code, name: unit.name, kind: unit.kind } : null;
}

/**
 * A unit of the catalogue, with how many units it fans out to (a group) or 0.
 *
 * @example
 * presentUnit({ code: 'all-provinces', name: 'همه استان‌ها', kind: 'group' }, 31) // { …, memberCount: 31 }
 */
export function presentUnit(unit: Pick<Unit, 'code' | 'name' | 'kind'>, memberCount: number): Unit {
  return { code: unit.code, name: unit.name, kind: unit.kind, memberCount };
}
