/**
 * @module Words the server names in its normalised spelling (میتواند), found back as the person typed
 * them (می تواند, می‌تواند, ميتواند), so the page echoes the person's own spelling.
 */
import { foldPersian } from './fold-persian';

/** Runs of letters, marks, digits and joiners: the words of what was typed, with their places. */
const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
/** A normalised word may span this many typed words (می تواند: two; ن می تواند: three). */
const MAX_SPAN = 3;

/** Only letters and digits, folded: two spellings of one word compare equal. */
function lettersOf(text: string): string {
  return foldPersian(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Each normalised word as it appears in `typed` (one to three typed words, with what stood between
 * them), in the same order; a word not found there is given as it came.
 *
 * @example
 * typedForms('می تواند بودجه', ['میتواند']) // ['می تواند']
 */
export function typedForms(typed: string, words: readonly string[]): string[] {
  const spans = [...typed.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const used = new Set<number>();
  return words.map((word) => {
    const target = lettersOf(word);
    for (let i = 0; i < spans.length; i++) {
      if (used.has(i)) continue;
      for (let j = i; j < Math.min(spans.length, i + MAX_SPAN); j++) {
        if (used.has(j)) break;
        const text = typed.slice(spans[i]?.start ?? 0, spans[j]?.end ?? 0);
        if (lettersOf(text) !== target) continue;
        for (let k = i; k <= j; k++) used.add(k);
        return text;
      }
    }
    return word;
  });
}

/**
 * Whether `typed` holds nothing but `words` (folded, letters and digits only): the query was these words alone.
 *
 * @example
 * onlyTheseWords('از؟', ['از']) // true
 */
export function onlyTheseWords(typed: string, words: readonly string[]): boolean {
  return words.length > 0 && lettersOf(typed) === lettersOf(words.join(''));
}
