/** Accounts, roles and server-side sign-in sessions. */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { calendarScopes, roles } from '../../domain';
import { units } from './units';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  unitCode: text('unit_code').references(() => units.code),
  email: text('email'),
  /** scrypt$N$r$p$salt$hash, all base64. */
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** The user's own choice: e-mail (the daily digest and reminders) on unless turned off. */
  emailEnabled: integer('email_enabled', { mode: 'boolean' }).notNull().default(true),
  /** Secret for the personal ICS feed; null when revoked. */
  calendarToken: text('calendar_token').unique(),
  /** What the feed shows, chosen when the link was made; null for links made before scopes (role's default). */
  calendarScope: text('calendar_scope', { enum: calendarScopes }),
  createdAt: text('created_at').notNull(),
  passwordChangedAt: text('password_changed_at').notNull(),
});

export const authSessions = sqliteTable(
  'auth_sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('auth_sessions_user').on(t.userId)],
);
