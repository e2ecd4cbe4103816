/** @module Reads and writes of action items: lists, one action, follow-ups with files, status steps, re-dating. */
import { query, revalidate } from '@solidjs/router';
import type { ActionDetail, ActionList, TransitionName } from './action-types';
import { apiRequest, apiUrl } from './client';
import { firstParam } from '../lib/search-params';

/** Filters of `GET /api/actions` (and the CSV export), as they sit in the page's URL. */
export interface ActionFilters {
  unit?: string;
  status?: string;
  overdue?: string;
  from?: string;
  to?: string;
  series?: string;
  directive?: string;
}

const FILTER_KEYS = ['unit', 'status', 'overdue', 'from', 'to', 'series', 'directive'] as const;

/**
 * The filters present in a URL query, empty ones left out.
 *
 * @example
 * actionFilters({ unit: 'prov-tehran', page: '2' }) // { unit: 'prov-tehran' }
 */
export function actionFilters(search: Partial<Record<string, string | string[]>>): ActionFilters {
  const filters: ActionFilters = {};
  for (const key of FILTER_KEYS) {
    const value = firstParam(search[key]);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Actions per page of the managers' list. */
export const ACTIONS_PAGE_SIZE = 50;

/**
 * My unit's actions, overdue first then by due date.
 *
 * @example
 * const mine = createAsync(() => getMyActions());
 */
export const getMyActions = query(() => apiRequest<ActionList>('/actions/mine'), 'myActions');

/**
 * Every action matching the filters (managers; a director sees what the server lets them).
 *
 * @example
 * const list = createAsync(() => getActions({ overdue: '1' }, 1));
 */
export const getActions = query(
  (filters: ActionFilters, page: number) =>
    apiRequest<ActionList>('/actions', { query: { ...filters, limit: ACTIONS_PAGE_SIZE, offset: (Math.max(1, page) - 1) * ACTIONS_PAGE_SIZE } }),
  'actions',
);

/** Actions awaiting a manager's verification, oldest request first. */
export const getVerificationQueue = query(() => apiRequest<ActionList>('/actions/verification-queue'), 'verificationQueue');

/**
 * One action with its timeline, evidence, audit trail and what the user may do.
 *
 * @example
 * const action = createAsync(() => getAction(42));
 */
export const getAction = query((id: number) => apiRequest<ActionDetail>(`/actions/${id}`), 'action');

/**
 * Every action matching the filters in one answer (up to 1,000), for counts across units (the home page).
 *
 * @example
 * const overdue = createAsync(() => getAllActions({ overdue: '1' }));
 */
export const getAllActions = query((filters: ActionFilters) => apiRequest<ActionList>('/actions', { query: { ...filters, limit: 1000 } }), 'allActions');

/** The CSV export's URL for the same filters (a plain link: the browser downloads it with the cookie). */
export function actionsCsvUrl(filters: ActionFilters): string {
  return apiUrl('/exports/actions.csv', { ...filters });
}

/** After a write, every list and the action itself may have changed. */
async function refreshAfterWrite(): Promise<void> {
  await revalidate([getMyActions.key, getActions.key, getAllActions.key, getVerificationQueue.key, getAction.key]);
}

export interface FollowUpInput {
  /** Only with progress or a request for verification: a note, letter or file is appended without it. */
  version?: number;
  note?: string;
  progress?: number;
  letterNumber?: string;
  letterDate?: string;
  requestVerification?: boolean;
  files?: File[];
}

/**
 * Post a progress update; multipart when files are attached. The idempotency key makes a
 * retried click (a slow network) store the update once.
 *
 * @example
 * await postFollowUp(42, { version: 3, note: 'نامه ارسال شد', progress: 80, files }, crypto.randomUUID());
 */
export async function postFollowUp(id: number, input: FollowUpInput, idempotencyKey: string): Promise<ActionDetail> {
  const form = new FormData();
  if (input.version !== undefined) form.set('version', String(input.version));
  if (input.note) form.set('note', input.note);
  if (input.progress !== undefined) form.set('progress', String(input.progress));
  if (input.letterNumber) form.set('letterNumber', input.letterNumber);
  if (input.letterDate) form.set('letterDate', input.letterDate);
  if (input.requestVerification) form.set('requestVerification', 'true');
  for (const file of input.files ?? []) form.append('files', file, file.name);
  const detail = await apiRequest<ActionDetail>(`/actions/${id}/follow-ups`, {
    method: 'POST',
    form,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  await refreshAfterWrite();
  return detail;
}

/**
 * A message (or a reply to one) in the action's discussion between the unit and headquarters.
 *
 * @example
 * await postComment(42, { note: 'آیا جدول بودجه لازم است؟' }, crypto.randomUUID());
 */
export async function postComment(id: number, body: { note: string; replyTo?: number }, idempotencyKey: string): Promise<ActionDetail> {
  const detail = await apiRequest<ActionDetail>(`/actions/${id}/comments`, { method: 'POST', json: body, headers: { 'Idempotency-Key': idempotencyKey } });
  await refreshAfterWrite();
  return detail;
}

/**
 * Take a status step (start, request_verification, verify, return, block, resume, cancel, reopen).
 *
 * @example
 * await takeTransition(42, { version: 4, transition: 'return', reason: 'نامه پیوست نشده است' });
 */
export async function takeTransition(id: number, body: { version: number; transition: TransitionName; reason?: string; note?: string }): Promise<ActionDetail> {
  const detail = await apiRequest<ActionDetail>(`/actions/${id}/transitions`, { method: 'POST', json: body });
  await refreshAfterWrite();
  return detail;
}

/**
 * Re-assign or re-date an action (managers; audited).
 *
 * @example
 * await changeAction(42, { version: 5, dueOn: '1399-12-01', reason: 'درخواست استان' });
 */
export async function changeAction(
  id: number,
  body: { version: number; unitCode?: string; dueOn?: string; priority?: string; recipientCode?: string | null; reason?: string },
): Promise<ActionDetail> {
  const detail = await apiRequest<ActionDetail>(`/actions/${id}`, { method: 'PATCH', json: body });
  await refreshAfterWrite();
  return detail;
}
