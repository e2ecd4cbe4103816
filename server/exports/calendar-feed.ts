/**
 * @module Which actions a calendar feed shows: the scope chosen with the link, checked again
 * against the reader's role and unit as they are now, and only open actions of published work.
 */
import type { ActionSummary } from '../actions/actions.schemas';
import type { ActionsService } from '../actions/actions.service';
import { OPEN_STATUSES } from '../actions/status-rules';
import type { CalendarScope } from '../db/schema';
import { calendarScopeProblem, defaultCalendarScope, type ScopeReader } from '../users/calendar-scope';

export interface FeedReader extends ScopeReader {
  id: number;
}

/**
 * The actions of `reader`'s feed: `unit` their unit's; `approvals` (managers) those awaiting
 * verification and those of the directives they assigned; `all` everything they may read (every
 * signed-in role reads all published actions, as GET /api/actions). A scope the reader may no
 * longer have (a manager become director) shows nothing.
 *
 * @example
 * const items = await feedActions(actions, owner, owner.calendarScope);
 */
export async function feedActions(actions: ActionsService, reader: FeedReader, stored: CalendarScope | null): Promise<ActionSummary[]> {
  const scope = stored ?? defaultCalendarScope(reader);
  if (calendarScopeProblem(reader, scope)) return [];
  const statuses = [...OPEN_STATUSES];
  const list = async (filter: Parameters<ActionsService['list']>[0]) => (await actions.list({ ...filter, publishedOnly: true }, 1_000_000)).items;
  if (scope === 'unit') return list({ unitCodes: reader.unitCode ? [reader.unitCode] : [], statuses });
  if (scope === 'all') return list({ statuses });
  const [awaiting, assigned] = await Promise.all([list({ statuses: ['awaiting_verification'] }), list({ assignedBy: reader.id, statuses })]);
  const seen = new Set(awaiting.map((a) => a.id));
  return [...awaiting, ...assigned.filter((a) => !seen.has(a.id))];
}
