/** @module API shapes of the directive record's routes: a tracked directive, publish, assign, roll-up and bulk changes (validate and document the routes). */
import { z } from '@hono/zod-openapi';
import { ActionSummarySchema, bulkOperations, bulkScopes, DateInput } from '../actions/actions.schemas';
import { directiveKinds, directiveStatuses, priorities, sessionStatuses } from '../db/schema';

export const TrackedDirectiveSchema = z
  .object({
    id: z.number().int(),
    anchor: z.string(),
    quote: z.string(),
    kind: z.enum(directiveKinds),
    status: z.enum(directiveStatuses),
    dueRule: z.string().nullable(),
    dueOn: z.string().nullable(),
    dueOnJalali: z.string().nullable(),
    assigneeCode: z.string().nullable(),
    recipientCode: z.string().nullable(),
    session: z.object({
      slug: z.string(),
      title: z.string(),
      heldOn: z.string().nullable(),
      series: z.string().nullable(),
      status: z.enum(sessionStatuses).openapi({ description: "'withdrawn' only ever reaches managers and admins: the directive is then read-only" }),
      withdrawal: z.object({ at: z.string(), reason: z.string() }).nullable().openapi({ description: 'when and why its session was withdrawn' }),
    }),
    link: z.string(),
  })
  .openapi('TrackedDirective');

export const AssignBody = z
  .object({
    units: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(200)
      .openapi({ description: 'unit or group codes; a group fans out to its members', example: ['all-provinces'] }),
    dueOn: DateInput.optional().openapi({ description: "ISO or Jalali; default: the directive's due date" }),
    recipientCode: z.string().max(100).nullable().optional().openapi({ description: "default: the directive's recipient" }),
    priority: z.enum(priorities).optional(),
  })
  .openapi('AssignRequest');

export const AssignResultSchema = z
  .object({
    directive: TrackedDirectiveSchema,
    created: z.array(ActionSummarySchema),
    existing: z.array(ActionSummarySchema).openapi({ description: 'units that already had an action for this directive (left unchanged)' }),
    createdCount: z.number().int(),
    existingCount: z.number().int(),
  })
  .openapi('AssignResult');

export const CountsSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  inProgress: z.number().int(),
  awaitingVerification: z.number().int(),
  done: z.number().int(),
  blocked: z.number().int(),
  cancelled: z.number().int(),
  overdue: z.number().int(),
});

export const RollupSchema = z
  .object({
    directive: TrackedDirectiveSchema,
    today: z.string(),
    counts: CountsSchema,
    units: z.array(ActionSummarySchema),
    reported: z.array(z.number().int()).openapi({ description: 'ids of the actions whose unit has posted a report' }),
    withdrawalCancelled: z
      .array(z.number().int())
      .openapi({ description: "ids of the actions still cancelled because the session was withdrawn (after a restore, reopened with 'reopen')" }),
  })
  .openapi('DirectiveRollup');

export const BulkBody = z
  .object({
    scope: z.enum(bulkScopes).openapi({ description: "all (open ones), no_report, awaiting_verification, or selected (then 'actions')" }),
    actions: z
      .array(z.object({ id: z.number().int().min(1), version: z.number().int().min(1).optional() }))
      .max(1000)
      .optional()
      .openapi({ description: 'with scope selected; a version given is checked (409 when stale, nothing changed)' }),
    operation: z.enum(bulkOperations),
    dueOn: DateInput.optional().openapi({ description: 'redate: the new due date (ISO or Jalali)' }),
    days: z.number().int().min(1).max(365).optional().openapi({ description: 'extend: days added to each due date' }),
    reason: z.string().max(2_000).optional().openapi({ description: 'cancel: required; others: kept in the audit trail' }),
    unitCode: z.string().max(100).optional().openapi({ description: 'reassign: the new unit (one action selected)' }),
  })
  .openapi('BulkActionRequest');

export const BulkResultSchema = z
  .object({
    operation: z.enum(bulkOperations),
    selected: z.number().int(),
    changed: z.array(z.number().int()),
    skipped: z.array(z.object({ id: z.number().int(), unitCode: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('BulkActionResult');

export const PublishDirectiveSchema = z.object({ dueOn: DateInput.optional() }).openapi('PublishRequest');

export type TrackedDirective = z.infer<typeof TrackedDirectiveSchema>;
export type DirectiveRollup = z.infer<typeof RollupSchema>;
