/**
 * @module Derivational relatives of a Persian word: the same thing named another way (آلوده /
 * آلودگی، حمله / حملات، منقرض / انقراض). Candidates only: search keeps those its index holds and
 * weighs them below the word itself. Pure: no index, no I/O.
 */

/**
 * Arabic derived patterns whose verbal noun and participle Persian uses side by side (انقراض /
 * منقرض، انتخاب / منتخب، استخراج / مستخرج، تعامل / متعامل، تخصص / متخصص); ف ع ل stand for the
 * root's three letters, written without short vowels as Persian writes them. The shapes تفعیل / مفعل
 * and افعال / مفعل are left out: unvowelled مفعل is ambiguous (اعلام would meet معلم); measured the same
 * on ParsiNLU train with or without them.
 */
export const ARABIC_PATTERN_PAIRS: ReadonlyArray<readonly [verbalNoun: string, participle: string]> = [
  ['انفعال', 'منفعل'], ['افتعال', 'مفتعل'], ['استفعال', 'مستفعل'], ['تفاعل', 'متفاعل'], ['تفعل', 'متفعل'],
];

const ROOT_SLOTS = new Set(['ف', 'ع', 'ل']);
/** Long vowels and hamza seats are not read as root letters: a weak root changes the pattern's shape. */
const NOT_ROOT = new Set(['ا', 'آ', 'و', 'ی']);

/** The root letters of a word written in a pattern, or null. */
function rootIn(word: string, pattern: string): string[] | null {
  if (word.length !== pattern.length) return null;
  const root: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const slot = pattern[i] ?? '';
    const letter = word[i] ?? '';
    if (ROOT_SLOTS.has(slot)) {
      if (NOT_ROOT.has(letter)) return null;
      root.push(letter);
    } else if (slot !== letter) return null;
  }
  return root;
}

function inPattern(pattern: string, root: readonly string[]): string {
  return pattern.replace('ف', root[0] ?? '').replace('ع', root[1] ?? '').replace('ل', root[2] ?? '');
}

/** Shortest word given relatives by its «ـه» (shorter ones, such as که، به، ده, are function words or too ambiguous). */
const MIN_LETTERS = 4;

/**
 * Relatives of a normalised word, the word itself left out:
 * - «ـه» and «ـگی / ـگان» (آلوده / آلودگی، برنده / برندگان، یائسه / یائسگی);
 * - «ـه» and «ـات» (حمله / حملات, whose stem is حمل: so the past stem of a participle too, پخته / پخت);
 * - an Arabic verbal noun and its participle (ARABIC_PATTERN_PAIRS).
 *
 * @example
 * derivedForms('آلوده') // includes 'آلودگی'
 * derivedForms('حملات') // includes 'حمله'
 * derivedForms('منقرض') // includes 'انقراض'
 */
export function derivedForms(word: string): string[] {
  const out = new Set<string>();
  const n = word.length;
  if (n >= MIN_LETTERS && word.endsWith('ه')) {
    const body = word.slice(0, -1);
    out.add(`${body}گی`);
    out.add(`${body}گان`);
    out.add(`${body}ات`);
  }
  for (const ending of ['گی', 'گان']) if (word.endsWith(ending) && n - ending.length >= 3) out.add(`${word.slice(0, -ending.length)}ه`);
  if (word.endsWith('ات') && n - 2 >= 3) out.add(`${word.slice(0, -2)}ه`);
  for (const [noun, participle] of ARABIC_PATTERN_PAIRS) {
    const fromNoun = rootIn(word, noun);
    if (fromNoun) out.add(inPattern(participle, fromNoun));
    const fromParticiple = rootIn(word, participle);
    if (fromParticiple) out.add(inPattern(noun, fromParticiple));
  }
  out.delete(word);
  return [...out];
}
