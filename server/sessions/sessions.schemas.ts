/** @module API shapes of sessions, paragraphs and directives (validate and document the routes). */
import { z } from '@hono/zod-openapi';
import { directiveKinds, directiveStatuses, sessionKinds } from '../db/schema';

export const UnitRefSchema = z.object({ code: z.string(), name: z.string(), kind: z.string() }).openapi('UnitRef');

export const SessionSummarySchema = z
  .object({
    slug: z.string().openapi({ example: 'tvto-outsourcing-webinar-1' }),
    title: z.string(),
    kind: z.enum(sessionKinds),
    heldOn: z.string().nullable().openapi({ description: 'ISO date', example: '2021-01-20' }),
    series: z.string().nullable(),
    organiser: UnitRefSchema.nullable(),
    speakers: z.array(z.string()),
    directiveCount: z.number().int(),
    /** Only managers and admins are ever shown a withdrawn session. */
    status: z.enum(['published', 'withdrawn']),
    version: z.number().int().openapi({ description: 'send it back when correcting or withdrawing (409 when stale)' }),
    correctedAt: z.string().nullable().openapi({ description: 'ISO time of the last correction' }),
    withdrawal: z.object({ at: z.string(), reason: z.string() }).nullable().openapi({ description: 'when and why it was withdrawn (managers only)' }),
  })
  .openapi('SessionSummary');

export const SessionListSchema = z
  .object({
    items: z.array(SessionSummarySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('SessionList');

export const ParagraphSchema = z
  .object({
    ordinal: z.number().int(),
    text: z.string(),
    start: z.number().int().openapi({ description: 'offset in body' }),
    end: z.number().int(),
    speaker: z.string().nullable(),
    mediaStartMs: z.number().int().nullable(),
  })
  .openapi('Paragraph');

export const DirectiveSchema = z
  .object({
    id: z.number().int(),
    anchor: z.string().openapi({ description: 'fragment id: #d-<anchor>' }),
    quote: z.string().openapi({ description: 'verbatim: body.slice(start, end)' }),
    start: z.number().int(),
    end: z.number().int(),
    speaker: z.string().nullable(),
    kind: z.enum(directiveKinds),
    refs: z.array(z.string()),
    assignee: UnitRefSchema.nullable(),
    recipient: UnitRefSchema.nullable(),
    dueRule: z.string().nullable(),
    dueOn: z.string().nullable().openapi({ description: 'ISO date' }),
    status: z.enum(directiveStatuses),
  })
  .openapi('Directive');

export const SessionDetailSchema = SessionSummarySchema.extend({
  body: z.string(),
  mediaUrl: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  notesHtml: z.string().nullable().openapi({ description: 'the notes (markdown) rendered to sanitised HTML' }),
  paragraphs: z.array(ParagraphSchema),
  directives: z.array(DirectiveSchema),
}).openapi('SessionDetail');

export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export type SessionDetail = z.infer<typeof SessionDetailSchema>;
export type DirectiveDto = z.infer<typeof DirectiveSchema>;
