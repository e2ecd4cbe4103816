/**
 * @module Which calendar scopes a person may choose, and the default: pure rules over role and unit,
 * applied when the link is made and again on every read of the feed (a role or unit may change).
 */
import { isManager } from '../actions/status-rules';
import type { CalendarScope, Role } from '../db/schema';

export interface ScopeReader {
  role: Role;
  unitCode: string | null;
}

/** Persian names of the scopes (the feed's title; the web page has its own copy). */
export const CALENDAR_SCOPE_LABELS: Record<CalendarScope, string> = {
  unit: 'اقدام‌های واحد من',
  approvals: 'تأییدهای من',
  all: 'همهٔ اقدام‌هایی که می‌توانم ببینم',
};

/**
 * What a link made without a choice shows (and a link made before scopes existed): managers
 * everything, others their unit's actions (everything when they have no unit).
 *
 * @example
 * defaultCalendarScope({ role: 'director', unitCode: 'prov-tehran' }) // 'unit'
 */
export function defaultCalendarScope(reader: ScopeReader): CalendarScope {
  if (isManager(reader.role)) return 'all';
  return reader.unitCode ? 'unit' : 'all';
}

/**
 * Why this reader may not have this scope, in Persian; null when they may.
 *
 * @example
 * calendarScopeProblem({ role: 'director', unitCode: 'prov-tehran' }, 'approvals') // 'تقویم «تأییدهای من» برای کارشناسان ستاد است؛ …'
 */
export function calendarScopeProblem(reader: ScopeReader, scope: CalendarScope): string | null {
  if (scope === 'approvals' && !isManager(reader.role)) return 'تقویم «تأییدهای من» برای کارشناسان ستاد است؛ «اقدام‌های واحد من» یا «همه» را برگزینید.';
  if (scope === 'unit' && !reader.unitCode) return 'حساب شما به واحدی وابسته نیست؛ «همهٔ اقدام‌هایی که می‌توانم ببینم» را برگزینید.';
  return null;
}
