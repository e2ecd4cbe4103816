import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, lockRemainingMs, type LoginAttempt } from './login-throttle';

const at = (secondsAfter: number) => new Date(Date.UTC(2021, 1, 1, 8, 0, secondsAfter)).toISOString();
const failures = (n: number, start = 0): LoginAttempt[] =>
  Array.from({ length: n }, (_, i) => ({ event: 'login.failure', at: at(start + i) })).reverse();

describe('lockRemainingMs', () => {
  const now = new Date(at(10));

  it('lets five wrong passwords through and locks after the fifth', () => {
    expect(lockRemainingMs(failures(4), now, DEFAULT_THROTTLE)).toBe(0);
    expect(lockRemainingMs(failures(5), now, DEFAULT_THROTTLE)).toBe(30_000 - 6_000);
  });

  it('doubles the lock with each further failure, up to an hour', () => {
    const last = new Date(at(7));
    expect(lockRemainingMs(failures(6), last, DEFAULT_THROTTLE)).toBe(60_000 - 2_000);
    expect(lockRemainingMs(failures(7), last, DEFAULT_THROTTLE)).toBe(120_000 - 1_000);
    expect(lockRemainingMs(failures(40), new Date(at(39)), DEFAULT_THROTTLE)).toBe(60 * 60_000);
  });

  it('forgets failures before a successful sign-in, and ignores refused attempts', () => {
    const attempts = [{ event: 'login.throttled', at: at(9) }, ...failures(2, 7), { event: 'login.success', at: at(6) }, ...failures(5)];
    expect(lockRemainingMs(attempts, now, DEFAULT_THROTTLE)).toBe(0);
  });

  it('counts attempts still being checked as failures, so a parallel burst is locked too', () => {
    const inFlight = Array.from({ length: 5 }, (_, i) => ({ event: 'login.attempt', at: at(5 + i) })).reverse();
    expect(lockRemainingMs(inFlight, now, DEFAULT_THROTTLE)).toBe(30_000 - 1_000);
    expect(lockRemainingMs(inFlight.slice(1), now, DEFAULT_THROTTLE)).toBe(0);
  });

  it('reads password-change attempts the same way', () => {
    const wrong = Array.from({ length: 5 }, (_, i) => ({ event: 'password.failure', at: at(i) })).reverse();
    expect(lockRemainingMs(wrong, now, DEFAULT_THROTTLE)).toBe(30_000 - 6_000);
    expect(lockRemainingMs([{ event: 'password.success', at: at(9) }, ...wrong], now, DEFAULT_THROTTLE)).toBe(0);
  });
});
