/** @module An API error in the words a form should show: the server's message plus, for a 400, which fields and why. */
import type { ActionSummary } from '../api/action-types';
import { ApiError } from '../api/client';
import { describeError } from '../components/states';

function isIssue(value: unknown): value is { path: string; message: string } {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}

/**
 * @example
 * formErrorText(new ApiError(400, 'invalid_request', 'درخواست نامعتبر است.', [{ path: 'letterDate', message: 'تاریخ نامعتبر است' }]))
 * // 'درخواست نامعتبر است. تاریخ نامعتبر است'
 */
export function formErrorText(error: unknown): string {
  if (error instanceof ApiError && Array.isArray(error.details)) {
    const messages = error.details.filter(isIssue).map((issue) => issue.message);
    if (messages.length > 0) return `${error.message} ${[...new Set(messages)].join('؛ ')}`;
  }
  return describeError(error);
}

/** Enough of an action summary to trust it (the server sends the whole summary with a 409). */
function isActionSummary(value: unknown): value is ActionSummary {
  return typeof value === 'object' && value !== null && 'version' in value && 'status' in value && 'progress' in value;
}

/**
 * The action as it is now, from a 409 `version_conflict` (`details.current`), or null for any other error.
 *
 * @example
 * const current = conflictCurrent(error);
 * if (current) showConflict(current); else throw error;
 */
export function conflictCurrent(error: unknown): ActionSummary | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'version_conflict') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  return isActionSummary(details.current) ? details.current : null;
}
