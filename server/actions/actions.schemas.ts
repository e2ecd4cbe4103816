/** @module API shapes of action items, follow-ups, evidence and audit entries (validate and document the routes). */
import { z } from '@hono/zod-openapi';
import { actionStatuses, directiveKinds, followUpKinds, priorities } from '../db/schema';
import { recordDateProblem } from '../dates/plausible-dates';
import { oneLineText } from '../security/one-line';
import { parseDate } from '../persian/jalali';
import { dueStates } from './due-dates';
import { transitionNames } from './status-rules';

/** What a bulk change of a directive's actions selects and does (actions/bulk-actions.ts). */
export const bulkScopes = ['all', 'no_report', 'awaiting_verification', 'withdrawal_cancelled', 'selected'] as const;
export const bulkOperations = ['redate', 'extend', 'cancel', 'reassign', 'remind', 'verify', 'reopen'] as const;
export type BulkScope = (typeof bulkScopes)[number];
export type BulkOperation = (typeof bulkOperations)[number];

export const UnitRefSchema = z.object({ code: z.string(), name: z.string(), kind: z.string() }).openapi('ActionUnitRef');

/** A date typed as ISO (2021-02-03) or Jalali (1399-11-15, ۱۳۹۹/۱۱/۱۵); becomes ISO. */
export const DateInput = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const iso = parseDate(value);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'تاریخ نامعتبر است؛ تاریخ شمسی را به شکل سال/ماه/روز بنویسید، مانند ۱۳۹۹/۱۱/۱۵.' });
      return z.NEVER;
    }
    // A real date in an implausible year (1500 for 1400, 0001) is refused with its own code (http/router.ts).
    const problem = recordDateProblem(iso, 'تاریخ');
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem, params: { code: 'date_out_of_range' } });
      return z.NEVER;
    }
    return iso;
  })
  .openapi({ type: 'string', description: 'ISO (2021-02-03) or Jalali (1399-11-15)', example: '1399-11-15' });

export const VersionInput = z.coerce.number().int().min(1).openapi({ description: 'the action version you read', example: 1 });

export const ActionSummarySchema = z
  .object({
    id: z.number().int(),
    version: z.number().int().openapi({ description: 'send back with every change; a stale one gets 409' }),
    status: z.enum(actionStatuses),
    statusLabel: z.string().openapi({ example: 'در حال انجام' }),
    statusReason: z.string().nullable(),
    progress: z.number().int().min(0).max(100),
    priority: z.enum(priorities),
    dueOn: z.string().nullable().openapi({ description: 'ISO date', example: '2021-02-03' }),
    dueOnJalali: z.string().nullable().openapi({ example: '1399-11-15' }),
    dueState: z.enum(dueStates),
    daysLeft: z.number().int().nullable().openapi({ description: 'negative when overdue; from today in Tehran' }),
    unit: UnitRefSchema,
    recipient: UnitRefSchema.nullable(),
    directive: z.object({
      id: z.number().int(),
      anchor: z.string(),
      quote: z.string(),
      kind: z.enum(directiveKinds),
      dueRule: z.string().nullable(),
      speaker: z.string().nullable(),
      refs: z.array(z.string()),
    }),
    session: z.object({
      slug: z.string(),
      title: z.string(),
      heldOn: z.string().nullable(),
      series: z.string().nullable(),
      withdrawn: z.boolean().openapi({ description: 'its session was withdrawn: the action is read-only (managers and its own unit only read it)' }),
    }),
    link: z.string().openapi({ description: 'the directive in place', example: '/sessions/tvto-outsourcing-webinar-1#d-operational-programmes-1400' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('ActionSummary');

export const EvidenceFileSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    url: z.string().openapi({ example: '/api/evidence/7' }),
  })
  .openapi('EvidenceFile');

export const FollowUpSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(followUpKinds),
    author: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
    note: z.string().nullable(),
    replyTo: z.number().int().nullable().openapi({ description: 'the comment this one answers (discussion thread)' }),
    progress: z.number().int().nullable(),
    letterNumber: z.string().nullable(),
    letterDate: z.string().nullable().openapi({ description: 'ISO date' }),
    letterDateJalali: z.string().nullable(),
    files: z.array(EvidenceFileSchema),
    createdAt: z.string(),
  })
  .openapi('FollowUp');

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
    event: z.string().openapi({ example: 'action.status' }),
    before: z.unknown(),
    after: z.unknown(),
    detail: z.string().nullable(),
  })
  .openapi('AuditEntry');

