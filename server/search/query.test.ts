import { describe, expect, it } from 'vitest';
import { stemCacheSize, stemPersian } from '../persian/stem';
import { editDistanceOne, isStopWordPhrase, parseQuery } from './query';

describe('parseQuery', () => {
  it('treats lunr syntax characters as separators, never as operators', () => {
    const q = parseQuery('+بودجه -استان ماده:27 ^2 ~1 کتاب*', { prefixLast: false });
    expect(q.words.map((w) => w.surface)).toEqual(['بودجه', 'استان', 'ماده', '27', '2', '1', 'کتاب']);
  });

  it('expands only the last word as a prefix, and only while typing', () => {
    expect(parseQuery('بودجه استا').words.map((w) => w.prefix)).toEqual([false, true]);
    expect(parseQuery('بودجه استان ').words.map((w) => w.prefix)).toEqual([false, false]);
  });

  it('leaves a question’s interrogatives out of ranking, unless the query is nothing else', () => {
    const q = parseQuery('پایتخت ایران کجاست؟ چقدر جمعیت دارد', { prefixLast: false });
    expect(q.words.map((w) => w.stem)).toEqual(['پایتخت', 'ایران', 'جمعیت']);
    expect(q.stopWords).toEqual(['کجاست', 'چقدر', 'دارد']);
    // Still in the tokens: phrases read the query as written.
    expect(q.tokens).toContain('کجاست');
    expect(parseQuery('چیست', { prefixLast: false }).words.map((w) => w.stem)).toEqual(['چیست']);
  });

  it('drops stop words and reports them', () => {
    const q = parseQuery('از این بودجه ', {});
    expect(q.words.map((w) => w.stem)).toEqual(['بودجه']);
    expect(q.stopWords).toEqual(['از', 'این']);
  });

  it('does not report an ending written apart from its word as an ignored word (زرافه‌های آبی)', () => {
    for (const typed of ['زرافه‌های آبی را', 'زرافه های آبی را']) {
      const q = parseQuery(typed, { prefixLast: false });
      expect(q.words.map((w) => w.stem)).toEqual(['زرافه', 'آبی']);
      expect(q.stopWords).toEqual(['را']);
    }
    // Alone, it is a word someone typed, and is said to be left out.
    expect(parseQuery('ها', { prefixLast: false }).stopWords).toEqual(['ها']);
  });

  it('makes typo variants for 5+ letters, and for 4 letters only if the word is unknown', () => {
    const [long, four, three] = parseQuery('دانشگه کتب ملت', { prefixLast: false }).words;
    expect(long?.variants).toContain('دانشگاه');
    expect(long?.variantsOnlyIfUnknown).toBe(false);
    expect(four?.variantsOnlyIfUnknown).toBe(true);
    expect(three?.variants).toEqual([]);
  });

  it('caps a pasted essay at 32 words', () => {
    expect(parseQuery(Array.from({ length: 500 }, (_, i) => `واژه${i}`).join(' ')).words).toHaveLength(32);
  });
});

describe('parseQuery: Persian morphology', () => {
  it('gives a word the index terms of its derivational relatives, not its own stem', () => {
    const [animals, extinct] = parseQuery('چرا حیوانات منقرض می شوند', { prefixLast: false }).words;
    expect(extinct?.derived).toContain('انقراض');
    expect(animals?.derived).not.toContain(animals?.stem);
    const [polluted] = parseQuery('آلوده', { prefixLast: false }).words;
    // آلودگی as indexed: the stemmer strips its ی.
    expect(polluted?.derived).toContain(stemPersian('آلودگی'));
  });

  it('marks a colloquial form of a stop word (خوبه = خوب است), and not an ordinary word', () => {
    const words = parseQuery('چه چیز برای چاقی خوبه', { prefixLast: false }).words;
    expect(words.map((w) => [w.surface, w.colloquialStop])).toEqual([['چاقی', false], ['خوبه', true]]);
  });
});

describe('editDistanceOne', () => {
  it('covers deletion, insertion, substitution and transposition', () => {
    const v = editDistanceOne('کتاب');
    expect(v.has('کتب')).toBe(true);
    expect(v.has('کتابه')).toBe(true);
    expect(v.has('کباب')).toBe(true);
    expect(v.has('تکاب')).toBe(true);
    expect(v.has('کتاب')).toBe(false);
  });
});

describe('typo variants', () => {
  it('are the stems of the edit-distance-1 strings, and those strings do not fill the stem cache', () => {
    const before = stemCacheSize();
    const [word] = parseQuery('دانشگاهیان', { prefixLast: false }).words;
    // The typed word is stemmed through the cache; its ≈ 800 one-off candidates are not.
    expect(stemCacheSize() - before).toBeLessThan(5);
    const expected = new Set([...editDistanceOne('دانشگاهیان')].map((v) => stemPersian(v)).filter((v) => v.length >= 4 && v !== word?.stem));
    expect(new Set(word?.variants)).toEqual(expected);
  });
});

describe('isStopWordPhrase', () => {
  it('is true for a query of common words only, except one short word', () => {
    expect(isStopWordPhrase(parseQuery('می تواند'))).toBe(true);
    expect(isStopWordPhrase(parseQuery('از این به '))).toBe(true);
    expect(isStopWordPhrase(parseQuery('از'))).toBe(false);
    expect(isStopWordPhrase(parseQuery('بودجه از'))).toBe(false);
  });
});
