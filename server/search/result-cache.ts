/**
 * @module A bounded LRU of search result pages for one index state: search-as-you-type and popular
 * queries repeat, and a page costs milliseconds of CPU to rank, fetch and highlight. Every entry
 * carries the index state (generation and sessions mark) it was computed on; a lookup under another
 * state misses and empties the cache, so a newly indexed session is found at once.
 */

export interface ResultCacheOptions {
  /** At most this many pages (0 turns the cache off). */
  maxEntries: number;
  /** At most about this many bytes of pages (estimated from their strings). */
  maxBytes: number;
}

export const DEFAULT_RESULT_CACHE: ResultCacheOptions = { maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 };

interface Entry<V> {
  value: V;
  bytes: number;
}

/**
 * Create a cache; `sizeOf` estimates an entry's bytes.
 *
 * @example
 * const cache = createResultCache<SearchPage>(DEFAULT_RESULT_CACHE, (page) => JSON.stringify(page).length * 2);
 * cache.get('7|…', key) ?? cache.set('7|…', key, await compute());
 */
export function createResultCache<V>(options: ResultCacheOptions, sizeOf: (value: V) => number) {
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry<V>>();
  let state = '';
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function clear(): void {
    entries.clear();
    bytes = 0;
  }

  /** Forget everything computed on another index state. */
  function enter(indexState: string): void {
    if (indexState === state) return;
    clear();
    state = indexState;
  }

  return {
    get(indexState: string, key: string): V | undefined {
      if (options.maxEntries <= 0) return undefined;
      enter(indexState);
      const entry = entries.get(key);
      if (!entry) {
        misses++;
        return undefined;
      }
      hits++;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },

    set(indexState: string, key: string, value: V): V {
      if (options.maxEntries <= 0) return value;
      enter(indexState);
      const size = sizeOf(value);
      if (size > options.maxBytes) return value;
      const old = entries.get(key);
      if (old) {
        bytes -= old.bytes;
        entries.delete(key);
      }
      entries.set(key, { value, bytes: size });
      bytes += size;
      for (const [oldest, entry] of entries) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        entries.delete(oldest);
        bytes -= entry.bytes;
      }
      return value;
    },

    clear,

    stats(): { entries: number; bytes: number; hits: number; misses: number } {
      return { entries: entries.size, bytes, hits, misses };
    },
  };
}

export type ResultCache<V> = ReturnType<typeof createResultCache<V>>;
