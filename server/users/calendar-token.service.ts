/**
 * @module A user's secret calendar feed URL: made (replacing any earlier one), revoked, and resolved
 * back to its owner. Tokens are stored hashed: a copy of the database does not open anyone's feed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthUser } from '../http/app-env';
import type { CalendarTokenRepo } from './calendar-token.repo';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The feed's address for a token.
 *
 * @example
 * calendarFeedUrl('https://neshast.example/', 'abc') // 'https://neshast.example/api/calendar/abc.ics'
 */
export function calendarFeedUrl(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/api/calendar/${token}.ics`;
}

export function createCalendarTokenService(repo: CalendarTokenRepo) {
  return {
    async isActive(user: AuthUser): Promise<boolean> {
      return Boolean(await repo.hashOf(user.id));
    },

    /** A new token for the user (shown once); any earlier one stops working. */
    async create(user: AuthUser): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await repo.set(user.id, tokenHash(token));
      return token;
    },

    async revoke(user: AuthUser): Promise<void> {
      await repo.set(user.id, null);
    },

    /** The enabled account a token belongs to, or undefined. */
    async owner(token: string) {
      const owner = await repo.ownerOf(tokenHash(token));
      return owner && !owner.disabled ? owner : undefined;
    },
  };
}

export type CalendarTokenService = ReturnType<typeof createCalendarTokenService>;
