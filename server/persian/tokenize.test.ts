import { describe, expect, it } from 'vitest';
import { toOriginalSpan } from './normalize';
import { splitWords, tokenizePersian, WORD_PATTERN } from './tokenize';

const words = (text: string) => tokenizePersian(text).tokens.map((t) => t.text);

describe('tokenizePersian', () => {
  it('splits on Persian punctuation and guillemets', () => {
    expect(words('«سلام»، دنیا؟ خوب؛ بله!')).toEqual(['سلام', 'دنیا', 'خوب', 'بله']);
  });

  it('keeps digits and Latin words as tokens', () => {
    expect(words('ماده ۲۷ قانون TVTO')).toEqual(['ماده', '27', 'قانون', 'tvto']);
  });

  it('gives one token for می‌شود, می شود and میشود', () => {
    expect(words('می‌شود')).toEqual(['میشود']);
    expect(words('می شود')).toEqual(['میشود']);
    expect(words('میشود')).toEqual(['میشود']);
    expect(words('نمی‌توان')).toEqual(['نمیتوان']);
  });

  it('leaves plural and comparative endings written apart as their own tokens', () => {
    expect(words('خانه‌ها')).toEqual(['خانه', 'ها']);
    expect(words('خانه ای')).toEqual(['خانه', 'ای']);
  });

  it('never joins particles across punctuation or onto Latin words', () => {
    expect(words('می، شود')).toEqual(['می', 'شود']);
    expect(words('می. شود')).toEqual(['می', 'شود']);
    expect(words('می tvto')).toEqual(['می', 'tvto']);
  });

  it('gives offsets that map back to the original characters', () => {
    const original = 'كتاب را مي‌خواند';
    const { normalized, tokens } = tokenizePersian(original);
    const reads = tokens[2];
    expect(reads?.text).toBe('میخواند');
    if (!reads) return;
    const [s, e] = toOriginalSpan(normalized, reads.start, reads.end);
    expect(original.slice(s, e)).toBe('مي‌خواند');
  });

  it('returns no tokens for punctuation only', () => {
    expect(splitWords('؟!، - : ^ ~ * +')).toEqual([]);
  });
});

describe('tokenizePersian: glued numbers and endings written apart', () => {
  it('splits a number glued to its word, in any digits', () => {
    expect(words('ماده۲۷')).toEqual(['ماده', '27']);
    expect(words('ماده27')).toEqual(['ماده', '27']);
    expect(words('۱۴۰۰ها')).toEqual(['1400', 'ها']);
  });

  it('joins ترین, تر and گری written apart onto their word, as they are written joined', () => {
    expect(words('مهم ترین')).toEqual(['مهمترین']);
    expect(words('مهم‌ترین')).toEqual(['مهمترین']);
    expect(words('تصدی گری')).toEqual(['تصدیگری']);
    expect(words('بیش تر از')).toEqual(['بیشتر', 'از']);
    // Not across punctuation, and not onto a number.
    expect(words('مهم، ترین')).toEqual(['مهم', 'ترین']);
    expect(words('27 تر')).toEqual(['27', 'تر']);
  });
});

describe('splitWords is WORD_PATTERN', () => {
  const reference = (text: string) => [...text.matchAll(WORD_PATTERN)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  // Persian and Arabic letters and digits, marks, ZWNJ, Latin, punctuation, astral letters and digits, lone surrogates.
  const pieces = ['ک', 'ي', 'ۀ', 'ً', 'ُ', '\u200c', '\u200d', ' ', '،', '.', '۲', '٣', '7', 'a', 'É', '\u0301', '-', '𝐀', '𝟙', '😀', '\ud800', '\udc00', '\u0640', 'ﻻ', '\u00b2', 'Ⅻ', '\n', '«'];
  it('gives the same tokens as matching the pattern, on mixed text and random strings', () => {
    const texts = ['سلام، دنیا!', 'ماده۲۷ قانون ۱۲٬۵۰۰ (مصوب 1390)', 'كتاب‌هاي درسیِ 𝐀𝐁۳ 😀 می شود', ''];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 3000; t++) {
      let s = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) s += pieces[Math.floor(random() * pieces.length)];
      texts.push(s);
    }
    for (const text of texts) expect(splitWords(text), JSON.stringify(text)).toEqual(reference(text));
  });
});
