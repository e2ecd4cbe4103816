import { describe, expect, it } from 'vitest';
import { placeRepairs, summariseRepairs, type BodyRepair } from './repair-summary';

function repair(kind: BodyRepair['kind'], line: number): BodyRepair {
  return { kind, line, start: line * 10, end: line * 10 + 5, before: 'a', after: 'b', count: 1, note: 'یادداشت' };
}

describe('summariseRepairs', () => {
  it('counts 100,000 joined lines by kind but lists only the first ones', () => {
    const repairs = Array.from({ length: 100_000 }, (_, i) => repair('line-join', i + 1));
    const summary = summariseRepairs(repairs, 200);
    expect(summary.total).toBe(100_000);
    expect(summary.byKind).toEqual({ 'line-join': 100_000 });
    expect(summary.listed).toHaveLength(200);
    expect(summary.listed.map((r) => r.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('lists a reversed line found after thousands of joins, and keeps text order', () => {
    const repairs = [...Array.from({ length: 5_000 }, (_, i) => repair('blank-line-join', i + 1)), repair('reversed-line', 5_001), repair('normalize', 5_002)];
    const summary = summariseRepairs(repairs, 3);
    expect(summary.listed.map((r) => [r.kind, r.line])).toEqual([
      ['blank-line-join', 1],
      ['blank-line-join', 2],
      ['reversed-line', 5_001],
    ]);
    expect(summary.byKind).toEqual({ 'blank-line-join': 5_000, 'reversed-line': 1, normalize: 1 });
  });

  it('drops the spans of a summary whose body has been corrected since', () => {
    const summary = summariseRepairs([repair('entity', 1)]);
    expect(placeRepairs(summary, true).listed[0]?.start).toBe(10);
    expect(placeRepairs(summary, false).listed[0]).toMatchObject({ start: null, end: null, kind: 'entity' });
  });
});
