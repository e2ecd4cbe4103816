/** @module Reading an API answer in a test: its status checked first, with the body in the failure message. */
import { expect } from 'vitest';

/**
 * Expect `status`, then parse the body as JSON. A wrong status fails with the server's own
 * answer beside it (the error code and message say more than the number).
 *
 * @example
 * const detail = await expectJson<{ status: string }>(await manager('/api/actions/1'), 200);
 */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}
