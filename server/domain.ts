/**
 * @module The domain's closed sets (kinds, statuses, roles): plain data that pure modules (directive
 * detection, rules) share with the database schema, which re-exports them for its columns.
 */

// Sessions
export const sessionKinds = ['webinar', 'meeting', 'announcement', 'news'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sourceKinds = ['markdown', 'text', 'vtt', 'srt', 'jsonl', 'form', 'pdf', 'docx', 'scan'] as const;
export type SourceKind = (typeof sourceKinds)[number];
/**
 * A draft (an import under review) is hidden from lists, pages and search until published; a
 * withdrawn session (taken back by a manager, with a reason) is hidden again from all but managers.
 */
export const sessionStatuses = ['draft', 'published', 'withdrawn'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

// Units
export const unitKinds = ['headquarters', 'province', 'external', 'group'] as const;
export type UnitKind = (typeof unitKinds)[number];

// Accounts
export const roles = ['admin', 'manager', 'director', 'staff'] as const;
export type Role = (typeof roles)[number];

/** What a calendar feed shows: my unit's actions, my approvals (managers), or everything I may read. */
export const calendarScopes = ['unit', 'approvals', 'all'] as const;
export type CalendarScope = (typeof calendarScopes)[number];

// Directives
export const directiveKinds = ['action', 'instruction', 'policy', 'exhortation'] as const;
export type DirectiveKind = (typeof directiveKinds)[number];
export const directiveStatuses = ['draft', 'published', 'rejected'] as const;
export type DirectiveStatus = (typeof directiveStatuses)[number];

// Actions and follow-ups
export const actionStatuses = ['open', 'in_progress', 'awaiting_verification', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];
/** `comment` is a message of the action's discussion thread (the unit and headquarters); it changes nothing. */
export const followUpKinds = ['progress', 'request_verification', 'returned', 'verified', 'blocked', 'cancelled', 'reopened', 'comment'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

// Reminders
export const reminderKinds = ['due_soon', 'due_today', 'overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
/** What happened to an action, told to the people who need to know (issue 14). */
export const eventKinds = ['assigned', 'report_posted', 'verification_requested', 'verified', 'returned', 'redated', 'reassigned', 'cancelled', 'comment', 'reminder'] as const;
export type EventKind = (typeof eventKinds)[number];
export const notificationKinds = [...reminderKinds, ...eventKinds] as const;
export type NotificationKind = (typeof notificationKinds)[number];