/** The summary's fields at top level, plus what the action page shows. */
export const ActionDetailSchema = ActionSummarySchema.extend({
    timeline: z.array(FollowUpSchema),
    audit: z.array(AuditEntrySchema),
    hasEvidence: z.boolean(),
    permissions: z.object({
      canPostUpdate: z.boolean(),
      canComment: z.boolean().openapi({ description: "write in the action's discussion (the unit's director, managers), also once closed" }),
      canReassign: z.boolean().openapi({ description: 'change unit, due date, priority, recipient (managers)' }),
      transitions: z.array(z.enum(transitionNames)).openapi({ description: 'steps this user may take now' }),
    }),
}).openapi('ActionDetail');

export const ActionListSchema = z
  .object({
    items: z.array(ActionSummarySchema),
    total: z.number().int(),
    /** Across every page of the list, not only the one returned. */
    dueCounts: z
      .object({ overdue: z.number().int(), dueSoon: z.number().int() })
      .openapi({ description: 'overdue and due-soon (or due today) actions of the whole list, every page' }),
    today: z.string().openapi({ description: 'ISO date in Tehran' }),
  })
  .openapi('ActionList');

export const ActionListQuery = z.object({
  unit: z.string().max(100).optional().openapi({ description: 'unit code' }),
  directive: z.coerce.number().int().optional(),
  status: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'comma-separated statuses', example: 'open,in_progress' }),
  overdue: z.enum(['1', 'true']).optional(),
  from: DateInput.optional().openapi({ description: 'sessions held on or after (ISO or Jalali)' }),
  to: DateInput.optional(),
  series: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

const optionalText = (max: number) => z.string().max(max).optional();

export const FollowUpFields = z.object({
  /** Needed only with progress or requestVerification: a note, letter or file is appended without it. */
  version: VersionInput.optional(),
  note: optionalText(10_000),
  progress: z.coerce.number().int().min(0).max(100).optional(),
  letterNumber: oneLineText(100).optional().openapi({ type: 'string' }),
  letterDate: DateInput.optional(),
  /** Ask for verification in the same request, after the update is stored. */
  requestVerification: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .optional()
    .transform((v) => v === true || v === 'true' || v === '1'),
});

export const CommentBody = z
  .object({
    note: z.string().min(1).max(4_000),
    replyTo: z.number().int().min(1).optional().openapi({ description: 'id of the comment answered' }),
  })
  .openapi('CommentRequest');

export const TransitionBody = z
  .object({
    version: VersionInput,
    transition: z.enum(transitionNames),
    reason: optionalText(2_000),
    note: optionalText(10_000),
  })
  .openapi('TransitionRequest');

export const ActionPatchBody = z
  .object({
    version: VersionInput,
    unitCode: z.string().max(100).optional().openapi({ description: 're-assign to another unit' }),
    dueOn: DateInput.optional(),
    priority: z.enum(priorities).optional(),
    recipientCode: z.string().max(100).nullable().optional(),
    reason: optionalText(2_000),
  })
  .openapi('ActionPatch');

export type ActionSummary = z.infer<typeof ActionSummarySchema>;
export type ActionDetail = z.infer<typeof ActionDetailSchema>;
export type FollowUpDto = z.infer<typeof FollowUpSchema>;
export type FollowUpInput = z.infer<typeof FollowUpFields>;

/** `GET /api/sessions/{slug}/carry-over`: open actions of earlier sessions of the series, by directive. */
export const CarryOverSchema = z
  .object({
    session: z.object({ slug: z.string(), series: z.string().nullable() }),
    directives: z.array(
      z.object({
        directive: ActionSummarySchema.shape.directive,
        session: ActionSummarySchema.shape.session,
        link: z.string(),
        actions: z.array(ActionSummarySchema),
        counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
      }),
    ),
    total: z.number().int(),
    today: z.string(),
  })
  .openapi('CarryOver');

export type CarryOver = z.infer<typeof CarryOverSchema>;
