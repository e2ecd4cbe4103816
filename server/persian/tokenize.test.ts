import { describe, expect, it } from 'vitest';
import { toOriginalSpan } from './normalize';
import { splitWords, tokenizePersian } from './tokenize';

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
