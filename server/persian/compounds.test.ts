import { describe, expect, it } from 'vitest';
import { termOf } from './analyze';
import { joinedTerms, splitCompound, MAX_SPLIT_LETTERS } from './compounds';

/** A toy vocabulary: index term → sessions holding it. */
const VOCABULARY = new Map<string, number>([
  ['برون', 3],
  ['سپار', 5],
  ['بهرهور', 2],
  ['دانش', 40],
  ['گه', 1],
  ['کتاب', 9],
]);
const df = (term: string) => VOCABULARY.get(term) ?? 0;

describe('splitCompound', () => {
  it('splits a joined compound into the parts the index holds', () => {
    expect(splitCompound('برونسپاری', termOf, df)).toMatchObject({ terms: ['برون', 'سپار'], parts: ['برون', 'سپاری'], support: 3 });
  });

  it('lets a bare ending stand for the second part', () => {
    expect(splitCompound('کتابهایی', termOf, df)?.terms).toEqual(['کتاب']);
  });

  it('finds nothing when a part is unknown, the first part is a stop word, or the word is absurdly long', () => {
    expect(splitCompound('برونکاری', termOf, df)).toBeNull();
    expect(splitCompound('ازکتاب', termOf, df)).toBeNull();
    expect(splitCompound('ب'.repeat(MAX_SPLIT_LETTERS + 1), termOf, () => 1)).toBeNull();
  });
});

describe('joinedTerms', () => {
  it('joins adjacent words the index holds as one term', () => {
    expect(joinedTerms(['رشد', 'بهره', 'وری'], termOf, df)).toEqual([{ at: 1, term: 'بهرهور', joined: 'بهرهوری' }]);
  });

  it('never joins a stop word onto the next word', () => {
    expect(joinedTerms(['به', 'رهوری'], termOf, () => 1)).toEqual([]);
  });
});
