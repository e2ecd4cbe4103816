/**
 * @module The one Persian normaliser: indexing, queries, highlighting, directive
 * detection and name matching all fold text the same way (rules in
 * docs/decisions.md: Persian normalisation), and every output character remembers which
 * original characters it came from so highlights point at what the user sees.
 */
import { ARABIC_TO_PERSIAN } from './letters';

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
  ...ARABIC_TO_PERSIAN, // Arabic yeh, alef maksura, Arabic kaf
  '\u06D2': '\u06CC', // yeh barree
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

/** Folded output per BMP code unit, one table per option set (indexing 15M characters stays fast). */
const foldTables = new Map<string, Array<string | undefined>>();

function foldTable(opts: Required<NormalizeOptions>): Array<string | undefined> {
  const key = `${opts.zwnj}|${opts.foldAlefMadda}|${opts.foldHamzaSeats}|${opts.lowerCase}`;
  let table = foldTables.get(key);
  if (!table) {
    table = new Array<string | undefined>(0x10000);
    foldTables.set(key, table);
  }
  return table;
}

/** Fold one code point: NFKC (it may expand: ﻻ → لا), then the letter rules. */
function foldRaw(raw: string, opts: Required<NormalizeOptions>): string {
  let folded = '';
  for (const piece of raw.normalize('NFKC')) folded += foldCodePoint(piece, opts);
  return folded;
}

/**
 * Normalise Persian text and keep the map back to the original.
 *
 * @example
 * normalizeWithMap('مي‌شود').text // 'می شود'
 */
export function normalizeWithMap(original: string, options: NormalizeOptions = {}): NormalizedText {
  const opts = withDefaults(options);
  const table = foldTable(opts);
  let capacity = original.length + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let text = '';
  let n = 0;
  let i = 0;
  // Characters the fold leaves as they are are copied a run at a time: appending one character at a
  // time built a string of a million pieces for a long text (most of the time went to flattening it).
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) text += original.slice(runStart, end);
  };
  while (i < original.length) {
    const unit = original.charCodeAt(i);
    if (unit === 0x26 && original.startsWith(SOFT_HYPHEN_ENTITY, i)) {
      flush(i);
      i += SOFT_HYPHEN_ENTITY.length;
      runStart = i;
      continue;
    }
    let width = 1;
    let folded: string;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < original.length) {
      const code = original.codePointAt(i) ?? 0;
      width = code > 0xffff ? 2 : 1;
      folded = foldRaw(original.slice(i, i + width), opts);
    } else {
      const cached = table[unit];
      if (cached === undefined) {
        folded = foldRaw(original[i] ?? '', opts);
        table[unit] = folded;
      } else folded = cached;
    }
    if (folded.length > 0) {
      if (n + folded.length > capacity) {
        capacity = capacity * 2 + folded.length;
        const s2 = new Int32Array(capacity);
        s2.set(starts);
        starts = s2;
        const e2 = new Int32Array(capacity);
        e2.set(ends);
        ends = e2;
      }
      for (let k = 0; k < folded.length; k++) {
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    const unchanged = width === 1 && folded.length === 1 && folded.charCodeAt(0) === unit;
    if (!unchanged) {
      flush(i);
      text += folded;
      runStart = i + width;
    }
    i += width;
  }
  flush(original.length);
  return { text, starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/**
 * Normalise Persian text for comparison, indexing or querying.
 *
 * @example
 * normalizePersian('كتاب‌هاي ۱۲') // 'کتاب های 12'
 */
export function normalizePersian(text: string, options: NormalizeOptions = {}): string {
  // normalizeWithMap's text without its map (two offset arrays as long as the text, then copied):
  // the same folds, run by run; about half the time of a paragraph's normalisation went to the map.
  const opts = withDefaults(options);
  const table = foldTable(opts);
  let out = '';
  let i = 0;
  let runStart = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit === 0x26 && text.startsWith(SOFT_HYPHEN_ENTITY, i)) {
      if (i > runStart) out += text.slice(runStart, i);
      i += SOFT_HYPHEN_ENTITY.length;
      runStart = i;
      continue;
    }
    let width = 1;
    let folded: string;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const code = text.codePointAt(i) ?? 0;
      width = code > 0xffff ? 2 : 1;
      folded = foldRaw(text.slice(i, i + width), opts);
    } else {
      const cached = table[unit];
      if (cached === undefined) {
        folded = foldRaw(text[i] ?? '', opts);
        table[unit] = folded;
      } else folded = cached;
    }
    if (!(width === 1 && folded.length === 1 && folded.charCodeAt(0) === unit)) {
      if (i > runStart) out += text.slice(runStart, i);
      out += folded;
      runStart = i + width;
    }
    i += width;
  }
  if (text.length > runStart) out += text.slice(runStart);
  return out;
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
