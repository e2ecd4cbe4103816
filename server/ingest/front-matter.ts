/** @module The YAML front matter of a markdown session, validated with zod. */
import { z } from 'zod';
import { sessionKinds } from '../domain';
import { recordDateProblem } from '../dates/plausible-dates';
import { parseDate } from '../persian/jalali';
import { MediaUrlSchema } from './media-url';
import { oneLineText, toOneLine } from '../security/one-line';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,119}$/;

export const SlugSchema = z.string().regex(slugPattern, 'نامک (slug) فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد.');

/** A date in ISO (2021-01-20) or Jalali (1399-11-01), always stored as ISO. */
export const SessionDateSchema = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const iso = value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `تاریخ «${String(value)}» معتبر نیست (نمونه: 1399-11-01 یا 2021-01-20).` });
      return z.NEVER;
    }
    const problem = recordDateProblem(iso, 'تاریخ نشست');
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem, params: { code: 'date_out_of_range' } });
      return z.NEVER;
    }
    return iso;
  });

/** Whether a validation issue is a date out of its plausible bounds (answered as `date_out_of_range`, not as a malformed field). */
export function isDateOutOfRange(issue: unknown): boolean {
  if (typeof issue !== 'object' || issue === null || !('params' in issue)) return false;
  const params = issue.params;
  return typeof params === 'object' && params !== null && 'code' in params && params.code === 'date_out_of_range';
}

export const FrontMatterSchema = z
  .object({
    slug: SlugSchema,
    title: oneLineText(500).pipe(z.string().min(1, 'عنوان خالی است.')),
    kind: z.enum(sessionKinds).default('webinar'),
    heldOn: SessionDateSchema.optional(),
    series: oneLineText(300).pipe(z.string().min(1)).optional(),
    organiser: z.string().min(1).optional(),
    speakers: z.array(z.string().min(1)).default([]),
    tags: z.array(z.union([z.string(), z.number()]).transform((tag) => toOneLine(String(tag)))).default([]),
    source: z.string().optional(),
    mediaUrl: MediaUrlSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
