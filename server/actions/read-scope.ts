/**
 * @module Whose actions and follow-ups a user reads in lists that span units (search, the calendar
 * feed, notifications): managers and admins every unit's, anyone else only their own unit's (none
 * without a unit). One rule, so a director never finds another province's work in any of them.
 */
import type { Role } from '../db/schema';
import { isManager } from './status-rules';

/**
 * Units whose actions the user reads; null = every unit.
 *
 * @example
 * actionUnitScope({ role: 'director', unitCode: 'prov-tehran' }) // ['prov-tehran']
 * actionUnitScope({ role: 'manager', unitCode: 'hq' })           // null
 * actionUnitScope({ role: 'staff', unitCode: null })             // []
 */
export function actionUnitScope(user: { role: Role; unitCode: string | null }): string[] | null {
  if (isManager(user.role)) return null;
  return user.unitCode ? [user.unitCode] : [];
}
