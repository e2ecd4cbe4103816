/**
 * @module Reads the JSONL bulk format: one session per line (docs/decisions.md: interfaces), either
 * `paragraphs` (strings or {text, speaker}) or a `body` split on blank lines.
 */
import { z } from 'zod';
import { sessionKinds } from '../../domain';
import { isDateOutOfRange, SessionDateSchema, SlugSchema } from '../front-matter';
import { MediaUrlSchema } from '../media-url';
import { oneLineText } from '../../security/one-line';
import { IngestError } from '../ingest-error';
import type { ParagraphInput, SessionInput } from '../session-input';

const ParagraphEntry = z.union([
  z.string(),
  z.object({
    text: z.string(),
    speaker: z.string().nullish(),
    start: z.number().nonnegative().nullish().describe('media time in seconds'),
    end: z.number().nonnegative().nullish(),
  }),
]);

const JsonlSessionSchema = z
  .object({
    slug: SlugSchema,
    title: oneLineText(500).pipe(z.string().min(1)),
    kind: z.enum(sessionKinds).default('news'),
    heldOn: SessionDateSchema.nullish(),
    tags: z.array(z.string()).default([]),
    series: oneLineText(300).nullish(),
    organiser: z.string().nullish(),
    mediaUrl: MediaUrlSchema.nullish(),
    speakers: z.array(z.string()).optional(),
    paragraphs: z.array(ParagraphEntry).optional(),
    body: z.string().optional(),
  })
  .refine((s) => (s.paragraphs === undefined) !== (s.body === undefined), {
    message: 'هر سطر باید دقیقاً یکی از paragraphs یا body را داشته باشد.',
  });

function toParagraph(entry: z.infer<typeof ParagraphEntry>): ParagraphInput {
  if (typeof entry === 'string') return { text: entry.trim() };
  return {
    text: entry.text.trim(),
    speaker: entry.speaker ?? null,
    mediaStartMs: entry.start === null || entry.start === undefined ? null : Math.round(entry.start * 1000),
    mediaEndMs: entry.end === null || entry.end === undefined ? null : Math.round(entry.end * 1000),
  };
}

/** One JSONL line → a session; `line` is 1-based for error messages. */
export function readJsonlLine(text: string, line: number): SessionInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new IngestError({ code: 'jsonl_malformed', message: 'این سطر JSON معتبر نیست.', line });
  }
  const parsed = JsonlSessionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.');
    throw new IngestError({
      code: isDateOutOfRange(issue) ? 'date_out_of_range' : 'jsonl_invalid',
      message: `سطر نامعتبر است${field ? ` (فیلد ${field})` : ''}: ${issue?.message ?? ''}`,
      line,
    });
  }
  const s = parsed.data;
  const raw = s.paragraphs ?? (s.body ?? '').split(/\r?\n\s*\r?\n/);
  const paragraphs = raw.map(toParagraph).filter((p) => p.text.length > 0);
  if (paragraphs.length === 0) throw new IngestError({ code: 'session_empty', message: 'نشست متنی ندارد.', line });
  return {
    slug: s.slug,
    title: s.title,
    kind: s.kind,
    heldOn: s.heldOn ?? null,
    series: s.series ?? null,
    organiser: s.organiser ?? null,
    sourceKind: 'jsonl',
    sourceText: text,
    mediaUrl: s.mediaUrl ?? null,
    tags: s.tags,
    speakers: s.speakers,
    paragraphs,
    directives: [],
  };
}

/**
 * Every line of a JSONL file, all validated before anything is written.
 *
 * @example
 * readJsonl('{"slug":"a","title":"ب","body":"متن"}\n') // [SessionInput]
 */
export function readJsonl(text: string): SessionInput[] {
  const sessions: SessionInput[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const session = readJsonlLine(lineText, i + 1);
    const previous = seen.get(session.slug);
    if (previous !== undefined) {
      throw new IngestError({ code: 'duplicate_slug', message: `نامک «${session.slug}» در سطر ${previous} هم آمده است.`, line: i + 1 });
    }
    seen.set(session.slug, i + 1);
    sessions.push(session);
  });
  return sessions;
}
