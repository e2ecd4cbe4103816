/** @module Persian text folded for matching what a person types: Arabic ي/ك, hamza forms, ZWNJ or spaces or none, any digits. */
import { toAsciiDigits } from './persian-digits';

/**
 * One form for matching: Arabic yeh and kaf to Persian, alef forms to alef, teh marbuta to heh,
 * diacritics, ZWNJ and every space dropped (so «حرفه‌ای», «حرفه ای» and «حرفهای» match), digits ASCII.
 *
 * @example
 * foldPersian('اردبيل') === foldPersian('اردبیل') // true
 * foldPersian('فنی و حرفه ای') === foldPersian('فنی و حرفه‌ای') // true
 */
export function foldPersian(text: string): string {
  return toAsciiDigits(text)
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\s\u200c\u200d\u200f\u200e]+/g, '')
    .toLowerCase();
}
