/** @module The first words of a long text (a directive's quote in a list, a selection), for tight places. */

/**
 * The first `words` words of `text`, with «…» when anything was cut; short text is kept whole.
 *
 * @example
 * excerpt('استان‌ها موظفند ظرف دو هفته گزارش دهند', 3) // 'استان‌ها موظفند ظرف…'
 */
export function excerpt(text: string, words: number): string {
  const parts = text.split(/\s+/);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : text;
}
