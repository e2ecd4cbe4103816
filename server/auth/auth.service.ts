/**
 * @module Signing in and out: password check with back-off, server-side sessions with idle and
 * absolute expiry, password change that signs the user out everywhere else.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { auditValues } from '../audit/audit';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { AppError, BadRequestError, UnauthorizedError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { LOGIN_ATTEMPT_ENTITY, type AuthRepo, type UserRow } from './auth.repo';
import { createHashPool, type HashPool, type HashReservation } from './hash-pool';
import { DEFAULT_ADDRESS_POLICY, DEFAULT_THROTTLE, lockRemainingMs, type AddressPolicy, type ThrottlePolicy } from './login-throttle';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword, type ScryptParams } from './password';

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * 60 * 60_000, absoluteMs: 7 * 24 * 60 * 60_000 };

/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * A session row read for a request is reused for this long (real time) by reads in this process.
 * Writes always read the database and then empty the cache (see `resolve`), so sign-out, a password
 * change or a disabled user take effect at once here, and within this long on other instances.
 */
export const SESSION_CACHE_MS = 2_000;
/** Bound on cached sessions (the cache is emptied when it is full). */
const SESSION_CACHE_MAX = 10_000;

export function presentAuthUser(row: UserRow): AuthUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitCode: row.unitCode };
}

/** SHA-256 of the cookie token: the key the session is stored under. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Usernames compare case-insensitively: stored and looked up in lower case. */
export function canonicalUsername(username: string): string {
  return username.trim().toLowerCase();
}

export class TooManyAttemptsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, 'too_many_attempts', `تلاش‌های ناموفق زیاد بود. ${retryAfterSeconds.toLocaleString('fa-IR')} ثانیه دیگر دوباره امتحان کنید.`, {
      retryAfterSeconds,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Addresses this process saw go over their failure limit, until when (bounded; emptied when full). */
function createAddressLocks(max = 10_000) {
  const until = new Map<string, number>();
  return {
    check(ip: string, now: Date): void {
      const end = until.get(ip);
      if (end === undefined) return;
      if (end <= now.getTime()) until.delete(ip);
      else throw new TooManyAttemptsError(Math.ceil((end - now.getTime()) / 1000));
    },
    lock(ip: string, now: Date, ms: number): void {
      if (until.size >= max) until.clear();
      until.set(ip, now.getTime() + ms);
    },
  };
}

export interface AuthServiceOptions {
  db: Db;
  repo: AuthRepo;
  clock: Clock;
  sessions?: SessionPolicy;
  throttle?: ThrottlePolicy;
  /** Failed sign-ins allowed per source address, any usernames (default 30 in 15 minutes). */
  addressThrottle?: AddressPolicy;
  /** Bound on concurrent password hashing (default: 2 at once, 32 waiting, 2 per address). */
  hashPool?: HashPool;
  /** Hashing cost of new passwords (tests lower it). */
  scrypt?: ScryptParams;
  /** How long a read may reuse a session row, ms (default SESSION_CACHE_MS; 0 reads every time). */
  sessionCacheMs?: number;
}

export function createAuthService(options: AuthServiceOptions) {
  const { db, repo, clock } = options;
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  const addressThrottle = options.addressThrottle ?? DEFAULT_ADDRESS_POLICY;
  const hashPool = options.hashPool ?? createHashPool();
  // An address over its failure limit is refused here without touching the database (the limit itself is counted there).
  const lockedAddresses = createAddressLocks();
  const cacheMs = options.sessionCacheMs ?? SESSION_CACHE_MS;
  type Found = NonNullable<Awaited<ReturnType<AuthRepo['sessionWithUser']>>>;
  const cached = new Map<string, { found: Found; readAt: number }>();

  async function sessionRow(tokenHash: string, fresh: boolean): Promise<Found | undefined> {
    const hit = cached.get(tokenHash);
    if (!fresh && hit && performance.now() - hit.readAt < cacheMs) return hit.found;
    const found = await repo.sessionWithUser(tokenHash);
    if (!found || cacheMs <= 0) cached.delete(tokenHash);
    else {
      if (cached.size >= SESSION_CACHE_MAX) cached.clear();
      cached.set(tokenHash, { found, readAt: performance.now() });
    }
    return found;
  }

  async function startSession(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await repo.insertSession({
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + policy.absoluteMs).toISOString(),
    });
    return token;
  }

  /**
   * Count an attempt before its password is checked: write it, then read the attempts written
   * before it (parallel ones included, still unsettled) and refuse if they lock the key or the
   * address. Returns the attempt's id, to settle once the check is done.
   */
  async function admitAttempt(kind: 'login' | 'password', key: string, ip: string, actorId: number | null): Promise<number> {
    const now = clock.now();
    const id = await repo.insertAttempt({ key, event: `${kind}.attempt`, actorId, ip, at: now.toISOString() });
    const since = new Date(now.getTime() - throttle.windowMs).toISOString();
    let waitMs = lockRemainingMs(await repo.attemptsBefore(key, id, since, 100), now, throttle);
    if (waitMs === 0 && kind === 'login') {
      const addressSince = new Date(now.getTime() - addressThrottle.windowMs).toISOString();
      if ((await repo.addressFailuresBefore(ip, id, addressSince)) >= addressThrottle.maxFailures) {
        waitMs = addressThrottle.windowMs;
        lockedAddresses.lock(ip, now, waitMs);
      }
    }
    if (waitMs > 0) {
      await repo.settleAttempt(id, `${kind}.throttled`, actorId);
      throw new TooManyAttemptsError(Math.ceil(waitMs / 1000));
    }
    return id;
  }

