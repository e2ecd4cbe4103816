/** @module The only drizzle code for managing accounts. */
import { asc, count, eq, and, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, authSessions, followUps, units, users } from '../db/schema';
import type { Role } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export function createUsersRepo(db: Db) {
  return {
    async list(): Promise<UserRow[]> {
      return db.select().from(users).orderBy(asc(users.username));
    },

    async byId(id: number): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },

    async byUsername(username: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
      return row;
    },

    async insert(row: NewUserRow): Promise<UserRow> {
      const [created] = await db.insert(users).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async update(id: number, changes: Partial<Pick<UserRow, 'role' | 'unitCode' | 'displayName' | 'disabled' | 'passwordHash' | 'passwordChangedAt'>>): Promise<UserRow | undefined> {
      const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
      return row;
    },

    /** The user's own e-mail settings. */
    async setPreferences(id: number, changes: Partial<Pick<UserRow, 'email' | 'emailEnabled'>>): Promise<UserRow | undefined> {
      const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
      return row;
    },

    /** End every way the user is signed in: sessions and the calendar feed link (a new one must be made). */
    async endSessionsOf(userId: number): Promise<void> {
      await db.batch([db.delete(authSessions).where(eq(authSessions.userId, userId)), db.update(users).set({ calendarToken: null }).where(eq(users.id, userId))]);
    },

    async countActive(role: Role): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, role), eq(users.disabled, false)));
      return row?.n ?? 0;
    },

    /** Who created each account (the audit log's `user.create`): username of the actor, or null (a command, the first start). */
    async creators(): Promise<Map<number, string | null>> {
      const rows = await db
        .select({ entityId: auditLog.entityId, actor: users.username })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(eq(auditLog.event, 'user.create'));
      return new Map(rows.map((r) => [Number(r.entityId), r.actor ?? null]));
    },

    /** Records that name the user as the author of work (follow-ups) or the actor of a change (not signing in). */
    async workCount(userId: number): Promise<number> {
      const [written] = await db.select({ n: count() }).from(followUps).where(eq(followUps.authorId, userId));
      const [acted] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.actorId, userId), sql`${auditLog.event} NOT LIKE 'login.%' AND ${auditLog.event} NOT LIKE 'auth.%'`));
      return (written?.n ?? 0) + (acted?.n ?? 0);
    },

    /** Delete an account; its sign-in records keep their rows without the link to it. */
    async remove(userId: number): Promise<void> {
      await db.batch([
        db.update(auditLog).set({ actorId: null }).where(eq(auditLog.actorId, userId)),
        db.delete(authSessions).where(eq(authSessions.userId, userId)),
        db.delete(users).where(eq(users.id, userId)),
      ]);
    },

    /** The unit's kind (province, group…), or null when there is no such unit. */
    async unitKind(code: string): Promise<string | null> {
      const [row] = await db.select({ kind: units.kind }).from(units).where(eq(units.code, code)).limit(1);
      return row?.kind ?? null;
    },

    async units(): Promise<Array<{ code: string; name: string; kind: string }>> {
      return db.select({ code: units.code, name: units.name, kind: units.kind }).from(units).orderBy(asc(units.kind), asc(units.name));
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
