/**
 * @module Letter numbers (شماره نامه) as people type them: «۱۲۳/۴۵/د», «123/45/د», «١٢٣ - ٤٥ - د»
 * are one number. A key keeps only letters and digits, folded by the one normaliser, so any of
 * those spellings finds the letter. Pure.
 */
import { normalizePersian } from '../../persian/normalize';

/** Shortest key looked up: one digit and a letter or two digits (a lone «۱» would find half the letters). */
const MIN_KEY_LENGTH = 2;

/**
 * The comparable key of a letter number: normalised (ASCII digits, Persian ی/ک, lower-case), then
 * every separator (slash, dash, dot, space, ZWNJ…) dropped.
 *
 * @example
 * letterKey('۱۲۳/۴۵/د') // '12345د'
 * letterKey('123 - 45 - د') // '12345د'
 */
export function letterKey(text: string): string {
  return normalizePersian(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The keys a query may name a letter by: the whole query and each of its space-separated parts,
 * when it holds a digit and is at least two characters long (most 8 keys).
 *
 * @example
 * letterKeysOf('نامه ۱۲۳/۴۵/د') // ['نامه12345د', '12345د']
 */
export function letterKeysOf(query: string): string[] {
  const keys = new Set<string>();
  const consider = (part: string) => {
    const key = letterKey(part);
    if (key.length >= MIN_KEY_LENGTH && /\p{N}/u.test(key)) keys.add(key);
  };
  consider(query);
  for (const part of query.trim().split(/\s+/u).slice(0, 8)) consider(part);
  return [...keys].slice(0, 8);
}
