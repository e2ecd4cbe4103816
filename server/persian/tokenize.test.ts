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

  it('gives one token for خانه‌ها, خانه ها and خانهها, and for chained suffixes', () => {
    expect(words('خانه‌ها')).toEqual(['خانهها']);
    expect(words('خانه ها')).toEqual(['خانهها']);
    expect(words('خانهها')).toEqual(['خانهها']);
    expect(words('خانه‌های ما')).toEqual(['خانههای', 'ما']);
    expect(words('بزرگ‌ترین')).toEqual(['بزرگترین']);
  });

  it('never joins particles across punctuation or onto Latin words', () => {
    expect(words('می، شود')).toEqual(['می', 'شود']);
    expect(words('خانه. ها')).toEqual(['خانه', 'ها']);
    expect(words('tvto ها')).toEqual(['tvto', 'ها']);
  });

  it('gives offsets that map back to the original characters', () => {
    const original = 'در كتاب‌هاي ما';
    const { normalized, tokens } = tokenizePersian(original);
    const book = tokens[1];
    expect(book?.text).toBe('کتابهای');
    if (!book) return;
    const [s, e] = toOriginalSpan(normalized, book.start, book.end);
    expect(original.slice(s, e)).toBe('كتاب‌هاي');
  });

  it('returns no tokens for punctuation only', () => {
    expect(splitWords('؟!، - : ^ ~ * +')).toEqual([]);
  });
});
