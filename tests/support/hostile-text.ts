/** @module Text the red-team pass used: Persian prose with its punctuation removed, as speech captions arrive. */

const WORDS = (
  'استان ها موظفند برنامه عملیاتی سال آینده را ظرف دو هفته تهیه کنند و به سازمان برنامه و بودجه ارسال نمایند ' +
  'معاون وزیر در این نشست گفت فروش اموال مازاد و واگذاری طرح ها به بخش خصوصی در دستور کار است ' +
  'مدیران کل باید پیگیری کنند که این کار با فوریت انجام شود و گزارش آن هر ماه به ستاد برسد'
).split(' ');

/**
 * `length` characters of Persian words without any punctuation (deterministic; `seed` shifts the words).
 *
 * @example
 * unpunctuatedPersian(100_000).length // 100000
 */
export function unpunctuatedPersian(length: number, seed = 0): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = seed; size < length; i++) {
    const word = WORDS[i % WORDS.length] ?? 'و';
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}
