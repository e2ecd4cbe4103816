/**
 * @module The one check of a session's media link, for every source (the import form and
 * JSON field, markdown front matter, JSONL lines): an absolute http(s) URL, never
 * `javascript:`, `data:` or a local path.
 */
import { z } from 'zod';

export const MEDIA_URL_MESSAGE = 'پیوند رسانه باید نشانی کامل http یا https باشد.';

/**
 * The link as stored (`URL.href`), null for an empty value, or undefined when it is not an
 * http(s) URL.
 *
 * @example
 * parseMediaUrl(' https://example.org/a.mp4 ') // 'https://example.org/a.mp4'
 * parseMediaUrl('javascript:alert(1)') // undefined
 */
export function parseMediaUrl(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** The zod form of parseMediaUrl, for the readers' schemas. */
export const MediaUrlSchema = z.string().transform((value, ctx) => {
  const url = parseMediaUrl(value);
  if (url === undefined) {
    ctx.addIssue({ code: 'custom', message: MEDIA_URL_MESSAGE });
    return z.NEVER;
  }
  return url;
});
