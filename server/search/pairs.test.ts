import { describe, expect, it } from 'vitest';
import { termOf } from '../persian/analyze';
import { tokenizePersian } from '../persian/tokenize';
import { loadPairs, pairKey, pairRow, pairsOf, storePairs } from './pairs';
import { DEFAULT_WEIGHTS, SegmentSet } from './segment-set';
import { parseQuery } from './query';
import type { IndexableSession } from './segment';

const words = (text: string) => tokenizePersian(text).tokens.map((t) => t.text);
const keysOf = (text: string, glue = 2) => {
  const keys: number[] = [];
  pairsOf(words(text), (w) => termOf(w), { glue }, (k) => keys.push(k));
  return keys;
};

function session(id: number, body: string): IndexableSession {
  return { id, slug: `s${id}`, title: `s${id}`, kind: 'webinar', heldOn: null, speakers: [], contentHash: String(id), heading: '', body };
}

describe('adjacent pairs', () => {
  it('reads ordered pairs of stems, stop words between them gluing the phrase', () => {
    // به and بخش are both stop words: two of them glue واگذاری to خصوصی.
    expect(keysOf('واگذاری به بخش خصوصی')).toEqual([pairKey('واگذار', 'خصوص')]);
    expect(keysOf('سهام واگذاری')).toEqual([pairKey('سهام', 'واگذار')]);
    expect(pairKey('واگذار', 'خصوص')).not.toBe(pairKey('خصوص', 'واگذار'));
    // More stop words than the glue allows break the pair.
    expect(keysOf('واگذاری به بخش خصوصی', 1)).toEqual([]);
  });

  it('stores and finds postings by key, documents ascending', () => {
    const a = pairKey('بخش', 'خصوص');
    const table = loadPairs(storePairs([new Map([[a, 1.5]]), new Map(), new Map([[a, 0.75]])]));
    const row = pairRow(table, a);
    expect(row).toBeGreaterThanOrEqual(0);
    expect([...table.docs.subarray(table.offsets[row], table.offsets[row + 1])]).toEqual([0, 2]);
    expect(table.weights[table.offsets[row] ?? 0]).toBeCloseTo(1.5, 2);
    expect(pairRow(table, pairKey('خصوص', 'بخش'))).toBe(-1);
  });

  it('ranks a session holding the query as a phrase above one holding its words apart (when pairs weigh enough)', () => {
    const filler = 'گزارش جلسه امروز درباره برنامه سال آینده بود';
    // Apart holds خصوصی twice: on its words alone it ranks first.
    const apart = session(1, `خصوصی بودن اطلاعات مهم است. ${filler}. واگذاری سهام خصوصی هم در دستور کار است.`);
    const phrase = session(2, `${filler}. واگذاری به بخش خصوصی در دستور کار است. اطلاعات مهم است.`);
    const query = parseQuery('واگذاری به بخش خصوصی', { prefixLast: false });
    const ranked = (pair: number) => {
      const set = new SegmentSet({ ...DEFAULT_WEIGHTS, pair });
      set.addSessions([apart, phrase]);
      return set.search(query, { limit: 10, offset: 0 }).hits;
    };
    expect(ranked(0).map((h) => h.session.id)).toEqual([1, 2]);
    expect(ranked(1).map((h) => h.session.id)).toEqual([2, 1]);
    // The pair adds to the phrase's session only.
    const score = (pair: number, id: number) => ranked(pair).find((h) => h.session.id === id)?.score ?? 0;
    expect(score(0.1, 2)).toBeGreaterThan(score(0, 2));
    expect(score(0.1, 1)).toBeCloseTo(score(0, 1), 6);
  });
});
