/**
 * @module Finishes withdrawals left half-done: a withdrawn session whose directives still have open
 * actions. Before a withdrawal became one batch (migration 0010) its actions were cancelled one by one
 * after the session had been withdrawn, so a failure between left some open (an assignment racing a
 * withdrawal could add one too, until the insert checked the session itself). Run at start (and idempotent): each
 * such action is cancelled as the withdrawal would have done it (follow-up, audit entry, the unit's
 * notice), by the manager who withdrew, and marked with the withdrawal's key so a restore offers to
 * reopen it with the others (a session withdrawn before keys existed is given one).
 */
import { randomUUID } from 'node:crypto';
import { OPEN_STATUSES } from '../actions/status-rules';
import type { Clock } from '../clock';
import type { CorrectionRepo } from './correction.repo';
import { withdrawalActionReason } from './correction.service';

/** The audit entries' detail of a cancellation made here, so the trail tells it from a withdrawal's own. */
export const FINISHED_AT_START = 'cancel: withdrawal finished at start';

/**
 * Cancel the open actions of withdrawn sessions; returns how many sessions and actions it finished.
 *
 * @example
 * const { actions } = await finishHalfDoneWithdrawals(createCorrectionRepo(database), systemClock);
 */
export async function finishHalfDoneWithdrawals(repo: CorrectionRepo, clock: Clock, openStatuses: readonly string[] = OPEN_STATUSES): Promise<{ sessions: number; actions: number }> {
  const found = await repo.halfDoneWithdrawals(openStatuses);
  let actions = 0;
  for (const session of found) {
    actions += await repo.finishWithdrawal(
      {
        sessionId: session.id,
        actorId: session.actorId,
        actionReason: withdrawalActionReason(session.title, session.reason),
        openStatuses,
        key: session.key ?? randomUUID(),
        now: clock.now().toISOString(),
        detail: FINISHED_AT_START,
      },
      session.key !== null,
    );
  }
  return { sessions: found.length, actions };
}
