/** @module The only drizzle code for a user's calendar feed token (stored hashed on the user's row). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, type CalendarScope } from '../db/schema';

export function createCalendarTokenRepo(db: Db) {
  return {
    async of(userId: number): Promise<{ hash: string | null; scope: CalendarScope | null }> {
      const [row] = await db.select({ hash: users.calendarToken, scope: users.calendarScope }).from(users).where(eq(users.id, userId)).limit(1);
      return { hash: row?.hash ?? null, scope: row?.scope ?? null };
    },

    /** Replace (or, with nulls, revoke) the user's token and the scope chosen with it. */
    async set(userId: number, hash: string | null, scope: CalendarScope | null): Promise<void> {
      await db.update(users).set({ calendarToken: hash, calendarScope: scope }).where(eq(users.id, userId));
    },

    async ownerOf(hash: string): Promise<typeof users.$inferSelect | undefined> {
      const [row] = await db.select().from(users).where(eq(users.calendarToken, hash)).limit(1);
      return row;
    },
  };
}

export type CalendarTokenRepo = ReturnType<typeof createCalendarTokenRepo>;
