import { describe, expect, it } from 'vitest';
import { matchSession } from './highlight';
import { rerankByProximity } from './proximity';
import { parseQuery } from './query';

describe('rerankByProximity', () => {
  const terms = [
    { term: 'واگذار', weight: 2 },
    { term: 'خصوص', weight: 2 },
  ];
  const query = parseQuery('واگذاری به بخش خصوصی', { prefixLast: false });
  const texts = [
    'خصوصی بودن اطلاعات مهم است و واگذاری سهام هم در دستور کار است.',
    'واگذاری به بخش خصوصی در دستور کار استان‌ها قرار گرفت.',
  ];
  const held = texts.map((text) => matchSession([{ ordinal: 0, text, speaker: null }], terms, 1, query.tokens));

  it('counts the query words that stand side by side, stop words gluing the phrase', () => {
    expect(held.map((h) => h.phrases)).toEqual([0, 3]);
  });

  it('moves the hit holding the phrase above one holding the words apart', () => {
    const hits = [
      { id: 'apart', score: 4.2 },
      { id: 'phrase', score: 4.0 },
    ];
    const ranked = rerankByProximity(hits, held, terms, query.words.map((w) => w.stem));
    expect(ranked.map((h) => h.id)).toEqual(['phrase', 'apart']);
    // Without phrases the order stands.
    expect(rerankByProximity(hits, [held[0], held[0]].map((h) => h ?? { phrases: 0, found: new Set<string>() }), terms, []).map((h) => h.id)).toEqual(['apart', 'phrase']);
  });
});
