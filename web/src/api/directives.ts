/** @module A directive's tracking: its roll-up across units, publishing, assigning (fan-out), and a session's carry-over. */
import { query, revalidate } from '@solidjs/router';
import type { AssignInput, AssignResult, BulkRequest, BulkResult, CarryOver, DirectiveRollup, TrackedDirective } from './action-types';
import { getActions, getMyActions } from './actions';
import { apiRequest } from './client';

/**
 * Per-unit status of a directive, with counts.
 *
 * @example
 * const rollup = createAsync(() => getRollup(7));
 */
export const getRollup = query((id: number) => apiRequest<DirectiveRollup>(`/directives/${id}/rollup`), 'directiveRollup');

/**
 * Open actions from earlier sessions of this session's series.
 *
 * @example
 * const carried = createAsync(() => getCarryOver('tvto-outsourcing-webinar-2'));
 */
export const getCarryOver = query((slug: string) => apiRequest<CarryOver>(`/sessions/${encodeURIComponent(slug)}/carry-over`), 'carryOver');

/** Publish a directive (managers), optionally fixing its due date (ISO or Jalali). */
export async function publishDirective(id: number, dueOn?: string): Promise<TrackedDirective> {
  const directive = await apiRequest<TrackedDirective>(`/directives/${id}/publish`, { method: 'POST', json: dueOn ? { dueOn } : {} });
  await revalidate(getRollup.key);
  return directive;
}

/**
 * Assign a directive to units or groups; a group (all provinces) fans out to one action per member.
 * Units that already hold an action are left as they are (reported in `existing`).
 *
 * @example
 * const result = await assignDirective(7, { units: ['all-provinces'], dueOn: '1399-11-15' });
 */
export async function assignDirective(id: number, input: AssignInput): Promise<AssignResult> {
  const result = await apiRequest<AssignResult>(`/directives/${id}/assignments`, { method: 'POST', json: input });
  await revalidate([getRollup.key, getActions.key, getMyActions.key]);
  return result;
}

/**
 * Change many of a directive's actions in one step (managers); each is audited and its unit told.
 *
 * @example
 * await bulkChange(7, { scope: 'selected', actions: [{ id: 3, version: 2 }], operation: 'extend', days: 10 });
 */
export async function bulkChange(id: number, body: BulkRequest): Promise<BulkResult> {
  const result = await apiRequest<BulkResult>(`/directives/${id}/actions/bulk`, { method: 'POST', json: body });
  await revalidate([getRollup.key, getActions.key, getMyActions.key]);
  return result;
}
