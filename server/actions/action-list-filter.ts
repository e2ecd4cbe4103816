/** @module The filters of `GET /api/actions` (and of its CSV export) read into the repository's ActionFilter. */
import type { z } from '@hono/zod-openapi';
import { actionStatuses, type ActionStatus } from '../db/schema';
import { UnprocessableError } from '../errors';
import type { ActionFilter } from './actions.repo';
import type { ActionListQuery } from './actions.schemas';

/** The list query without its paging: what selects the actions. */
export type ActionListFilters = Omit<z.output<typeof ActionListQuery>, 'limit' | 'offset'>;

/**
 * A comma-separated status filter as statuses; an unknown name is refused (422), not ignored,
 * so a typo does not silently widen the list.
 *
 * @example
 * parseStatuses('open, in_progress') // ['open', 'in_progress']
 * parseStatuses(undefined) // undefined (no filter)
 */
export function parseStatuses(text: string | undefined): ActionStatus[] | undefined {
  if (!text) return undefined;
  const wanted = text.split(',').map((s) => s.trim());
  const known = actionStatuses.filter((s) => wanted.includes(s));
  if (known.length !== wanted.length) throw UnprocessableError('unknown_status', 'وضعیت ناشناخته در فیلتر.');
  return known;
}

/**
 * The list query as a repository filter; `overdue` means due before `today` and still open.
 *
 * @example
 * actionFilterOf({ unit: 'prov-tehran', overdue: '1' }, '2021-03-01')
 * // { unitCodes: ['prov-tehran'], overdueBefore: '2021-03-01', … }
 */
export function actionFilterOf(query: ActionListFilters, today: string): ActionFilter {
  return {
    unitCodes: query.unit ? [query.unit] : undefined,
    directiveId: query.directive,
    statuses: parseStatuses(query.status),
    heldFrom: query.from,
    heldTo: query.to,
    series: query.series,
    overdueBefore: query.overdue ? today : undefined,
  };
}
