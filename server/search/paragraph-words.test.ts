import { describe, expect, it } from 'vitest';
import { analyzePersian } from '../persian/analyze';
import { toOriginalSpan } from '../persian/normalize';
import { matchSession, type ParagraphText } from './highlight';
import { paragraphWords, wordPhraseKey, wordSurface, wordTerm } from './paragraph-words';

describe('paragraphWords', () => {
  it('holds the same words, terms and original spans as the analysis chain', () => {
    const text = 'استان‌هاي كشور مي‌توانند اموال مازاد را بر اساس ماده۲۷ بفروشند.';
    const words = paragraphWords(text);
    const chain = analyzePersian(text);
    const ids = [...words.ids];
    const terms = ids.map(wordTerm);
    // Stop words are words too (they glue phrases) but have no term.
    expect(terms.filter((t) => t !== null)).toEqual(chain.terms.map((t) => t.term));
    expect(ids.map(wordSurface)).toContain('میتوانند');
    expect(ids.map(wordPhraseKey)).toContain('را');
    const spans = ids.map((_, i) => [words.spans[2 * i], words.spans[2 * i + 1]]);
    const termSpans = spans.filter((_, i) => terms[i] !== null);
    expect(termSpans).toEqual(chain.terms.map((t) => toOriginalSpan(chain.normalized, t.start, t.end)));
    expect(text.slice(termSpans[0]?.[0], termSpans[0]?.[1])).toBe('استان');
  });

  it('gives a paragraph analysed once the same match as a fresh one, and keeps the analysis', () => {
    const fresh = (): ParagraphText[] => [
      { ordinal: 0, text: 'واگذاری امور به بخش خصوصی', speaker: null },
      { ordinal: 1, text: 'بودجه ۱۴۰۰ و برنامه‌های عملياتي استان‌ها', speaker: 'فیروزی' },
      { ordinal: 2, text: 'هیچ', speaker: null },
    ];
    const terms = [
      { term: 'بودجه', weight: 2 },
      { term: 'عملی', weight: 1 },
      { term: 'بخش', weight: 1 },
    ];
    const kept = fresh();
    const first = matchSession(kept, terms, 3, ['بودجه', 'و', 'برنامه']);
    expect(kept[1]?.words).toBeDefined();
    // Paragraph 2 cannot hold any term: never analysed.
    expect(kept[2]?.words).toBeUndefined();
    const again = matchSession(kept, terms, 3, ['بودجه', 'و', 'برنامه']);
    expect(again).toEqual(first);
    expect(matchSession(fresh(), terms, 3, ['بودجه', 'و', 'برنامه'])).toEqual(first);
    expect(first.paragraphs[0]?.snippet).toContain('<mark>عملياتي</mark>');
  });
});
