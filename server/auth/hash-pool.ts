/**
 * @module A bound on password-hashing work. Each scrypt check costs ~0.4 s of a core and 128 MB,
 * and Node runs four at once on its thread pool: a flood of sign-ins (even with made-up usernames)
 * used to slow every login to 10 s and grow memory by 450 MB. Here at most `concurrency` run at
 * once, at most `queue` wait (more answer 503), one source address has at most `perAddress`
 * sign-ins under way (more answer 429), whatever usernames it tries, and its hashes run one at a
 * time, so a flood from one address holds one hashing place and others always find one free.
 */
import { AppError } from '../errors';

export interface HashPoolLimits {
  /** Hashes computed at once. */
  concurrency: number;
  /** Hashes waiting for a place; past this the request answers 503. */
  queue: number;
  /** Running plus waiting hashes of one source address; past this it answers 429. */
  perAddress: number;
}

export const DEFAULT_HASH_POOL: HashPoolLimits = { concurrency: 2, queue: 32, perAddress: 2 };

export const HashBusyError = () =>
  new AppError(503, 'sign_in_busy', 'ورودهای هم‌زمان زیاد است؛ چند لحظه دیگر دوباره تلاش کنید.', { retryAfterSeconds: 2 });
export const AddressBusyError = () =>
  new AppError(429, 'too_many_requests', 'درخواست‌های ورود هم‌زمان از نشانی شما زیاد است؛ کمی صبر کنید.', { retryAfterSeconds: 2 });

/** A source address's place, held for a whole sign-in (database checks included), so a flood is refused before it costs anything. */
export interface HashReservation {
  /** Run `work` when a hashing place is free (throws 503 at once when too many wait). */
  hash<T>(work: () => Promise<T>): Promise<T>;
  release(): void;
}

/**
 * @example
 * const pool = createHashPool();
 * const ok = await pool.run(ip, () => verifyPassword(password, hash));
 */
export function createHashPool(limits: HashPoolLimits = DEFAULT_HASH_POOL) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const byAddress = new Map<string, number>();
  /** The last hash of each address (its next one starts after it). */
  const addressTurn = new Map<string, Promise<unknown>>();

  function nextSlot(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  async function hash<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limits.concurrency && waiting.length >= limits.queue) throw HashBusyError();
    if (running < limits.concurrency) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      nextSlot();
    }
  }

  const pool = {
    /** Hold a place for `address` (throws 429 at once when it already holds its share). */
    reserve(address: string): HashReservation {
      const mine = byAddress.get(address) ?? 0;
      if (mine >= limits.perAddress) throw AddressBusyError();
      byAddress.set(address, mine + 1);
      let released = false;
      return {
        async hash<T>(work: () => Promise<T>): Promise<T> {
          const previous = addressTurn.get(address) ?? Promise.resolve();
          const turn = previous.catch(() => undefined).then(() => hash(work));
          addressTurn.set(address, turn);
          try {
            return await turn;
          } finally {
            if (addressTurn.get(address) === turn) addressTurn.delete(address);
          }
        },
        release() {
          if (released) return;
          released = true;
          const left = (byAddress.get(address) ?? 1) - 1;
          if (left <= 0) byAddress.delete(address);
          else byAddress.set(address, left);
        },
      };
    },

    /** Reserve, hash and release in one step. */
    async run<T>(address: string, work: () => Promise<T>): Promise<T> {
      const reservation = pool.reserve(address);
      try {
        return await reservation.hash(work);
      } finally {
        reservation.release();
      }
    },

    /** For tests and the benchmark: places in use and requests waiting. */
    stats(): { running: number; waiting: number } {
      return { running, waiting: waiting.length };
    },
  };
  return pool;
}

export type HashPool = ReturnType<typeof createHashPool>;
