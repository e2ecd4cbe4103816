/**
 * @module Overdue, due-soon and reminder timing of an action, from a given moment. "Today" is
 * the calendar day in Tehran, whatever the server's time zone: deadlines are Iranian days.
 */
import type { ActionStatus, ReminderKind } from '../domain';

const TEHRAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Days before the due date when the due-soon reminder goes out. */
export const DUE_SOON_DAYS = 7;

/**
 * The ISO calendar date in Tehran at `now`.
 *
 * @example
 * tehranToday(new Date('2021-02-02T21:00:00Z')) // '2021-02-03' (00:30 in Tehran)
 */
export function tehranToday(now: Date): string {
  const parts = TEHRAN_DAY.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export const dueStates = ['none', 'on_track', 'due_soon', 'due_today', 'overdue', 'closed'] as const;
export type DueState = (typeof dueStates)[number];

/**
 * Where an action stands against its due date on `today` (ISO, Tehran).
 *
 * @example
 * dueState('2021-02-03', 'in_progress', '2021-02-04') // 'overdue'
 */
export function dueState(dueOn: string | null, status: ActionStatus, today: string): DueState {
  if (status === 'done' || status === 'cancelled') return 'closed';
  if (!dueOn) return 'none';
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  if (left === 0) return 'due_today';
  if (left <= DUE_SOON_DAYS) return 'due_soon';
  return 'on_track';
}

/**
 * The reminder an open action earns on `today`, if any: due-soon within 7 days, due-today, overdue.
 *
 * @example
 * reminderFor('2021-02-03', 'open', '2021-01-27') // 'due_soon'
 */
export function reminderFor(dueOn: string | null, status: ActionStatus, today: string): ReminderKind | null {
  const state = dueState(dueOn, status, today);
  return state === 'due_soon' || state === 'due_today' || state === 'overdue' ? state : null;
}

/**
 * Was it closed on time? `closedAt` is an ISO instant, compared as a Tehran day.
 *
 * @example
 * closedOnTime('2021-02-03', '2021-02-03T15:00:00Z') // true
 */
export function closedOnTime(dueOn: string | null, closedAt: string | null): boolean {
  if (!closedAt) return false;
  if (!dueOn) return true;
  return tehranToday(new Date(closedAt)) <= dueOn;
}
