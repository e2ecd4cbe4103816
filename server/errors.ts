/**
 * @module Errors with a stable code for the API and a Persian message for people.
 * Every error response has the shape {"error":{"code","message"}}.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every `code` the API answers with: clients may rely on these; add a new one here. */
export const ERROR_CODES = [
  // Any route
  'invalid_request', 'not_found', 'unauthenticated', 'forbidden', 'conflict', 'version_conflict', 'payload_too_large',
  'unsupported_media_type', 'cross_site_request', 'too_many_attempts', 'too_many_requests', 'sign_in_busy', 'host_not_allowed',
  'unavailable', 'http_error', 'internal', 'request_too_large', 'import_too_slow', 'imports_busy', 'import_too_large', 'too_many_suggestions',
  // Accounts
  'invalid_credentials', 'account_disabled', 'user_has_history', 'wrong_password', 'weak_password', 'invalid_username', 'unit_required', 'scope_required',
  'invalid_email', 'calendar_scope_not_allowed',
  // Sessions, imports and ingest
  'invalid_kind', 'invalid_date', 'date_out_of_range', 'invalid_media_url', 'invalid_span', 'invalid_upload', 'file_missing', 'unsupported_file',
  'empty_file', 'binary_file', 'docx_broken', 'docx_too_large', 'pdf_broken', 'pdf_encrypted', 'pdf_no_pages', 'pdf_timeout', 'pdf_unreadable', 'too_many_pages', 'ocr_failed', 'ocr_timeout', 'ocr_unavailable', 'too_many_scanned_pages', 'unknown_encoding', 'unreadable_source', 'unreviewed_directives', 'session_empty',
  'duplicate_slug', 'jsonl_malformed', 'jsonl_invalid', 'yaml_invalid', 'unknown_unit', 'unknown_person', 'broken_cue',
  'front_matter_missing', 'front_matter_yaml', 'front_matter_invalid', 'directive_unclosed', 'directive_unknown',
  'directive_empty', 'directive_kind', 'directive_due',
  // Correcting and withdrawing a published session
  'correction_empty', 'correction_touches_directive', 'paragraph_unknown', 'paragraph_empty', 'paragraph_break',
  'title_required', 'session_withdrawn', 'not_correctable', 'session_not_withdrawn',
  // Search and the directive register
  'query_empty', 'query_too_long', 'invalid_range', 'unknown_state', 'relevance_without_query',
  // Directives, assignments and actions
  'session_draft', 'directive_not_published', 'policy_not_assignable', 'no_units', 'group_not_allowed', 'already_assigned',
  'due_date_required', 'due_date_past', 'unknown_status', 'manager_only', 'not_your_unit', 'illegal_transition', 'reason_required',
  'evidence_required', 'action_closed', 'empty_update', 'letter_number_required', 'idempotency_key_reused',
  'version_required', 'comment_empty', 'reply_not_found', 'bulk_empty', 'bulk_reassign_one', 'not_in_directive',
  'too_many_files', 'file_too_large', 'file_empty', 'file_type_mismatch', 'file_type_not_allowed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details?: unknown;

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export const NotFoundError = (what = 'مورد درخواستی') => new AppError(404, 'not_found', `${what} پیدا نشد.`);
export const BadRequestError = (code: ErrorCode, message: string, details?: unknown) => new AppError(400, code, message, details);
export const UnauthorizedError = () => new AppError(401, 'unauthenticated', 'برای این کار باید وارد شوید.');
export const ForbiddenError = (message = 'اجازه این کار را ندارید.') => new AppError(403, 'forbidden', message);
export const ConflictError = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const UnprocessableError = (code: ErrorCode, message: string, details?: unknown) => new AppError(422, code, message, details);
