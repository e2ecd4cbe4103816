/** @module An API error in the words a form should show: the server's message plus, for a 400, which fields and why. */
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
