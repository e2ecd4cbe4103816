import { describe, expect, it } from 'vitest';
import { boundSentences, splitSentences } from './sentences';

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

describe('boundSentences', () => {
  it('cuts a sentence longer than the bound at spaces, into exact slices that keep every word', () => {
    const text = `${'باید '.repeat(1_000)}پایان`;
    const pieces = boundSentences(splitSentences(text), text, 100);
    expect(pieces.length).toBeGreaterThan(40);
    for (const p of pieces) {
      expect(p.end - p.start).toBeLessThanOrEqual(100);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toBe(p.text.trim());
    }
    expect(pieces.map((p) => p.text).join(' ')).toBe(text);
  });
  it('leaves shorter sentences as they are, and cuts a run without spaces without splitting a character', () => {
    const short = splitSentences('باید اقدام کنند. پایان.');
    expect(boundSentences(short, 'باید اقدام کنند. پایان.', 100)).toEqual(short);
    const emoji = '😀'.repeat(30);
    const pieces = boundSentences(splitSentences(emoji), emoji, 7);
    expect(pieces.map((p) => p.text).join('')).toBe(emoji);
    for (const p of pieces) expect(p.text).toMatch(/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF])+$/);
  });
});
