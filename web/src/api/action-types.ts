/**
 * @module Shapes of the action-tracking API (actions, directives' roll-ups, notifications,
 * reports, units), inferred from the server's schemas where it exports them and written out
 * where a route keeps its schema to itself (types only: no server code in the web bundle).
 */
import type { z } from 'zod';
import type { ActionDetail, ActionSummary, FollowUpDto } from '../../../server/actions/actions.schemas';
import type { TrackedDirectiveSchema } from '../../../server/directives/directives.schemas';
import type { ActionStatus, NotificationKind, Priority, ReminderKind } from '../../../server/db/schema';
import type { TransitionName } from '../../../server/actions/status-rules';
import type { UnitListSchema } from '../../../server/units/units.schemas';

export type { ActionDetail, ActionSummary, ActionStatus, FollowUpDto, Priority, ReminderKind, TransitionName };
export type DueState = ActionSummary['dueState'];
export type AuditEntry = ActionDetail['audit'][number];
export type EvidenceFile = FollowUpDto['files'][number];
export type TrackedDirective = z.infer<typeof TrackedDirectiveSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
export type Unit = UnitList['items'][number];

/** `GET /api/actions`, `/actions/mine`, `/actions/verification-queue`. */
export interface ActionList {
  items: ActionSummary[];
  total: number;
  /** Overdue and due-soon actions of the whole list (every page). */
  dueCounts: { overdue: number; dueSoon: number };
  /** ISO date in Tehran. */
  today: string;
}

export interface RollupCounts {
  total: number;
  open: number;
  inProgress: number;
  awaitingVerification: number;
  done: number;
  blocked: number;
  cancelled: number;
  overdue: number;
}

/** `GET /api/directives/{id}/rollup`. */
export interface DirectiveRollup {
  directive: TrackedDirective;
  today: string;
  counts: RollupCounts;
  units: ActionSummary[];
  /** Ids of the actions whose unit has posted a report. */
  reported: number[];
}

export type BulkOperation = 'redate' | 'extend' | 'cancel' | 'reassign' | 'remind' | 'verify';

/** `POST /api/directives/{id}/actions/bulk`. */
export interface BulkRequest {
  scope: 'all' | 'no_report' | 'awaiting_verification' | 'selected';
  actions?: Array<{ id: number; version?: number }>;
  operation: BulkOperation;
  dueOn?: string;
  days?: number;
  reason?: string;
  unitCode?: string;
}

export interface BulkResult {
  operation: BulkOperation;
  selected: number;
  changed: number[];
  skipped: Array<{ id: number; unitCode: string; code: string; message: string }>;
}

/** `POST /api/directives/{id}/assignments` → 201. */
export interface AssignResult {
  directive: TrackedDirective;
  created: ActionSummary[];
  existing: ActionSummary[];
  createdCount: number;
  existingCount: number;
}

export interface AssignInput {
  units: string[];
  dueOn?: string;
  recipientCode?: string | null;
  priority?: Priority;
}

/** `GET /api/sessions/{slug}/carry-over`. */
export interface CarryOver {
  session: { slug: string; series: string | null };
  directives: Array<{
    directive: ActionSummary['directive'];
    session: ActionSummary['session'];
    link: string;
    actions: ActionSummary[];
    counts: { open: number; overdue: number };
  }>;
  total: number;
  today: string;
}

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  kindLabel: string;
  /** '' when the action had no due date. */
  dueOn: string;
  dueOnJalali: string;
  /** The reason (returned, cancelled), the new due date, or the message. */
  detail: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
  action: ActionSummary;
}

/** `GET /api/notifications`. */
export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
}

/** Completion figures of a set of actions (rates 0..1, null when there is nothing to rate). */
export interface Figures {
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  open: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

export interface MatrixDirective {
  id: number;
  anchor: string;
  quote: string;
  sessionSlug: string;
  sessionTitle: string;
  heldOn: string | null;
  link: string;
}

export interface MatrixCell {
  unitCode: string;
  directiveId: number;
  actionId: number;
  status: ActionStatus;
  dueState: DueState;
  progress: number;
}

/** `GET /api/reports/dashboard`. */
export interface Dashboard {
  today: string;
  filters: { from: string | null; to: string | null; series: string | null };
  totals: Figures;
  provinces: Array<Figures & { unit: { code: string; name: string } }>;
  matrix: { units: Array<{ code: string; name: string }>; directives: MatrixDirective[]; cells: MatrixCell[] };
  overdue: ActionSummary[];
}

/** `GET /api/reports/print`. */
export interface PrintReport {
  title: string;
  generatedAt: string;
  generatedAtJalali: string;
  scope: { directiveId: number | null; unitCode: string | null };
  figures: Figures;
  actions: ActionSummary[];
}

/** `GET|POST|DELETE /api/calendar/token`. */
export interface CalendarToken {
  active: boolean;
  url: string | null;
}
