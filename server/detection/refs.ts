/**
 * @module Legal references in a sentence («ماده ۲۷»، «بند الف»، «تبصره ۲»), written out in one
 * normalised form with Persian digits so the same reference always reads the same.
 */
import { CARDINAL_PATTERN, parsePersianNumber } from '../persian/numbers';

const KINDS = 'ماده|بند|تبصره|اصل|جزء|ردیف';
const LETTERS = 'الف|ب|پ|ت|ث|ج|چ|ح|خ|د|ذ|ر|ز|ژ|س|ش|ص|ض|ط|ظ|ع|غ|ف|ق|ک|گ|ل|م|ن|ی';
const ORDINALS = 'اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم';
const REF = new RegExp(
  `(?<![\\p{L}\\p{N}])(${KINDS})(?:\\s+|\\s*\\(\\s*)(${CARDINAL_PATTERN}|(?:${LETTERS})(?![\\p{L}\\p{N}])|(?:${ORDINALS})(?![\\p{L}\\p{N}])|واحده)\\)?`,
  'gu',
);

function persianDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/**
 * The legal references of a normalised sentence, in order of appearance, without repeats.
 *
 * @example
 * findLegalRefs('در اجرای ماده 27 و تبصره 2 بند الف') // ['ماده ۲۷', 'تبصره ۲', 'بند الف']
 */
export function findLegalRefs(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(REF)) {
    const kind = m[1] ?? '';
    const value = (m[2] ?? '').trim();
    const n = /^(?:اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم)$/u.test(value) ? null : parsePersianNumber(value);
    // «بند» and «اصل» are everyday words too («اصل موضوع»): keep them only with a number or a letter.
    const label = n !== null ? `${kind} ${persianDigits(n)}` : `${kind} ${value}`;
    if (kind !== 'ماده' && kind !== 'تبصره' && n === null && !new RegExp(`^(?:${LETTERS}|${ORDINALS})$`, 'u').test(value)) continue;
    if (!out.includes(label)) out.push(label);
  }
  return out;
}