  /** Check a password inside the hashing bound; a refusal (503) settles the attempt as busy, not failed. */
  async function checkPassword(
    reservation: HashReservation,
    attemptId: number,
    kind: 'login' | 'password',
    actorId: number | null,
    password: string,
    hash: () => Promise<string>,
  ): Promise<boolean> {
    try {
      return await reservation.hash(async () => verifyPassword(password, await hash()));
    } catch (error) {
      await repo.settleAttempt(attemptId, `${kind}.busy`, actorId);
      throw error;
    }
  }

  return {
    policy,

    /**
     * Check a username and password; on success a new session token (for the cookie) and the user.
     * Unknown names and wrong passwords answer the same 401; a disabled account with the right password is told so.
     */
    async login(usernameInput: string, password: string, ip: string): Promise<{ token: string; user: AuthUser }> {
      const username = canonicalUsername(usernameInput);
      lockedAddresses.check(ip, clock.now());
      // The address's place is held from here, so a burst beyond its share is refused before any database work.
      const reservation = hashPool.reserve(ip);
      try {
        const attempt = await admitAttempt('login', `${username}|${ip}`, ip, null);
        const user = await repo.userByUsername(username);
        const matches = await checkPassword(reservation, attempt, 'login', user?.id ?? null, password, async () => user?.passwordHash ?? (await decoyPasswordHash(options.scrypt)));
        if (!user || !matches || user.disabled) {
          await repo.settleAttempt(attempt, 'login.failure', user?.id ?? null);
          // Only someone who knows the password learns that the account is disabled (and whom to ask).
          if (user && matches) throw new AppError(401, 'account_disabled', 'حساب شما غیرفعال شده است؛ برای فعال‌سازی با مدیر سامانه تماس بگیرید.');
          throw new AppError(401, 'invalid_credentials', 'نام کاربری یا گذرواژه درست نیست.');
        }
        await repo.settleAttempt(attempt, 'login.success', user.id);
        return { token: await startSession(user.id), user: presentAuthUser(user) };
      } finally {
        reservation.release();
      }
    },

    /**
     * The signed-in user for a cookie token, or null (unknown, expired, idle too long, or user disabled).
     * `fresh` (every write) reads the database; otherwise a row read in the last SESSION_CACHE_MS is reused.
     */
    async resolve(token: string, { fresh = false }: { fresh?: boolean } = {}): Promise<{ user: AuthUser; tokenHash: string } | null> {
      const tokenHash = hashSessionToken(token);
      const found = await sessionRow(tokenHash, fresh);
      if (!found) return null;
      const now = clock.now().getTime();
      const { session, user } = found;
      const expired = Date.parse(session.expiresAt) <= now || Date.parse(session.lastSeenAt) + policy.idleMs <= now;
      if (expired || user.disabled) {
        cached.delete(tokenHash);
        await repo.deleteSession(tokenHash);
        return null;
      }
      if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
        const lastSeenAt = new Date(now).toISOString();
        await repo.touchSession(tokenHash, lastSeenAt);
        // The cached copy too, or every read until it expires would write again.
        const hit = cached.get(tokenHash);
        if (hit) hit.found = { session: { ...hit.found.session, lastSeenAt }, user: hit.found.user };
      }
      return { user: presentAuthUser(user), tokenHash };
    },

    /** Forget every cached session row (after any write: it may have signed someone out or disabled them). */
    forgetCachedSessions(): void {
      cached.clear();
    },

    async logout(token: string, actorId: number | null): Promise<void> {
      cached.delete(hashSessionToken(token));
      await repo.deleteSession(hashSessionToken(token));
      if (actorId !== null) await db.insert(auditLog).values(auditValues({ actorId, event: 'logout', entity: 'user', entityId: actorId, at: clock.now() }));
    },

    /**
     * Change one's own password: the current one must match. Every session of the user ends
     * (sign-out everywhere); the caller gets a fresh session token for its new cookie.
     */
    async changePassword(userId: number, currentPassword: string, newPassword: string, ip: string): Promise<string> {
      const user = await repo.userById(userId);
      if (!user || user.disabled) throw UnauthorizedError();
      const problem = passwordProblem(newPassword);
      if (problem) throw BadRequestError('weak_password', problem);
      // Guessing the current password from a stolen session is throttled like signing in, per account.
      const reservation = hashPool.reserve(ip);
      let newHash: string;
      try {
        const attempt = await admitAttempt('password', `password|user:${userId}`, ip, userId);
        if (!(await checkPassword(reservation, attempt, 'password', userId, currentPassword, async () => user.passwordHash))) {
          await repo.settleAttempt(attempt, 'password.failure', userId);
          throw new AppError(403, 'wrong_password', 'گذرواژه فعلی درست نیست.');
        }
        await repo.settleAttempt(attempt, 'password.success', userId);
        newHash = await reservation.hash(() => hashPassword(newPassword, options.scrypt));
      } finally {
        reservation.release();
      }
      const now = clock.now();
      await repo.updatePassword(userId, newHash, now.toISOString());
      await repo.deleteSessionsOf(userId);
      cached.clear();
      await db.insert(auditLog).values(auditValues({ actorId: userId, event: 'user.password', entity: 'user', entityId: userId, at: now }));
      return startSession(userId);
    },

    /** Housekeeping: drop sessions nobody can use any more. */
    async purgeExpired(): Promise<void> {
      const now = clock.now().getTime();
      await repo.deleteExpiredSessions(new Date(now).toISOString(), new Date(now - policy.idleMs).toISOString());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
