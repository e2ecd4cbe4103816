/** @module The API's shapes, inferred from the server's zod schemas (types only: no server code in the web bundle). */
import type { z } from 'zod';
import type { SessionListSchema } from '../../../server/sessions/sessions.schemas';

export type { DirectiveDto, SessionDetail, SessionSummary } from '../../../server/sessions/sessions.schemas';

/** A page of sessions as `GET /api/sessions` returns it. */
export type SessionPage = z.infer<typeof SessionListSchema>;

/** The body of every API error: `{"error":{"code","message"}}` (message in Persian). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
