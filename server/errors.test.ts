import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, errorBody, UnprocessableError } from './errors';

describe('ERROR_CODES: the codes the API answers with', () => {
  it('lists each code once, in snake_case', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('carries the code and the Persian message into the JSON error shape', () => {
    const error = UnprocessableError('unknown_unit', 'واحدی با کد «x» وجود ندارد.');
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(422);
    expect(errorBody(error.code, error.message)).toEqual({ error: { code: 'unknown_unit', message: 'واحدی با کد «x» وجود ندارد.' } });
  });
});
