import { describe, expect, it } from 'vitest';
import { createResultCache } from './result-cache';

const sizeOf = (v: string) => v.length;

describe('search result cache', () => {
  it('answers a repeated key under the same index state, and misses after the state moves', () => {
    const cache = createResultCache<string>({ maxEntries: 10, maxBytes: 1_000 }, sizeOf);
    expect(cache.get('g1', 'بودجه')).toBeUndefined();
    cache.set('g1', 'بودجه', 'page one');
    expect(cache.get('g1', 'بودجه')).toBe('page one');
    expect(cache.get('g2', 'بودجه')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('drops the least recently used entry past its entry and byte bounds', () => {
    const cache = createResultCache<string>({ maxEntries: 2, maxBytes: 1_000 }, sizeOf);
    cache.set('g', 'a', 'A');
    cache.set('g', 'b', 'B');
    cache.get('g', 'a');
    cache.set('g', 'c', 'C');
    expect(cache.get('g', 'b')).toBeUndefined();
    expect(cache.get('g', 'a')).toBe('A');

    const small = createResultCache<string>({ maxEntries: 100, maxBytes: 10 }, sizeOf);
    small.set('g', 'x', '123456');
    small.set('g', 'y', '123456');
    expect(small.get('g', 'x')).toBeUndefined();
    expect(small.get('g', 'y')).toBe('123456');
    expect(small.stats().bytes).toBeLessThanOrEqual(10);
  });

  it('keeps nothing when turned off', () => {
    const cache = createResultCache<string>({ maxEntries: 0, maxBytes: 1_000 }, sizeOf);
    cache.set('g', 'a', 'A');
    expect(cache.get('g', 'a')).toBeUndefined();
  });
});
