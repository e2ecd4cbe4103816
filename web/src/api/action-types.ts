/**
 * @module Shapes of the action-tracking API (actions, directives' roll-ups, notifications,
 * reports, units), inferred from the server's schemas (types only: no server code in the web
 * bundle).
 */
import type { z } from 'zod';
import type { ActionDetail, ActionListSchema, ActionSummary, CarryOverSchema, FollowUpDto } from '../../../server/actions/actions.schemas';
import type { AssignBody, AssignResultSchema, BulkBody, BulkResultSchema, RollupSchema, TrackedDirectiveSchema } from '../../../server/directives/directives.schemas';
import type { Dashboard, Figures, PrintReport } from '../../../server/reports/reports.schemas';
import type { ActionStatus, Priority, ReminderKind } from '../../../server/db/schema';
import type { CalendarScope } from '../../../server/domain';
import type { NotificationDto } from '../../../server/notifications/notifications.service';
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
export type ActionList = z.infer<typeof ActionListSchema>;

/** `GET /api/directives/{id}/rollup`. */
export type DirectiveRollup = z.infer<typeof RollupSchema>;
export type RollupCounts = DirectiveRollup['counts'];

/** `POST /api/directives/{id}/actions/bulk`. */
export type BulkRequest = z.input<typeof BulkBody>;
export type BulkOperation = BulkRequest['operation'];
export type BulkResult = z.infer<typeof BulkResultSchema>;

/** `POST /api/directives/{id}/assignments` → 201. */
export type AssignResult = z.infer<typeof AssignResultSchema>;
export type AssignInput = z.input<typeof AssignBody>;

/** `GET /api/sessions/{slug}/carry-over`. */
export type CarryOver = z.infer<typeof CarryOverSchema>;

/** One notification as `GET /api/notifications` lists it. */
export type NotificationItem = NotificationDto;

/** `GET /api/notifications`. */
export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
}

/** Completion figures of a set of actions (rates 0..1, null when there is nothing to rate). */
export type { Figures, Dashboard, PrintReport };
/** `GET /api/reports/dashboard`: its matrix's columns and cells. */
export type MatrixDirective = Dashboard['matrix']['directives'][number];
export type MatrixCell = Dashboard['matrix']['cells'][number];

/** `GET|POST|DELETE /api/calendar/token`. */
export interface CalendarToken {
  active: boolean;
  url: string | null;
  /** What the feed shows; null when it is off. */
  scope: CalendarScope | null;
}

/** `unit`: my unit's actions; `approvals`: awaiting my verification and what I assigned (managers); `all`: all I may read. */
export type { CalendarScope };
