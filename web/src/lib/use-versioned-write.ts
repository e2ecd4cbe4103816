/**
 * @module The one 409 guard for writes sent with the version a page showed: the write goes
 * through, or someone changed the action meanwhile (409 `version_conflict`) and the page gets
 * the action as it is now to show, its data is refreshed, and nothing is thrown. Any other
 * error is the caller's to show.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { ActionSummary } from '../api/action-types';
import { ApiError } from '../api/client';

/** Enough of an action summary to trust it (the server sends the whole summary with a 409). */
function isActionSummary(value: unknown): value is ActionSummary {
  return typeof value === 'object' && value !== null && 'version' in value && 'status' in value && 'progress' in value;
}

/**
 * The record as it is now, from a 409 `version_conflict` (`details.current`), or null for any other error.
 *
 * @example
 * const current = conflictCurrent(error, isActionSummary);
 * if (current) showConflict(current); else throw error;
 */
function conflictCurrent<T>(error: unknown, isCurrent: (value: unknown) => value is T): T | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'version_conflict') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  return isCurrent(details.current) ? details.current : null;
}

/** Runs one write: its result, or undefined when the server refused it as stale. */
export type VersionedGuard = <T>(write: () => Promise<T>) => Promise<T | undefined>;

export interface VersionedWrite<C = ActionSummary> {
  /** The record (an action by default) as it is now, after a refused write; null before, after a write that went through and after `dismiss`. */
  conflict: Accessor<C | null>;
  dismiss: () => void;
  guard: VersionedGuard;
}

/**
 * @param refresh reloads what the page shows, so its next write carries the current version.
 * @param isCurrent recognises the record a 409 sends back (default: an action summary); an import
 * suggestion's review passes its own.
 *
 * @example
 * const { conflict, dismiss, guard } = useVersionedWrite(() => revalidate(getAction.key));
 * const result = await guard(() => takeTransition(id, { version, transition: 'start' }));
 * if (result) showDone(result); // else conflict() holds the action as it is now
 */
export function useVersionedWrite(refresh: () => Promise<unknown>): VersionedWrite;
export function useVersionedWrite<C>(refresh: () => Promise<unknown>, isCurrent: (value: unknown) => value is C): VersionedWrite<C>;
export function useVersionedWrite(refresh: () => Promise<unknown>, isCurrent: (value: unknown) => value is unknown = isActionSummary): VersionedWrite<unknown> {
  const [conflict, setConflict] = createSignal<unknown>(null);
  const guard: VersionedGuard = async (write) => {
    try {
      const result = await write();
      setConflict(null);
      return result;
    } catch (error) {
      const current = conflictCurrent(error, isCurrent);
      if (current === null) throw error;
      setConflict(() => current);
      await refresh();
      return undefined;
    }
  };
  return { conflict, dismiss: () => setConflict(null), guard };
}
