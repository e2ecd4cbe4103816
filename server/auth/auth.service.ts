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
import { DEFAULT_THROTTLE, lockRemainingMs, type ThrottlePolicy } from './login-throttle';
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
    super(429, 'too_many_attempts', `تلاش‌های ناموفق زیاد بود. ${retryAfterSeconds} ثانیه دیگر دوباره امتحان کنید.`, {
      retryAfterSeconds,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface AuthServiceOptions {
  db: Db;
  repo: AuthRepo;
  clock: Clock;
  sessions?: SessionPolicy;
  throttle?: ThrottlePolicy;
  /** Hashing cost of new passwords (tests lower it). */
  scrypt?: ScryptParams;
  /** How long a read may reuse a session row, ms (default SESSION_CACHE_MS; 0 reads every time). */
  sessionCacheMs?: number;
}

export function createAuthService(options: AuthServiceOptions) {
  const { db, repo, clock } = options;
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
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

  async function recordAttempt(key: string, event: string, actorId: number | null, ip: string): Promise<void> {
    await db.insert(auditLog).values(
      auditValues({ actorId, event, entity: LOGIN_ATTEMPT_ENTITY, entityId: key, detail: `ip=${ip}`, at: clock.now() }),
    );
  }

  return {
    policy,

    /**
     * Check a username and password; on success a new session token (for the cookie) and the user.
     * Unknown names and wrong passwords answer the same 401; a disabled account with the right password is told so.
     */
    async login(usernameInput: string, password: string, ip: string): Promise<{ token: string; user: AuthUser }> {
      const username = canonicalUsername(usernameInput);
      const key = `${username}|${ip}`;
      const now = clock.now();
      const since = new Date(now.getTime() - throttle.windowMs).toISOString();
      const waitMs = lockRemainingMs(await repo.recentLoginAttempts(key, since, 100), now, throttle);
      if (waitMs > 0) {
        await recordAttempt(key, 'login.throttled', null, ip);
        throw new TooManyAttemptsError(Math.ceil(waitMs / 1000));
      }
      const user = await repo.userByUsername(username);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash(options.scrypt)));
      if (!user || !matches || user.disabled) {
        await recordAttempt(key, 'login.failure', user?.id ?? null, ip);
        // Only someone who knows the password learns that the account is disabled (and whom to ask).
        if (user && matches) throw new AppError(401, 'account_disabled', 'حساب شما غیرفعال شده است؛ برای فعال‌سازی با مدیر سامانه تماس بگیرید.');
        throw new AppError(401, 'invalid_credentials', 'نام کاربری یا گذرواژه درست نیست.');
      }
      await recordAttempt(key, 'login.success', user.id, ip);
      return { token: await startSession(user.id), user: presentAuthUser(user) };
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
    async changePassword(userId: number, currentPassword: string, newPassword: string): Promise<string> {
      const user = await repo.userById(userId);
      if (!user || user.disabled) throw UnauthorizedError();
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError(403, 'wrong_password', 'گذرواژه فعلی درست نیست.');
      }
      const problem = passwordProblem(newPassword);
      if (problem) throw BadRequestError('weak_password', problem);
      const now = clock.now();
      await repo.updatePassword(userId, await hashPassword(newPassword, options.scrypt), now.toISOString());
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
