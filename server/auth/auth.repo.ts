/** @module The only drizzle code for sign-in: users by name, server-side sessions, recent login attempts. */
import { and, count, desc, eq, gte, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, authSessions, users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type AuthSessionRow = typeof authSessions.$inferSelect;

/** Login attempts are audit entries under this entity, keyed by `username|ip`. */
export const LOGIN_ATTEMPT_ENTITY = 'login_attempt';

export function createAuthRepo(db: Db) {
  return {
    async userByUsername(username: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
      return row;
    },

    async userById(id: number): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },

    async insertSession(row: AuthSessionRow): Promise<void> {
      await db.insert(authSessions).values(row);
    },

    async sessionWithUser(tokenHash: string): Promise<{ session: AuthSessionRow; user: UserRow } | undefined> {
      const [row] = await db
        .select({ session: authSessions, user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(eq(authSessions.tokenHash, tokenHash))
        .limit(1);
      return row;
    },

    async touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
      await db.update(authSessions).set({ lastSeenAt }).where(eq(authSessions.tokenHash, tokenHash));
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
    },

    /** End every session of a user, except (optionally) the one making the request. */
    async deleteSessionsOf(userId: number, keepTokenHash?: string): Promise<void> {
      const condition = keepTokenHash
        ? and(eq(authSessions.userId, userId), ne(authSessions.tokenHash, keepTokenHash))
        : eq(authSessions.userId, userId);
      await db.delete(authSessions).where(condition);
    },

    /** Sessions past their absolute expiry or idle since before `idleSince`. */
    async deleteExpiredSessions(nowIso: string, idleSinceIso: string): Promise<void> {
      await db.delete(authSessions).where(or(lt(authSessions.expiresAt, nowIso), lt(authSessions.lastSeenAt, idleSinceIso)));
    },

    /** A new password also ends the calendar feed link, as it ends the other sessions. */
    async updatePassword(userId: number, passwordHash: string, changedAt: string): Promise<void> {
      await db.update(users).set({ passwordHash, passwordChangedAt: changedAt, calendarToken: null }).where(eq(users.id, userId));
    },

    /**
     * Write an attempt before its password is checked; its id orders it among parallel attempts
     * (one statement: atomic, and serialised by the database across instances).
     */
    async insertAttempt(row: { key: string; event: string; actorId: number | null; ip: string; at: string }): Promise<number> {
      const [inserted] = await db
        .insert(auditLog)
        .values({ at: row.at, actorId: row.actorId, event: row.event, entity: LOGIN_ATTEMPT_ENTITY, entityId: row.key, detail: `ip=${row.ip}` })
        .returning({ id: auditLog.id });
      if (!inserted) throw new Error('login attempt was not stored');
      return inserted.id;
    },

    /** What became of an attempt: `….failure`, `….success`, `….throttled` or `….busy`. */
    async settleAttempt(id: number, event: string, actorId: number | null): Promise<void> {
      await db.update(auditLog).set({ event, actorId }).where(eq(auditLog.id, id));
    },

    /** The attempts for one key written before attempt `beforeId`, since `sinceIso`, newest first. */
    async attemptsBefore(key: string, beforeId: number, sinceIso: string, limit: number): Promise<Array<{ event: string; at: string }>> {
      return db
        .select({ event: auditLog.event, at: auditLog.at })
        .from(auditLog)
        .where(and(eq(auditLog.entity, LOGIN_ATTEMPT_ENTITY), eq(auditLog.entityId, key), gte(auditLog.at, sinceIso), lt(auditLog.id, beforeId)))
        .orderBy(desc(auditLog.id))
        .limit(limit);
    },

    /** Failed (or unfinished) sign-ins from one address, any username, written before `beforeId` since `sinceIso`. */
    async addressFailuresBefore(ip: string, beforeId: number, sinceIso: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            gte(auditLog.at, sinceIso),
            eq(auditLog.entity, LOGIN_ATTEMPT_ENTITY),
            eq(auditLog.detail, `ip=${ip}`),
            lt(auditLog.id, beforeId),
            inArray(auditLog.event, ['login.failure', 'login.attempt']),
          ),
        );
      return row?.n ?? 0;
    },
  };
}

export type AuthRepo = ReturnType<typeof createAuthRepo>;
