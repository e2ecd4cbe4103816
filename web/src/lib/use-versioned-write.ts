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
 * The action as it is now, from a 409 `version_conflict` (`details.current`), or null for any other error.
 *
 * @example
 * const current = conflictCurrent(error);
 * if (current) showConflict(current); else throw error;
 */
function conflictCurrent(error: unknown): ActionSummary | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'version_conflict') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  return isActionSummary(details.current) ? details.current : null;
}

/** Runs one write: its result, or undefined when the server refused it as stale. */
export type VersionedGuard = <T>(write: () => Promise<T>) => Promise<T | undefined>;

export interface VersionedWrite {
  /** The action as it is now, after a refused write; null before, after a write that went through and after `dismiss`. */
  conflict: Accessor<ActionSummary | null>;
  dismiss: () => void;
  guard: VersionedGuard;
}

/**
 * @param refresh reloads what the page shows, so its next write carries the current version.
 *
 * @example
 * const { conflict, dismiss, guard } = useVersionedWrite(() => revalidate(getAction.key));
 * const result = await guard(() => takeTransition(id, { version, transition: 'start' }));
 * if (result) showDone(result); // else conflict() holds the action as it is now
 */
export function useVersionedWrite(refresh: () => Promise<unknown>): VersionedWrite {
  const [conflict, setConflict] = createSignal<ActionSummary | null>(null);
  const guard: VersionedGuard = async (write) => {
    try {
      const result = await write();
      setConflict(null);
      return result;
    } catch (error) {
      const current = conflictCurrent(error);
      if (!current) throw error;
      setConflict(current);
      await refresh();
      return undefined;
    }
  };
  return { conflict, dismiss: () => setConflict(null), guard };
}
