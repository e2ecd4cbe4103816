import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits at Persian and Latin sentence ends and keeps offsets verbatim', () => {
    const text = 'وی گفت: باید اقدام کنند. آیا آماده‌اید؟ بله!\nپایان';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['وی گفت: باید اقدام کنند.', 'آیا آماده‌اید؟', 'بله!', 'پایان']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('does not split decimals or an ellipsis inside a sentence', () => {
    expect(splitSentences('رشد ۳.۵ درصد بود و ... ادامه یافت.').length).toBe(1);
  });
});
