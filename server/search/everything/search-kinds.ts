/**
 * @module What a search may look through, named in `kinds=` and shown as groups in this order:
 * sessions, directives, actions, follow-ups (notes, comments, letters). Pure.
 */
import { BadRequestError } from '../../errors';

export const searchKinds = ['sessions', 'directives', 'actions', 'followups'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Group headings on the page. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  sessions: 'نشست‌ها',
  directives: 'رهنمودها',
  actions: 'اقدام‌ها',
  followups: 'پیگیری‌ها و نامه‌ها',
};

/**
 * A comma-separated `kinds` parameter as kinds in page order; `all` (or `*`) is every kind. An
 * unknown name is refused (400 `invalid_kind`), never ignored, so a typo does not hide a group.
 *
 * @example
 * parseSearchKinds('actions,directives') // ['directives', 'actions']
 */
export function parseSearchKinds(text: string): SearchKind[] {
  const wanted = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (wanted.includes('all') || wanted.includes('*')) return [...searchKinds];
  const unknown = wanted.filter((w) => !(searchKinds as readonly string[]).includes(w));
  if (unknown.length > 0 || wanted.length === 0) {
    throw BadRequestError('invalid_kind', `نوع جست‌وجوی ناشناخته: «${unknown.join('، ') || text}». یکی از ${searchKinds.join('، ')} را بنویسید.`, { unknown, known: searchKinds });
  }
  return searchKinds.filter((k) => wanted.includes(k));
}
