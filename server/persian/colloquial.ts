/**
 * @module Colloquial Persian as people type it in questions, read back to the written forms texts
 * use: the copula «ـه» (خوبه = خوب است), verb endings «ـه / ـن / ـین» (میگیره، میخورن، میخورین),
 * contracted present stems (میشه، میره، میگه، میتونه) and the vowel «ون» for «ان» (خونه، میدونم).
 * Candidates only: the caller decides what to do with them (search uses them to recognise a
 * colloquial form of a stop word). Pure: no index, no I/O.
 */

/**
 * Colloquial present stems → the written stem (میشه → میشود، میره → میرود، میگه → میگوید،
 * میده → میدهد، میخوام → میخواهم، میتونه → میتواند، میدونم → میدانم، میاد → میآید، میذاره → میگذارد).
 */
export const COLLOQUIAL_PRESENT_STEMS: ReadonlyArray<readonly [colloquial: string, written: string]> = [
  ['ش', 'شو'], ['ر', 'رو'], ['گ', 'گو'], ['د', 'ده'], ['خوا', 'خواه'], ['تون', 'توان'], ['دون', 'دان'],
  ['ا', 'آ'], ['ذار', 'گذار'], ['شین', 'نشین'], ['مون', 'مان'], ['خون', 'خوان'],
];

/** Colloquial verb endings → written (3rd singular «ـه»، 3rd plural «ـن»، 2nd plural «ـین»); the others are written alike. */
const VERB_ENDINGS: ReadonlyArray<readonly [colloquial: string, written: string]> = [
  ['ین', 'ید'], ['ن', 'ند'], ['ه', 'د'], ['یم', 'یم'], ['م', 'م'], ['ی', 'ی'],
];

/** Shortest word read as colloquial (shorter ones are function words). */
const MIN_LETTERS = 3;

const writtenStem = new Map(COLLOQUIAL_PRESENT_STEMS);

/** A verb read from a colloquial word: its prefix, stem (also in its written form) and written ending. */
function verbReadings(word: string, out: Set<string>): void {
  const prefix = /^(?:ن?می|ب|ن)/u.exec(word)?.[0] ?? '';
  for (const [colloquial, written] of VERB_ENDINGS) {
    if (!word.endsWith(colloquial) || word.length - colloquial.length <= prefix.length) continue;
    const stem = word.slice(prefix.length, word.length - colloquial.length);
    // Only an ending that differs, or a contracted stem, makes a different written form.
    if (colloquial !== written) out.add(`${prefix}${stem}${written}`);
    const full = writtenStem.get(stem);
    if (full !== undefined && prefix !== '') {
      out.add(`${prefix}${full}${written}`);
      // A stem ending in a vowel takes a glide before the ending (گو → گوید، آ → آید).
      if (/[اآو]$/u.test(full)) out.add(`${prefix}${full}ی${written}`);
    }
  }
}

/**
 * Written forms a colloquial word may stand for (normalised, particles joined); empty for a word
 * shorter than three letters.
 *
 * @example
 * writtenForms('خوبه') // includes 'خوب' (خوب است)
 * writtenForms('میشه') // includes 'میشود'
 * writtenForms('میتونه') // includes 'میتواند'
 */
export function writtenForms(word: string): string[] {
  if ([...word].length < MIN_LETTERS) return [];
  const out = new Set<string>();
  // «ون» for «ان» / «وان» (خونه → خانه، میتونه → میتوانه), then the endings of each spelling.
  const spellings = [word];
  const at = word.indexOf('ون', 1);
  if (at > 0) spellings.push(`${word.slice(0, at)}ان${word.slice(at + 2)}`, `${word.slice(0, at)}وان${word.slice(at + 2)}`);
  for (const spelling of spellings) {
    if (spelling !== word) out.add(spelling);
    // The copula «ـه»: خوبه → خوب، چیه → چی.
    if (spelling.endsWith('ه')) out.add(spelling.slice(0, -1));
    verbReadings(spelling, out);
  }
  out.delete(word);
  return [...out];
}
