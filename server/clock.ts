/** @module Time, injected: one shape everywhere, so overdue logic, expiry and stored timestamps are testable. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
