/** @module What a file name tells about a session: its slug and, from a «1399-11-01-…» prefix, its date. */
import { basename, extname } from 'node:path';
import { parseDate } from '../../persian/jalali';
import { toAsciiDigits } from '../../persian/numbers';

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
 * Slug and date from a file name: «1399-11-01-tvto-webinar.txt» → slug «1399-11-01-tvto-webinar», heldOn 2021-01-20.
 *
 * @example
 * fileSession('1399-11-01-webinar.vtt', '') // { slug: '1399-11-01-webinar', heldOn: '2021-01-20' }
 */
export function fileSession(fileName: string, text: string): { slug: string; heldOn: string | null } {
  const stem = toAsciiDigits(basename(fileName, extname(fileName)));
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(stem)?.[1];
  const latin = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const slug = /[a-z]/.test(latin) ? latin : `${latin ? `${latin}-` : ''}session-${shortHash(text)}`;
  return { slug, heldOn: date ? parseDate(date) : null };
}
