/** In-app reminders and the audit trail. */
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { notificationKinds } from '../../domain';
import { actionItems } from './actions';
import { units } from './units';
import { users } from './users';

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** The due date the reminder was about: re-dating an action earns new reminders. */
    dueOn: text('due_on').notNull(),
    /** A person this is for (the assigning manager, the verifier); null: the people of `unit_code`. */
    recipientUserId: integer('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Who caused the event; null for reminders. */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The reason (returned, cancelled) or what changed (the new due date), as people read it. */
    detail: text('detail'),
    /** '' for a reminder (one per action, kind and due date); a fresh id for each event, so events repeat. */
    eventKey: text('event_key').notNull().default(''),
    createdAt: text('created_at').notNull(),
    /** No longer written: read state is per user (notification_reads). Kept so old databases migrate without a table rebuild. */
    readAt: text('read_at'),
    emailedAt: text('emailed_at'),
  },
  (t) => [uniqueIndex('notifications_once_per_event').on(t.actionId, t.kind, t.dueOn, t.eventKey),
    index('notifications_unit').on(t.unitCode),
    index('notifications_recipient').on(t.recipientUserId)],
);

/** Who has read which notification: each person's own state (a unit's staff and director, every manager). */
export const notificationReads = sqliteTable(
  'notification_reads',
  {
    notificationId: integer('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: text('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] }), index('notification_reads_user').on(t.userId)],
);

/** Statuses of one day's digest claim: being sent (a lease), sent, or failed (may be claimed again). */
export const digestStatuses = ['sending', 'sent', 'failed'] as const;

/**
 * The daily e-mail digest, one row per user and Tehran day: the unique key is the claim that lets
 * one instance of several send it; a failed send leaves the row 'failed' so a later run retries.
 */
export const emailDigests = sqliteTable(
  'email_digests',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The Tehran day (ISO) the digest is for. */
    day: text('day').notNull(),
    status: text('status', { enum: digestStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    claimedAt: text('claimed_at').notNull(),
    sentAt: text('sent_at'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    /** e.g. login.success, action.status, action.reassign */
    event: text('event').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    detail: text('detail'),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_at').on(t.at)],
);
