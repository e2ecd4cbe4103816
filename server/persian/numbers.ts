/**
 * @module Persian numbers: digits in three scripts and number words (cardinal and
 * ordinal) read into integers, plus a regular-expression fragment that finds them.
 */

const UNITS: Record<string, number> = {
  صفر: 0,
  یک: 1,
  یه: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  شیش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  یازده: 11,
  دوازده: 12,
  سیزده: 13,
  چهارده: 14,
  پانزده: 15,
  پونزده: 15,
  شانزده: 16,
  هفده: 17,
  هجده: 18,
  هیجده: 18,
  نوزده: 19,
  بیست: 20,
  سی: 30,
  چهل: 40,
  پنجاه: 50,
  شصت: 60,
  هفتاد: 70,
  هشتاد: 80,
  نود: 90,
  صد: 100,
  یکصد: 100,
  دویست: 200,
  سیصد: 300,
  چهارصد: 400,
  پانصد: 500,
  ششصد: 600,
  هفتصد: 700,
  هشتصد: 800,
  نهصد: 900,
};

const MULTIPLIERS: Record<string, number> = { هزار: 1000, میلیون: 1_000_000 };

/** Ordinals that are not simply cardinal + «م». */
const IRREGULAR_ORDINALS: Record<string, number> = { اول: 1, نخست: 1, یکم: 1, سوم: 3, سی‌ام: 30, سی‌ام‌: 30 };

/**
 * ASCII digits as Persian ones, for numbers in text people read (messages, notes, calendar entries).
 *
 * @example
 * toPersianDigits('امتیاز 7 در برابر 2') // 'امتیاز ۷ در برابر ۲'
 */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/**
 * Replace Persian (U+06F0–9) and Arabic-Indic (U+0660–9) digits with ASCII ones.
 *
 * @example
 * toAsciiDigits('۱۳۹۹/۱۱/۰۱') // '1399/11/01'
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Fold the spellings this module meets (Arabic yeh/kaf, ZWNJ and spaces) to one form. */
function foldWord(word: string): string {
  return word.replace(/ي|ى/g, 'ی').replace(/ك/g, 'ک').replace(/[\u200C ]+/g, '\u200C').trim();
}

function cardinalWord(word: string): number | null {
  const w = foldWord(word).replace(/\u200C/g, '');
  const unit = UNITS[w];
  return unit === undefined ? null : unit;
}

function ordinalWord(word: string): number | null {
  const w = foldWord(word);
  const irregular = IRREGULAR_ORDINALS[w] ?? IRREGULAR_ORDINALS[w.replace(/\u200C/g, '')];
  if (irregular !== undefined) return irregular;
  // «سی‌ام»، «سی ام»: cardinal ending in a vowel + «ام»; otherwise cardinal + «م» (دهم، بیستم).
  const bare = w.replace(/\u200C/g, '');
  if (bare.endsWith('ام')) {
    const n = cardinalWord(bare.slice(0, -2));
    if (n !== null) return n;
  }
  if (bare.endsWith('مین')) {
    const n = ordinalWord(bare.slice(0, -2));
    if (n !== null) return n;
  }
  // «سهم» is «share», not «third» (سوم).
  if (bare.endsWith('م') && bare !== 'سهم') {
    const n = cardinalWord(bare.slice(0, -1));
    if (n !== null) return n;
  }
  return null;
}

/**
 * Read a Persian number written in digits or words, cardinal or ordinal.
 * Returns null when the text is not a number.
 *
 * @example
 * parsePersianNumber('بیست و پنج') // 25
 * parsePersianNumber('۳')          // 3
 * parsePersianNumber('سی‌ام')      // 30
 * parsePersianNumber('دهم')        // 10
 */
export function parsePersianNumber(text: string): number | null {
  const trimmed = toAsciiDigits(text).trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = foldWord(trimmed)
    .split(/\s+و\s+|\u200Cو\u200C/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  let total = 0;
  let group = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    const pieces = part.split('\u200C').filter((p) => p !== '');
    // «سی‌ام» arrives as one piece pair: rejoin an ordinal suffix.
    const words = pieces.length === 2 && pieces[1] === 'ام' ? [`${pieces[0]}ام`] : pieces;
    for (let k = 0; k < words.length; k++) {
      const word = words[k] ?? '';
      const multiplier = MULTIPLIERS[word];
      if (multiplier !== undefined) {
        total += (group === 0 ? 1 : group) * multiplier;
        group = 0;
        continue;
      }
      const isFinal = last && k === words.length - 1;
      const value = cardinalWord(word) ?? (isFinal ? ordinalWord(word) : null) ?? (/^\d+$/.test(word) ? Number(word) : null);
      if (value === null) return null;
      group += value;
    }
  }
  return total + group;
}

/** Number words longest first, so the alternation prefers «پانزده» over «پا…». */
const NUMBER_WORDS = [...Object.keys(UNITS), ...Object.keys(MULTIPLIERS)].sort((a, b) => b.length - a.length);

/** One cardinal word or digits (any script). */
const ONE_NUMBER = `(?:[0-9\u06F0-\u06F9\u0660-\u0669]+|${NUMBER_WORDS.join('|')})`;

/**
 * A regular-expression fragment (no capture groups) that matches a cardinal number in
 * digits or words, such as «۳»، «ده»، «بیست و پنج». Use it inside a larger pattern on
 * text with Persian ی/ک (run normalizePersian first).
 *
 * @example
 * new RegExp(`(${CARDINAL_PATTERN}) روز`).exec('ظرف ده روز')?.[1] // 'ده'
 */
export const CARDINAL_PATTERN = `${ONE_NUMBER}(?:\\s+و\\s+${ONE_NUMBER})*(?![\\p{L}\\p{N}])`;

/** Ordinal words: «دهم»، «بیست و یکم»، «سی ام»، «سوم»، «اول». */
const ORDINAL_WORD = `(?:${NUMBER_WORDS.filter((w) => !w.endsWith('ه')).join('|')})(?:[\\u200C ]?ام|م)|اول|یکم|سوم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|چهاردهم|پانزدهم|شانزدهم|هفدهم|هجدهم|هیجدهم|نوزدهم`;

/**
 * A regular-expression fragment that matches a day number as digits or as an ordinal
 * word («۱۰»، «دهم»، «بیست و یکم»، «سی‌ام»).
 */
export const DAY_PATTERN = `(?:[0-9\u06F0-\u06F9\u0660-\u0669]{1,2}(?:[\\u200C ]?(?:ام|م))?|(?:(?:بیست|سی)\\s+و\\s+)?(?:${ORDINAL_WORD}))(?![\\p{L}\\p{N}])`;
