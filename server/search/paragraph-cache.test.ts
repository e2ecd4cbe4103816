import { describe, expect, it } from 'vitest';
import { createParagraphCache } from './paragraph-cache';

function source() {
  const asked: number[][] = [];
  return {
    asked,
    async paragraphsOf(ids: number[]) {
      asked.push(ids);
      return ids.map((id) => ({ sessionId: id, ordinal: 0, text: `متن جلسه‌ي ${id}`, speaker: null }));
    },
  };
}

describe('createParagraphCache', () => {
  it('reads a session once, and again when its content changed', async () => {
    const src = source();
    const cache = createParagraphCache(src, 10_000);
    const first = await cache.get([{ id: 1, contentHash: 'a' }, { id: 2, contentHash: 'b' }]);
    expect(first.get(1)?.[0]?.squeezed).toBe('متنجلسهی1');
    await cache.get([{ id: 1, contentHash: 'a' }]);
    expect(src.asked).toEqual([[1, 2]]);
    await cache.get([{ id: 1, contentHash: 'changed' }]);
    expect(src.asked).toEqual([[1, 2], [1]]);
  });

  it('keeps within its character budget, dropping the least recently used', async () => {
    const src = source();
    const cache = createParagraphCache(src, 40);
    for (const id of [1, 2, 3, 4]) await cache.get([{ id, contentHash: 'h' }]);
    expect(cache.stats().chars).toBeLessThanOrEqual(40);
    await cache.get([{ id: 1, contentHash: 'h' }]);
    expect(src.asked.at(-1)).toEqual([1]);
  });

  it('holds nothing with a budget of 0', async () => {
    const src = source();
    const cache = createParagraphCache(src, 0);
    await cache.get([{ id: 1, contentHash: 'h' }]);
    await cache.get([{ id: 1, contentHash: 'h' }]);
    expect(src.asked).toEqual([[1], [1]]);
  });
});
