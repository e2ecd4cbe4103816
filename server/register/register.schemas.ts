/** @module API shapes of the directive register (validate and document its routes). */
import { z } from '@hono/zod-openapi';
import { directiveKinds } from '../db/schema';
import { directiveStates, stripBuckets } from './directive-states';
import { registerSorts } from './register.repo';

export const RegisterFilterQuery = z.object({
  from: z.string().max(20).optional().openapi({ description: 'session date from, Jalali or ISO, any digits', example: '1400-01-01' }),
  to: z.string().max(20).optional().openapi({ example: '1400-12-29' }),
  speaker: z.string().max(100).optional().openapi({ description: 'a known speaker, in any of their spellings', example: 'فیروزی' }),
  series: z.string().max(200).optional(),
  kind: z.enum(directiveKinds).optional(),
  unit: z.string().max(100).optional().openapi({ description: 'unit or group code: directives assigned to it or with an action there', example: 'prov-tehran' }),
  state: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: `comma-separated, any of: ${directiveStates.join(', ')}`, example: 'overdue' }),
  hasDeadline: z.enum(['true', 'false']).optional(),
  q: z.string().max(500).optional().openapi({ description: 'words that must all be in the quote (Persian search, any spelling)', example: 'فروش املاک' }),
});

export const RegisterListQuery = RegisterFilterQuery.extend({
  sort: z.enum(registerSorts).optional().openapi({ description: 'default: relevance with q, else date' }),
  order: z.enum(['asc', 'desc']).optional().openapi({ description: 'default: desc for date, asc otherwise' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const StripUnitSchema = z.object({ code: z.string(), name: z.string(), bucket: z.enum(stripBuckets) });

export const StripCountsSchema = z.object({
  total: z.number().int().openapi({ description: 'actions, cancelled ones included' }),
  done: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  noReport: z.number().int(),
  cancelled: z.number().int(),
});

export const RegisterSessionSchema = z.object({
  slug: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  heldOnJalali: z.string().nullable(),
  series: z.string().nullable(),
});

export const RegisterItemSchema = z
  .object({
    id: z.number().int(),
    anchor: z.string(),
    quote: z.string().openapi({ description: 'verbatim, as in the session' }),
    kind: z.enum(directiveKinds),
    speaker: z.string().nullable().openapi({ description: 'as recorded' }),
    speakerName: z.string().nullable().openapi({ description: 'the known person it is (people.yaml), else as recorded' }),
    session: RegisterSessionSchema,
    deadline: z.string().nullable().openapi({ description: "ISO: the directive's, else its earliest action's" }),
    deadlineJalali: z.string().nullable(),
    dueRule: z.string().nullable(),
    state: z.enum(directiveStates),
    stateLabel: z.string(),
    progress: z.number().int().nullable(),
    counts: StripCountsSchema,
    units: z.array(StripUnitSchema).openapi({ description: 'one entry per unit with an action, cancelled ones left out' }),
    followUps: z.number().int(),
    link: z.string().openapi({ description: 'its place in the session: /sessions/<slug>#d-<anchor>' }),
    trackLink: z.string().openapi({ description: '/directives/<id>' }),
  })
  .openapi('RegisterItem');

export const RegisterPageSchema = z
  .object({
    items: z.array(RegisterItemSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    today: z.string(),
    speakerMatches: z.array(z.string()).nullable().openapi({ description: 'recorded spellings the speaker filter matched' }),
  })
  .openapi('RegisterPage');

export const SummaryQuery = RegisterFilterQuery.extend({ by: z.enum(['speaker', 'series']) });

export const SummaryRowSchema = z
  .object({
    key: z.string().nullable().openapi({ description: 'the speaker filter or series value the row stands for (null: none recorded)' }),
    label: z.string(),
    given: z.number().int(),
    assigned: z.number().int(),
    doneOnTime: z.number().int(),
    doneLate: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int().openapi({ description: 'of the open ones, past their deadline' }),
  })
  .openapi('DirectiveSummaryRow');

export const SummaryPageSchema = z.object({ by: z.enum(['speaker', 'series']), rows: z.array(SummaryRowSchema), today: z.string() }).openapi('DirectiveSummaries');

export const RelatedSchema = z
  .object({
    items: z.array(RegisterItemSchema.extend({ similarity: z.number() })),
  })
  .openapi('RelatedDirectives');

export type RegisterListInput = z.output<typeof RegisterListQuery>;
export type RegisterFilterInput = z.output<typeof RegisterFilterQuery>;
export type RegisterItem = z.infer<typeof RegisterItemSchema>;
