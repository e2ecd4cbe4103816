/** @module Reports: the managers' dashboard, the print-ready report, the units list and the personal calendar feed. */
import { query, revalidate } from '@solidjs/router';
import type { CalendarScope, CalendarToken, Dashboard, PrintReport, UnitList } from './action-types';
import { apiRequest } from './client';

/** The dashboard's period and series filters (Jalali or ISO dates, as typed). */
export interface PeriodFilters {
  from?: string;
  to?: string;
  series?: string;
}

/**
 * Completion and on-time rates by province, the provinces × directives matrix and the overdue list.
 *
 * @example
 * const dashboard = createAsync(() => getDashboard({ from: '1399-10-01' }));
 */
export const getDashboard = query((filters: PeriodFilters) => apiRequest<Dashboard>('/reports/dashboard', { query: { ...filters } }), 'dashboard');

/**
 * Print-ready data for one directive's or one unit's actions.
 *
 * @example
 * const report = createAsync(() => getPrintReport({ directive: '7' }));
 */
export const getPrintReport = query(
  (scope: { directive?: string; unit?: string }) => apiRequest<PrintReport>('/reports/print', { query: { ...scope } }),
  'printReport',
);

/** Every unit and group (for assignment forms and filters). */
export const getUnits = query(() => apiRequest<UnitList>('/units'), 'units');

/** Whether my calendar feed is on (its URL is shown only when made). */
export const getCalendarToken = query(() => apiRequest<CalendarToken>('/calendar/token'), 'calendarToken');

/** Make (or replace) my secret calendar URL showing `scope`; an earlier one stops working. */
export async function createCalendarToken(scope: CalendarScope): Promise<CalendarToken> {
  const token = await apiRequest<CalendarToken>('/calendar/token', { method: 'POST', json: { scope } });
  await revalidate(getCalendarToken.key);
  return token;
}

/** Turn my calendar feed off. */
export async function revokeCalendarToken(): Promise<void> {
  // An empty JSON body: the API's JSON-only guard refuses a body-less DELETE from Chromium (415), see the report.
  await apiRequest<CalendarToken>('/calendar/token', { method: 'DELETE', json: {} });
  await revalidate(getCalendarToken.key);
}
