/**
 * @module A user's secret calendar feed URL: made with a scope (replacing any earlier one), revoked,
 * and resolved back to its owner. Tokens are stored hashed: a copy of the database does not open
 * anyone's feed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CalendarScope } from '../db/schema';
import { AppError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { calendarScopeProblem, defaultCalendarScope } from './calendar-scope';
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
    /** Whether my feed is on, and what it shows. */
    async status(user: AuthUser): Promise<{ active: boolean; scope: CalendarScope | null }> {
      const { hash, scope } = await repo.of(user.id);
      return hash ? { active: true, scope: scope ?? defaultCalendarScope(user) } : { active: false, scope: null };
    },

    /**
     * A new token for the user (shown once) showing `scope` (the role's default when omitted);
     * any earlier one stops working. A scope the user may not have is refused (403).
     */
    async create(user: AuthUser, requested?: CalendarScope): Promise<{ token: string; scope: CalendarScope }> {
      const scope = requested ?? defaultCalendarScope(user);
      const problem = calendarScopeProblem(user, scope);
      if (problem) throw new AppError(403, 'calendar_scope_not_allowed', problem);
      const token = randomBytes(24).toString('base64url');
      await repo.set(user.id, tokenHash(token), scope);
      return { token, scope };
    },

    async revoke(user: AuthUser): Promise<void> {
      await repo.set(user.id, null, null);
    },

    /** The enabled account a token belongs to, or undefined. */
    async owner(token: string) {
      const owner = await repo.ownerOf(tokenHash(token));
      return owner && !owner.disabled ? owner : undefined;
    },
  };
}

export type CalendarTokenService = ReturnType<typeof createCalendarTokenService>;
