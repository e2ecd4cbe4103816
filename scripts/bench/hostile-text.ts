/** @module Text the red-team pass used (issue 12): Persian prose with its punctuation removed, as speech captions arrive; captions; long words. */

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

/** A WebVTT file of about `bytes` bytes whose cues carry no punctuation at all. */
export function captions(bytes: number): string {
  let out = 'WEBVTT\n\n';
  const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) {
    out += `${stamp(i * 2)} --> ${stamp(i * 2 + 2)}\n${unpunctuatedPersian(120, i)}\n\n`;
  }
  return out;
}

const LETTERS = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'];

/** A "word" of `n` Persian letters (no spaces), deterministic for a seed. */
export function longWord(n: number, seed = 1): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += LETTERS[x % LETTERS.length];
  }
  return out;
}
