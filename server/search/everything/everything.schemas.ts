/** @module zod schemas of the groups `GET /api/search?kinds=…` adds beside the session hits. */
import { z } from '@hono/zod-openapi';

const Highlights = z.array(z.tuple([z.number().int(), z.number().int()])).openapi({ description: '[start, end) of each match in the text' });
const Snippet = { snippet: z.string().openapi({ description: 'HTML: escaped text with <mark> around the matched characters' }), highlights: Highlights };
const SessionRef = z.object({ slug: z.string(), title: z.string(), heldOn: z.string().nullable() });
const UnitRef = z.object({ code: z.string(), name: z.string() });

export const DirectiveHitSchema = z
  .object({
    id: z.number().int(),
    anchor: z.string(),
    kind: z.string(),
    speaker: z.string().nullable(),
    dueOn: z.string().nullable(),
    session: SessionRef,
    ...Snippet,
    link: z.string().openapi({ description: 'The quote in its session: /sessions/{slug}#d-{anchor}' }),
    trackLink: z.string().openapi({ description: 'The directive page: /directives/{id}' }),
    score: z.number(),
  })
  .openapi('DirectiveSearchHit');

export const ActionHitSchema = z
  .object({
    id: z.number().int(),
    status: z.string(),
    statusLabel: z.string(),
    statusReason: z.string().nullable(),
    progress: z.number().int(),
    dueOn: z.string().nullable(),
    unit: UnitRef,
    directive: z.object({ id: z.number().int(), ...Snippet }),
    session: SessionRef,
    link: z.string(),
    score: z.number(),
  })
  .openapi('ActionSearchHit');

export const FollowUpHitSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().openapi({ description: 'progress, comment, returned, blocked, … (follow-up kinds)' }),
    author: z.string().nullable(),
    createdAt: z.string(),
    letterNumber: z.string().nullable(),
    letterDate: z.string().nullable(),
    letterMatch: z.boolean().openapi({ description: 'The query named this letter number (any digits, any separators)' }),
    ...Snippet,
    action: z.object({ id: z.number().int(), unit: UnitRef, quote: z.string() }),
    link: z.string().openapi({ description: '/actions/{id}#f-{follow-up id}' }),
    score: z.number(),
  })
  .openapi('FollowUpSearchHit');

const label = z.string().openapi({ description: 'Heading of the group, in Persian' });
const total = z.number().int().openapi({ description: 'Matches of this kind the user may see, in all' });

export const SearchGroupSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sessions'), label, total: total.openapi({ description: "Sessions matching; the items are the page's hits" }) }),
    z.object({ kind: z.literal('directives'), label, total, items: z.array(DirectiveHitSchema) }),
    z.object({ kind: z.literal('actions'), label, total, items: z.array(ActionHitSchema) }),
    z.object({ kind: z.literal('followups'), label, total, items: z.array(FollowUpHitSchema) }),
  ])
  .openapi('SearchGroup');
