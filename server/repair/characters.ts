/**
 * @module Character-level repairs of one line of imported text: HTML entities, soft
 * hyphens, and the Persian normalisation that is safe to show (letters, presentation
 * forms, invisible marks), each change counted so it can be listed.
 */
import { ARABIC_TO_PERSIAN } from '../persian/letters';

/** Named entities that turn up in text copied from web pages and PDFs. */
const NAMED_ENTITIES: Record<string, string> = {
  shy: '\u00AD',
  nbsp: ' ',
  zwnj: '\u200C',
  zwj: '',
  lrm: '',
  rlm: '',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  laquo: '«',
  raquo: '»',
  hellip: '…',
  ndash: '–',
  mdash: '—',
};

export interface CharacterChange {
  kind: 'entity' | 'soft-hyphen' | 'normalize';
  /** What was found, e.g. '&shy;' or 'ي'. */
  before: string;
  /** What replaced it ('' when removed). */
  after: string;
  count: number;
}

export interface CharacterRepair {
  text: string;
  changes: CharacterChange[];
}

function record(changes: Map<string, CharacterChange>, change: Omit<CharacterChange, 'count'>): void {
  const key = `${change.kind}\u0000${change.before}\u0000${change.after}`;
  const existing = changes.get(key);
  if (existing) existing.count++;
  else changes.set(key, { ...change, count: 1 });
}

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FC]/u;

/** Letters folded for display: Arabic yeh/kaf to the Persian ones, Arabic-Indic digits to Persian. */
const DISPLAY_LETTERS: Record<string, string> = {
  ...ARABIC_TO_PERSIAN,
  '\u06D2': '\u06CC',
  '\u00AC': '\u200C',
  '\u00A0': ' ',
  '\t': ' ',
};
for (let i = 0; i < 10; i++) DISPLAY_LETTERS[String.fromCharCode(0x0660 + i)] = String.fromCharCode(0x06f0 + i);

/** Invisible or decorative characters that never belong in stored text (ZWNJ is kept). */
const INVISIBLE = /[\u0640\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/**
 * Decode HTML entities in a line (named and numeric).
 *
 * @example
 * decodeEntities('بودجه&shy;های').text // 'بودجه\u00ADهای'
 */
export function decodeEntities(line: string): CharacterRepair {
  if (!line.includes('&')) return { text: line, changes: [] };
  const changes = new Map<string, CharacterChange>();
  const text = line.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    let decoded: string | undefined;
    if (body.startsWith('#x') || body.startsWith('#X')) decoded = safeCodePoint(parseInt(body.slice(2), 16));
    else if (body.startsWith('#')) decoded = safeCodePoint(parseInt(body.slice(1), 10));
    else decoded = NAMED_ENTITIES[body.toLowerCase()];
    if (decoded === undefined) return entity;
    record(changes, { kind: 'entity', before: entity, after: decoded });
    return decoded;
  });
  return { text, changes: [...changes.values()] };
}

function safeCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/**
 * Soft hyphens: between two Persian letters a PDF's soft hyphen stands where a ZWNJ
 * belongs («بودجه‌های»), so it becomes one; anywhere else it is removed.
 *
 * @example
 * repairSoftHyphens('بودجه\u00ADهای').text // 'بودجه\u200Cهای'
 */
export function repairSoftHyphens(line: string): CharacterRepair {
  if (!line.includes('\u00AD')) return { text: line, changes: [] };
  const changes = new Map<string, CharacterChange>();
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (ch !== '\u00AD') {
      out += ch;
      continue;
    }
    const between = ARABIC_LETTER.test(line[i - 1] ?? '') && ARABIC_LETTER.test(line[i + 1] ?? '');
    const after = between ? '\u200C' : '';
    record(changes, { kind: 'soft-hyphen', before: '\u00AD', after });
    out += after;
  }
  return { text: out, changes: [...changes.values()] };
}

/** 1 for each UTF-16 unit normalizeForDisplay may change: presentation forms, invisible marks, DISPLAY_LETTERS. */
const DISPLAY_CHANGING = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  const ch = String.fromCharCode(code);
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff) || INVISIBLE.test(ch) || DISPLAY_LETTERS[ch] !== undefined) DISPLAY_CHANGING[code] = 1;
}

/**
 * Persian normalisation that is safe to display: Arabic ي/ك → ی/ک, presentation forms
 * unfolded, Arabic-Indic digits → Persian digits, tatweel and invisible marks removed.
 * ZWNJ, diacritics and the digits' script are otherwise kept.
 *
 * @example
 * normalizeForDisplay('كتاب‌هاي').text // 'کتاب‌های'
 */
export function normalizeForDisplay(line: string): CharacterRepair {
  const changes = new Map<string, CharacterChange>();
  let out = '';
  // Only the characters of DISPLAY_CHANGING can change (all in the BMP, none a surrogate): the runs
  // between them are copied whole.
  let copied = 0;
  for (let i = 0; i < line.length; i++) {
    if (DISPLAY_CHANGING[line.charCodeAt(i)] === 0) continue;
    const ch = line[i] ?? '';
    const code = ch.charCodeAt(0);
    let next = ch;
    if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff && code !== 0xfeff)) next = ch.normalize('NFKC');
    else if (INVISIBLE.test(ch)) next = '';
    else next = DISPLAY_LETTERS[ch] ?? ch;
    // NFKC of a presentation form may itself be an Arabic letter we fold (ﻱ → ي → ی).
    next = [...next].map((c) => DISPLAY_LETTERS[c] ?? c).join('');
    if (next !== ch && ch !== '\t' && ch !== '\u00A0') record(changes, { kind: 'normalize', before: ch, after: next });
    out += line.slice(copied, i) + next;
    copied = i + 1;
  }
  if (copied === 0) return { text: line, changes: [] };
  out += line.slice(copied);
  return { text: out, changes: [...changes.values()] };
}
