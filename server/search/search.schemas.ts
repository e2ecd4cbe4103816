/** @module zod schemas of the search API (they validate requests and describe the API). */
import { z } from '@hono/zod-openapi';
import { sessionKinds } from '../db/schema';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_LENGTH } from './search-input';
import { SearchGroupSchema } from './everything/everything.schemas';

export const SearchQuerySchema = z.object({
  // The length is checked by the search itself (search-input.ts), which answers query_too_long in Persian.
  q: z
    .string()
    .default('')
    .openapi({ example: 'بودجه ۱۴۰۰', description: `What the user typed; any spelling. No query syntax. At most ${MAX_QUERY_LENGTH} characters (longer: 400 query_too_long).` }),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).openapi({ example: 10 }),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0).openapi({ example: 0 }),
  from: z.string().max(40).optional().openapi({ example: '1399-11-01', description: 'ISO or Jalali date, inclusive' }),
  to: z.string().max(40).optional().openapi({ example: '2021-03-20', description: 'ISO or Jalali date, inclusive' }),
  speaker: z.string().max(200).optional().openapi({ example: 'فیروزی' }),
  kind: z.enum(sessionKinds).optional(),
  prefix: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'))
    .openapi({ description: 'Match the last word as a prefix (search-as-you-type); default: unless q ends with a space' }),
  kinds: z.string().max(200).optional().openapi({
    example: 'sessions,directives,actions,followups',
    description:
      'Also search these kinds (comma list, or all), answered as `groups` in this order. Each is scoped as reading is: published directives for everyone; actions and follow-ups of your own unit unless you are a manager. limit and offset apply per group; from/to read the session date (a follow-up: its letter or posting date); speaker, the directive’s speaker; kind, sessions only.',
  }),
});

export const ParagraphMatchSchema = z
  .object({
    ordinal: z.number().int().openapi({ description: 'Link with #p-<ordinal> on the session page' }),
    speaker: z.string().nullable(),
    score: z.number(),
    snippet: z.string().openapi({ description: 'HTML: escaped text with <mark> around the matched original characters' }),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])).openapi({ description: '[start, end) of each match in the paragraph text' }),
  })
  .openapi('SearchParagraph');

export const SearchHitSchema = z
  .object({
    session: z.object({
      id: z.number().int(),
      slug: z.string(),
      title: z.string(),
      kind: z.string(),
      heldOn: z.string().nullable(),
      speakers: z.array(z.string()),
    }),
    score: z.number(),
    paragraphs: z.array(ParagraphMatchSchema),
  })
  .openapi('SearchHit');

export const SearchPageSchema = z
  .object({
    query: z.string(),
    total: z.number().int().openapi({ description: 'Sessions matching in all' }),
    limit: z.number().int(),
    offset: z.number().int(),
    hits: z.array(SearchHitSchema),
    ignored: z.array(z.string()).openapi({ description: 'Words left out of ranking as too common (normalised); with phrase true, the query was only these and they were matched as an exact phrase' }),
    phrase: z.boolean().openapi({ description: 'True when a query of common words only was matched as an exact phrase' }),
    suggestion: z.string().nullable().openapi({ description: 'The query respelt from the index vocabulary when a word matched nothing («منظورتان … بود؟»)' }),
    groups: z.array(SearchGroupSchema).optional().openapi({ description: 'With kinds: one group per kind asked, with its count (sessions: the hits above)' }),
  })
  .openapi('SearchPage');

export const SpeakerListSchema = z
  .object({
    speakers: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        variants: z.array(z.string()).openapi({ description: 'Other spellings the name arrives in; the filter accepts any' }),
      }),
    ),
  })
  .openapi('SpeakerList');
