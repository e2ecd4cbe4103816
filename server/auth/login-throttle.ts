/**
 * @module Login back-off per username and IP (and per address, whatever the username), computed
 * from the attempts in the audit log, so several server instances sharing one database agree
 * without any shared memory. An attempt is written before its password is checked
 * (`….attempt`, then turned into `….failure` or `….success`), so attempts still being checked
 * count as failures: a burst of parallel guesses cannot all get through.
 */

export interface ThrottlePolicy {
  /** Consecutive failures allowed before the first lock. */
  freeFailures: number;
  /** Lock after the first failure past the free ones; doubles with each further failure. */
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

/** Failed sign-ins allowed from one address (any usernames) within the window, before it must wait. */
export interface AddressPolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = { maxFailures: 30, windowMs: 15 * 60_000 };

/** The kinds of row an attempt leaves (`login.…`, `password.…`). */
export type AttemptOutcome = 'attempt' | 'failure' | 'success' | 'throttled' | 'busy';

/** Counts as a failure: a wrong password, or one still being checked (or whose check never finished). */
export function countsAsFailure(event: string): boolean {
  return event.endsWith('.failure') || event.endsWith('.attempt');
}

export interface LoginAttempt {
  event: string;
  at: string;
}

/**
 * How long a key must still wait, in ms (0 when it may try now), from its attempts newest first.
 * Five wrong passwords lock for 30 s, the sixth for 60 s, then 2 min, 4 min … up to an hour;
 * a successful login resets the count. Attempts refused while locked do not extend the lock;
 * attempts still being checked count as failures.
 *
 * @example
 * lockRemainingMs(attempts, new Date(), DEFAULT_THROTTLE); // 0 or e.g. 27_500
 */
export function lockRemainingMs(attemptsNewestFirst: LoginAttempt[], now: Date, policy: ThrottlePolicy): number {
  let failures = 0;
  let lastFailureAt: string | undefined;
  for (const attempt of attemptsNewestFirst) {
    if (attempt.event.endsWith('.success')) break;
    if (!countsAsFailure(attempt.event)) continue;
    failures++;
    lastFailureAt ??= attempt.at;
  }
  if (failures < policy.freeFailures || !lastFailureAt) return 0;
  const lockMs = Math.min(policy.baseLockMs * 2 ** (failures - policy.freeFailures), policy.maxLockMs);
  return Math.max(0, Date.parse(lastFailureAt) + lockMs - now.getTime());
}
