import { describe, expect, it } from 'vitest';
import { crossValidate, listMetric, meanMetric, reorder, trainCoordinateAscent, trainPairwise, trainSoftmax, type RankList } from './learn-ranking';

/** Lists where the first-stage score puts a wrong hit first and the second feature marks the right one. */
function lists(n: number): RankList[] {
  return Array.from({ length: n }, (_, q) => {
    const answer = 1 + (q % 4);
    const feats = Array.from({ length: 6 }, (_, i) => [1 - i * 0.05, i === answer ? 1 : 0]);
    return { set: 'fixture', rel: feats.map((_, i) => (i === answer ? 1 : 0)), feats, relevant: 1, rest: [], metric: 'rr' as const };
  });
}

describe('learned re-ordering', () => {
  const data = lists(40);
  const options = { prior: [1, 0], depth: 6 };

  it('scores a page as ranked and re-ordered', () => {
    const list = data[0];
    if (!list) throw new Error('no fixture');
    expect(listMetric(list, [0, 1, 2, 3, 4, 5])).toBe(0.5);
    expect(listMetric(list, reorder(list, [0, 1], 6))).toBe(1);
    expect(meanMetric(data, null, 6)).toBeCloseTo((1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 4);
  });

  it('learns that the second feature decides, by each trainer', () => {
    for (const w of [trainSoftmax(data, options), trainPairwise(data, options), trainCoordinateAscent(data, { ...options, fixed: new Set([0]) })]) {
      expect(w[1] ?? 0).toBeGreaterThan(0.25); // enough to beat a score gap of 0.25
      expect(meanMetric(data, w, 6)).toBe(1);
    }
  });

  it('keeps the first-stage order where the feature says nothing', () => {
    const flat = data.map((l) => ({ ...l, feats: l.feats.map((f) => [f[0] ?? 0, 0]) }));
    expect(meanMetric(flat, trainSoftmax(flat, options), 6)).toBeCloseTo(meanMetric(flat, null, 6));
  });

  it('cross-validates on folds it did not train on', () => {
    expect(crossValidate(data, 5, (l) => trainCoordinateAscent(l, { ...options, fixed: new Set([0]) }), 6)).toBe(1);
  });
});
