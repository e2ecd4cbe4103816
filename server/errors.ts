/**
 * @module Errors with a stable code for the API and a Persian message for people.
 * Every error response has the shape {"error":{"code","message"}}.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class AppError extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  readonly details?: unknown;

  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export const NotFoundError = (what = 'مورد درخواستی') => new AppError(404, 'not_found', `${what} پیدا نشد.`);
export const BadRequestError = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const UnauthorizedError = () => new AppError(401, 'unauthenticated', 'برای این کار باید وارد شوید.');
export const ForbiddenError = (message = 'اجازه این کار را ندارید.') => new AppError(403, 'forbidden', message);
export const ConflictError = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const UnprocessableError = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
