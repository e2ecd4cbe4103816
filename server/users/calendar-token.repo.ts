/** @module The only drizzle code for a user's calendar feed token (stored hashed on the user's row). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';

export function createCalendarTokenRepo(db: Db) {
  return {
    async hashOf(userId: number): Promise<string | null> {
      const [row] = await db.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.token ?? null;
    },

    /** Replace (or, with null, revoke) the user's token. */
    async set(userId: number, hash: string | null): Promise<void> {
      await db.update(users).set({ calendarToken: hash }).where(eq(users.id, userId));
    },

    async ownerOf(hash: string): Promise<typeof users.$inferSelect | undefined> {
      const [row] = await db.select().from(users).where(eq(users.calendarToken, hash)).limit(1);
      return row;
    },
  };
}

export type CalendarTokenRepo = ReturnType<typeof createCalendarTokenRepo>;
