/**
 * @module Arabic letters a Persian keyboard layout types (ي، ى، ك) as the Persian letters (ی، ک), for
 * names people type and later compare (a series, a speaker, a tag): «وبينارهاي …» and «وبینارهای …»
 * are one series. Display-safe: nothing else changes (no digits, spaces or ZWNJ).
 */

/** Arabic ي، ى، ك and the Persian letters they stand for: the one table normalisation, display repair and this share. */
export const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = { '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9' };

/**
 * @example
 * persianLetters('حسين فيروزي، املاك') // 'حسین فیروزی، املاک'
 */
export function persianLetters(text: string): string {
  return text.replace(/[يىك]/gu, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch);
}
