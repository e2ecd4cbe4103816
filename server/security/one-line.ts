/**
 * @module One-line fields (titles, series, names, codes typed by people, deadline phrases, letter
 * numbers): a line break, tab or other control character pasted into one becomes a space, bidi
 * controls go, runs of spaces become one and the ends are trimmed. A title pasted with a trailing
 * newline just works; a title with a line break inside can no longer break a list, a CSV row, an
 * ICS line or an e-mail subject.
 */
import { z } from 'zod';
import { stripBidiControls } from './bidi';

/**
 * C0 controls (CR, LF, TAB, NUL …), DEL, C1 controls (NEL U+0085 …), the line and paragraph
 * separators U+2028/U+2029. ZWNJ/ZWJ and LRM/RLM are not controls here: Persian needs them.
 */
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * `text` as one line: controls and breaks become spaces, bidi controls go, whitespace collapses, ends trimmed.
 *
 * @example
 * toOneLine('نشست شورا\r\n') // 'نشست شورا'
 * toOneLine('نشست\nشورا\tاستان') // 'نشست شورا استان'
 */
export function toOneLine(text: string): string {
  return stripBidiControls(text).replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(/\s+/gu, ' ').trim();
}

/**
 * The schema of a one-line field: at most `max` characters as sent, then made one line
 * (`toOneLine`). Chain `.pipe(z.string().min(1, '…'))` where it may not end up empty.
 *
 * @example
 * title: oneLineText(500).optional()
 */
export function oneLineText(max: number) {
  return z.string().max(max).transform(toOneLine);
}
