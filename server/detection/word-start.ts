/**
 * @module Matching a pattern only where a word starts, without a leading look-behind: V8 skips
 * ahead to a pattern's first literal, but tries a look-behind such as `(?<![\p{L}\p{N}])` at
 * every position of the text. The patterns of cues and unit names open with a word, so they run
 * without it and each match is checked here instead (the same matches: a rejected one resumes one
 * code point later, where the look-behind would have let the pattern try next).
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether no letter or digit stands just before `at` (what `(?<![\p{L}\p{N}])` asks).
 *
 * @example
 * wordStartsAt('نباید', 1) // false
 */
export function wordStartsAt(text: string, at: number): boolean {
  if (at === 0) return true;
  let from = at - 1;
  const unit = text.charCodeAt(from);
  if (unit >= 0xdc00 && unit <= 0xdfff && from > 0) {
    const high = text.charCodeAt(from - 1);
    if (high >= 0xd800 && high <= 0xdbff) from--;
  }
  return !LETTER_OR_DIGIT.test(text.slice(from, at));
}

/**
 * The next match of a global or sticky unicode pattern (from its lastIndex) that starts a word:
 * what `(?<![\p{L}\p{N}])` + the pattern would find.
 *
 * @example
 * const re = /باید/gu;
 * execAtWordStart(re, 'نباید و باید')?.index // 8
 */
export function execAtWordStart(re: RegExp, text: string): RegExpExecArray | null {
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (wordStartsAt(text, m.index)) return m;
    // A unicode pattern tries code points: past a surrogate pair, not into it.
    re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}
