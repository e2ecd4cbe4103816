/** @module Reading values of raw libSQL rows (the repos that write their own SQL): numbers, nullable text and JSON lists. */

/** A number column (NULL as 0). */
export const num = (v: unknown): number => Number(v ?? 0);

/** A text column that may be NULL. */
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A JSON array column as strings; NULL or broken JSON as an empty list. */
export function stringList(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
