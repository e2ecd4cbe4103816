/**
 * @module The one Persian normaliser: indexing, queries, highlighting, directive
 * detection and name matching all fold text the same way (rules in
 * shared/persian/README.md), and every output character remembers which
 * original characters it came from so highlights point at what the user sees.
 */

export interface NormalizeOptions {
  /** 'space' splits ZWNJ-joined parts (indexing, queries); 'keep' leaves U+200C (display, sentences). */
  zwnj?: 'space' | 'keep';
  /** Fold آ to ا (off by default: measured on the corpora before turning on). */
  foldAlefMadda?: boolean;
  /** Fold ؤ to و and ئ to ی. */
  foldHamzaSeats?: boolean;
  /** Lower-case Latin letters (on by default). */
  lowerCase?: boolean;
}

/** Normalised text plus, per output character, the original span it came from. */
export interface NormalizedText {
  text: string;
  /** starts[i] is the original offset of the first source character of output char i. */
  starts: Int32Array;
  /** ends[i] is the original offset just past the source of output char i. */
  ends: Int32Array;
}

const ZWNJ = '\u200C';

/** Characters removed outright: diacritics, tatweel, invisible marks, bidi controls, soft hyphen. */
const DELETED = /[\u064B-\u065F\u0670\u0640\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/u;

const LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh
  '\u0649': '\u06CC', // alef maksura
  '\u06D2': '\u06CC', // yeh barree
  '\u0643': '\u06A9', // Arabic kaf
  '\u0629': '\u0647', // teh marbuta
  '\u06C0': '\u0647',
  '\u06C1': '\u0647',
  '\u06D5': '\u0647',
  '\u06BE': '\u0647',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0671': '\u0627',
  '\u066B': '.',
  '\u066C': ',',
  '\u00AC': ZWNJ,
};

const SOFT_HYPHEN_ENTITY = '&shy;';

function foldCodePoint(ch: string, options: Required<NormalizeOptions>): string {
  if (DELETED.test(ch)) return '';
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  const letter = LETTERS[ch];
  let out = letter ?? ch;
  if (options.foldAlefMadda && out === '\u0622') out = '\u0627';
  if (options.foldHamzaSeats) {
    if (out === '\u0624') out = '\u0648';
    else if (out === '\u0626') out = '\u06CC';
  }
  if (out === ZWNJ && options.zwnj === 'space') out = ' ';
  if (options.lowerCase) out = out.toLowerCase();
  return out;
}

function withDefaults(options: NormalizeOptions): Required<NormalizeOptions> {
  return {
    zwnj: options.zwnj ?? 'space',
    foldAlefMadda: options.foldAlefMadda ?? false,
    foldHamzaSeats: options.foldHamzaSeats ?? false,
    lowerCase: options.lowerCase ?? true,
  };
}

/**
 * Normalise Persian text and keep the map back to the original.
 *
 * @example
 * normalizeWithMap('مي‌شود').text // 'می شود'
 */
export function normalizeWithMap(original: string, options: NormalizeOptions = {}): NormalizedText {
  const opts = withDefaults(options);
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    if (original.startsWith(SOFT_HYPHEN_ENTITY, i)) {
      i += SOFT_HYPHEN_ENTITY.length;
      continue;
    }
    const code = original.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const raw = original.slice(i, i + width);
    // NFKC per code point folds presentation forms; it may expand (ﻻ → لا).
    for (const piece of raw.normalize('NFKC')) {
      const folded = foldCodePoint(piece, opts);
      for (let k = 0; k < folded.length; k++) {
        out.push(folded[k] ?? '');
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Normalise Persian text for comparison, indexing or querying.
 *
 * @example
 * normalizePersian('كتاب‌هاي ۱۲') // 'کتاب های 12'
 */
export function normalizePersian(text: string, options: NormalizeOptions = {}): string {
  return normalizeWithMap(text, options).text;
}

/**
 * Map a span [start, end) of normalised text back to the original string.
 *
 * @example
 * const n = normalizeWithMap('سلامٌ دنيا'); toOriginalSpan(n, 6, 10) // [6, 10]
 */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  const length = normalized.text.length;
  if (length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), length - 1);
  const e = Math.min(Math.max(end, s + 1), length);
  return [normalized.starts[s] ?? 0, normalized.ends[e - 1] ?? 0];
}
