/**
 * @module Which Arabic presentation form a glyph is (isolated, final, initial, medial), so that a
 * PDF reader can tell where a Persian word was cut by a ZWNJ the producer did not write into the
 * text layer. Tables follow the Unicode blocks FB50–FBB1, FBFC–FBFF and FE80–FEFC.
 */

export type JoiningForm = 'isolated' | 'final' | 'initial' | 'medial';

const FORMS: readonly JoiningForm[] = ['isolated', 'final', 'initial', 'medial'];

/** Group sizes from U+FE80 (hamza, alef with madda … yeh, then the four lam-alef ligatures). */
const FE80_GROUPS = [1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4, 2, 2, 2, 2];
/** Group sizes from U+FB50 (alef wasla, beeh, peh … yeh barree with hamza). */
const FB50_GROUPS = [2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 2, 4, 2, 4, 4, 2, 2];

function buildTable(): Map<number, JoiningForm> {
  const table = new Map<number, JoiningForm>();
  const add = (from: number, groups: readonly number[]) => {
    let code = from;
    for (const size of groups) {
      for (let i = 0; i < size; i++) table.set(code + i, FORMS[i] ?? 'isolated');
      code += size;
    }
  };
  add(0xfe80, FE80_GROUPS);
  add(0xfb50, FB50_GROUPS);
  add(0xfbfc, [4]); // Farsi yeh
  return table;
}

const TABLE = buildTable();

/** The joining form of a presentation-form character, or null for any other character. */
export function joiningForm(ch: string): JoiningForm | null {
  const code = ch.codePointAt(0);
  return code === undefined ? null : (TABLE.get(code) ?? null);
}

/** Letters that never join the letter after them (a word may continue after them with no ZWNJ). */
const RIGHT_JOINING_ONLY = new Set('اآأإٱدذرزژوؤةۀءڈڑ'.split(''));

const STANDARD_LETTER = /^[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC]$/u;

/** The standard letter of a character (a presentation form folded with NFKC; ligatures give their last letter). */
function baseLetter(ch: string): string {
  const folded = ch.normalize('NFKC');
  return folded.at(-1) ?? folded;
}

/** Whether a letter joins the one after it when they touch (dual-joining). */
export function joinsNext(ch: string): boolean {
  const letter = baseLetter(ch);
  return STANDARD_LETTER.test(letter) && !RIGHT_JOINING_ONLY.has(letter);
}

/**
 * Whether two touching glyphs of one word were drawn unjoined although the first could join:
 * the first is a final or isolated form, or the second an initial or isolated form. Then the
 * text had a ZWNJ there (خانه‌ها). Null when neither glyph's form is known.
 *
 * @example
 * brokenJoin('\uFEEA', 'ا') // true: heh in final form, then alef (حرفه‌ای)
 */
export function brokenJoin(before: string, after: string): boolean | null {
  if (!joinsNext(before) || !STANDARD_LETTER.test(baseLetter(after))) return false;
  const a = joiningForm(before);
  const b = joiningForm(after);
  if (a === null && b === null) return null;
  if (a === 'initial' || a === 'medial') return false;
  if (b === 'final' || b === 'medial') return false;
  return true;
}
