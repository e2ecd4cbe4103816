/**
 * @module Brackets a PDF producer drew mirrored in right-to-left lines, put back the right way round.
 * In a Persian line the opening «(» is drawn as the glyph «)», and some producers (Chromium's
 * Skia) name the glyph drawn in the text layer, so «ماده ۲۷» reads »ماده ۲۷«; others (LibreOffice)
 * name the character meant. Which one made the file is told by the lines that hold a whole pair:
 * balanced only when swapped means mirrored. Pure: page texts in, page texts out.
 */

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['«', '»'],
];
/** Each bracket and the one it is drawn as in a right-to-left line. */
const MIRROR: Readonly<Record<string, string>> = Object.fromEntries(PAIRS.flatMap(([open, close]) => [[open, close], [close, open]]));
const RTL_LETTER = /\p{Script=Arabic}/u;
const LTR_LETTER = /\p{Script=Latin}/u;

type Strong = 'R' | 'L' | null;

function strongOf(ch: string): Strong {
  if (RTL_LETTER.test(ch) && !/\p{Nd}/u.test(ch)) return 'R';
  if (LTR_LETTER.test(ch)) return 'L';
  return null;
}

/**
 * Positions of the brackets drawn in right-to-left order in one line: the line reads right to left
 * (its first letter is Persian) and the bracket does not sit between two Latin letters (as in «a (b) c»).
 */
function rtlBrackets(line: string): number[] {
  const chars = [...line];
  const strong = chars.map(strongOf);
  const first = strong.find((s) => s !== null);
  if (first !== 'R') return [];
  const found: number[] = [];
  let before: Strong = 'R';
  chars.forEach((ch, i) => {
    if (strong[i] !== null) {
      before = strong[i] ?? before;
      return;
    }
    if (MIRROR[ch] === undefined) return;
    const after = strong.slice(i + 1).find((s) => s !== null) ?? 'R';
    if (!(before === 'L' && after === 'L')) found.push(i);
  });
  return found;
}

/** Every pair opens before it closes and closes by the end. */
function balanced(brackets: readonly string[]): boolean {
  return PAIRS.every(([open, close]) => {
    let depth = 0;
    for (const b of brackets) {
      if (b === open) depth++;
      else if (b === close && --depth < 0) return false;
    }
    return depth === 0;
  });
}

/**
 * The texts with the brackets of right-to-left lines swapped when the lines that tell show they were
 * mirrored; unchanged otherwise (no line holds a whole pair, or the pairs read the right way round).
 *
 * @example
 * unmirrorBrackets(['طبق »ماده ۲۷« و )پیوست ۲(']) // ['طبق «ماده ۲۷» و (پیوست ۲)']
 */
export function unmirrorBrackets(texts: readonly string[]): string[] {
  let mirrored = 0;
  let logical = 0;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const chars = [...line];
      const brackets = rtlBrackets(line).map((i) => chars[i] ?? '');
      if (brackets.length < 2) continue;
      const asIs = balanced(brackets);
      const swapped = balanced(brackets.map((b) => MIRROR[b] ?? b));
      if (swapped && !asIs) mirrored++;
      if (asIs && !swapped) logical++;
    }
  }
  if (mirrored <= logical) return [...texts];
  return texts.map((text) =>
    text
      .split('\n')
      .map((line) => {
        const chars = [...line];
        for (const i of rtlBrackets(line)) chars[i] = MIRROR[chars[i] ?? ''] ?? chars[i] ?? '';
        return chars.join('');
      })
      .join('\n'),
  );
}
