/** @module Removing bidi control characters that let a name or file name display as something else. */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). ZWNJ/ZWJ and LRM/RLM stay: Persian needs them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` without bidi embedding, override and isolate characters (right-to-left spoofing,
 * e.g. `‮fdp.exe` shown as `exe.pdf`). Apply to names, titles and file names before storing them.
 *
 * @example
 * stripBidiControls('report\u202Efdp.exe'); // 'reportfdp.exe'
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Does `text` contain any of those characters? */
export function hasBidiControls(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/.test(text);
}

/** Marks that set the direction of neutral characters: LRM, RLM, ALM. Free text keeps them; identifiers do not need them. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/g;

/**
 * An identifier typed by a person (a letter number, a series name) without any bidi control or mark:
 * two values that look the same are then the same.
 *
 * @example
 * stripBidiFromIdentifier('۱۲۳\u200F/\u202E۴۵'); // '۱۲۳/۴۵'
 */
export function stripBidiFromIdentifier(text: string): string {
  return stripBidiControls(text).replace(BIDI_MARKS, '');
}
