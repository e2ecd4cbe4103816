/**
 * @module Arabic letters a Persian keyboard layout types (ي، ى، ك) as the Persian letters (ی، ک), for
 * names people type and later compare (a series, a speaker, a tag): «وبينارهاي …» and «وبینارهای …»
 * are one series. Display-safe: nothing else changes (no digits, spaces or ZWNJ).
 */

const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک' };

/**
 * @example
 * persianLetters('حسين فيروزي، املاك') // 'حسین فیروزی، املاک'
 */
export function persianLetters(text: string): string {
  return text.replace(/[يىك]/gu, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch);
}
