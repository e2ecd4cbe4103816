/**
 * @module Where a directive stands, read from its actions: the register's state filter and the
 * per-unit strip. Pure: the repository turns these names into SQL, the web app into Persian.
 */
import type { ActionStatus } from '../db/schema';

/**
 * The state filter of the register. A directive may be in several at once (open and overdue);
 * `assigned`, `done_on_time` and `done_late` are the summaries' columns.
 */
export const directiveStates = ['not_assigned', 'open', 'overdue', 'awaiting_verification', 'done', 'cancelled', 'assigned', 'done_on_time', 'done_late'] as const;
export type DirectiveState = (typeof directiveStates)[number];

/** Persian names, for messages and the CSV (the web app keeps its own copy for display). */
export const DIRECTIVE_STATE_LABELS: Record<DirectiveState, string> = {
  not_assigned: 'واگذارنشده',
  open: 'باز',
  overdue: 'باز و گذشته از مهلت',
  awaiting_verification: 'در انتظار تأیید',
  done: 'همه انجام‌شده',
  cancelled: 'لغوشده',
  assigned: 'واگذارشده',
  done_on_time: 'انجام‌شده در مهلت',
  done_late: 'انجام‌شده با تأخیر',
};

/** One unit's place in the strip. Cancelled actions are left out of it. */
export const stripBuckets = ['done', 'in_progress', 'overdue', 'no_report'] as const;
export type StripBucket = (typeof stripBuckets)[number];

const STILL_OPEN: readonly ActionStatus[] = ['open', 'in_progress', 'awaiting_verification', 'blocked'];

/**
 * The strip bucket of one action on `today`: done; overdue (still open past its due date);
 * in progress (reported on, or moved past «باز»); else no report yet. Null for a cancelled action.
 *
 * @example
 * stripBucket({ status: 'open', dueOn: '2021-02-01', followUps: 0 }, '2021-03-01') // 'overdue'
 */
export function stripBucket(action: { status: ActionStatus; dueOn: string | null; followUps: number }, today: string): StripBucket | null {
  if (action.status === 'cancelled') return null;
  if (action.status === 'done') return 'done';
  if (STILL_OPEN.includes(action.status) && action.dueOn !== null && action.dueOn < today) return 'overdue';
  if (action.status !== 'open' || action.followUps > 0) return 'in_progress';
  return 'no_report';
}

/**
 * The headline state of a directive for a row and the CSV: the most pressing one it is in.
 *
 * @example
 * headlineState({ total: 3, open: 2, overdue: 1, awaiting: 0, done: 1, cancelled: 0 }) // 'overdue'
 */
export function headlineState(c: { total: number; open: number; overdue: number; awaiting: number; done: number; cancelled: number }): DirectiveState {
  if (c.total === 0) return 'not_assigned';
  if (c.overdue > 0) return 'overdue';
  if (c.awaiting > 0 && c.open === c.awaiting) return 'awaiting_verification';
  if (c.open > 0) return 'open';
  if (c.cancelled === c.total) return 'cancelled';
  return 'done';
}

/**
 * A comma-separated state filter; unknown names are returned separately so the caller refuses them.
 *
 * @example
 * parseStates('open,overdue') // { states: ['open', 'overdue'], unknown: [] }
 */
export function parseStates(text: string | undefined): { states: DirectiveState[]; unknown: string[] } {
  if (!text) return { states: [], unknown: [] };
  const wanted = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const states = directiveStates.filter((s) => wanted.includes(s));
  const unknown = wanted.filter((w) => !directiveStates.some((s) => s === w));
  return { states, unknown };
}
