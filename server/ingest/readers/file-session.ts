/** @module What a file name tells about a session: its slug and, from a «1399-11-01-…» prefix, its date. */
import { basename, extname } from 'node:path';
import { recordDateProblem } from '../../dates/plausible-dates';
import { parseDate } from '../../persian/jalali';
import { toAsciiDigits } from '../../persian/numbers';
import { IngestError } from '../ingest-error';

/** A short stable hash (FNV-1a) for slugs of files named only in Persian. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The session date a file name begins with, held to the plausible-date rules: a prefix that is no
 * date (1399-13-40) or an implausible one (1500-01-01 for 1400-01-01) is an error naming the file,
 * never a silent undated or far-future session.
 */
function dateOfName(fileName: string, prefix: string): string {
  const name = basename(fileName);
  const iso = parseDate(prefix);
  if (!iso) {
    throw new IngestError({ code: 'invalid_date', message: `نام پرونده «${name}» با «${prefix}» آغاز می‌شود که تاریخ درستی نیست؛ نام پرونده را درست کنید (نمونه: 1399-11-01-…) یا تاریخ را از آغاز آن بردارید.`, file: fileName });
  }
  const problem = recordDateProblem(iso, `تاریخ نشست در نام پرونده «${name}»`);
  if (problem) throw new IngestError({ code: 'date_out_of_range', message: problem, file: fileName });
  return iso;
}

/**
 * Slug and date from a file name: «1399-11-01-tvto-webinar.txt» → slug «1399-11-01-tvto-webinar», heldOn 2021-01-20.
 * A date a person typed (`typedHeldOn`) is taken instead, and the name's date is then not read.
 *
 * @example
 * fileSession('1399-11-01-webinar.vtt', '') // { slug: '1399-11-01-webinar', heldOn: '2021-01-20' }
 */
export function fileSession(fileName: string, text: string, typedHeldOn?: string | null): { slug: string; heldOn: string | null } {
  const stem = toAsciiDigits(basename(fileName, extname(fileName)));
  const date = typedHeldOn ? undefined : /^(\d{4}-\d{2}-\d{2})/.exec(stem)?.[1];
  const latin = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const slug = /[a-z]/.test(latin) ? latin : `${latin ? `${latin}-` : ''}session-${shortHash(text)}`;
  return { slug, heldOn: typedHeldOn || (date ? dateOfName(fileName, date) : null) };
}
