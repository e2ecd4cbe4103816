/**
 * @module The suggestion («منظورتان … بود؟») written as the person typed the query: the index respells
 * normalised tokens (1400, میتواند, استان ها); only the words it changed replace their typed spans, so
 * Persian digits, ZWNJ and the rest of the query stay as they were written. Pure.
 */
import { toOriginalSpan } from '../persian/normalize';
import { tokenizePersian } from '../persian/tokenize';

/**
 * `suggestion` is `tokens` joined by spaces with some respelt; the typed query with those words
 * replaced. Anything that does not line up gives the suggestion as it came.
 *
 * @example
 * respellAsTyped('بودجه ۱۴۰۰ مازات', ['بودجه', '1400', 'مازات'], 'بودجه 1400 مازاد') // 'بودجه ۱۴۰۰ مازاد'
 */
export function respellAsTyped(typed: string, tokens: readonly string[], suggestion: string): string {
  const suggested = suggestion.split(' ');
  if (suggested.length !== tokens.length) return suggestion;
  const { normalized, tokens: found } = tokenizePersian(typed);
  let out = '';
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = suggested[i];
    const token = found[i];
    // The parsed query's tokens are these, each cut to its first letters: a mismatch means they are not.
    if (word === undefined || token === undefined || !token.text.startsWith(tokens[i] ?? '\u0000')) return suggestion;
    if (word === tokens[i]) continue;
    const [start, end] = toOriginalSpan(normalized, token.start, token.end);
    if (start < at) return suggestion;
    out += typed.slice(at, start) + word;
    at = end;
  }
  return (out + typed.slice(at)).trim();
}
