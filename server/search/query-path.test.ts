import { describe, expect, it } from 'vitest';
import type { EngineResult, SearchEngine } from './engine';
import { createQueryPath } from './query-path';
import type { SessionMeta } from './segment';

/** A page of `n` sessions from a fake engine (the query path sees the index only through SearchEngine). */
function fakeIndex(n: number) {
  const sessions: SessionMeta[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, slug: `s-${i + 1}`, title: `جلسه ${i + 1}`, kind: 'meeting', heldOn: null, speakers: [], contentHash: `h${i}` }));
  const engine: SearchEngine = {
    search: (_query, { limit, offset }): EngineResult => ({
      hits: sessions.slice(offset, offset + limit).map((session, i) => ({ session, score: n - i })),
      total: n,
      terms: [{ term: 'بودجه', weight: 1 }],
      tokens: ['بودجه'],
    }),
    suggest: () => null,
    phraseCandidates: () => ({ sessions: [], total: 0 }),
    size: () => n,
  };
  return {
    ensureLoaded: async () => undefined,
    refreshIfDue: async () => undefined,
    engine: () => engine,
    version: () => '1',
  };
}

const repo = {
  people: async () => [],
  paragraphsOf: async (ids: number[]) => ids.map((id) => ({ sessionId: id, ordinal: 0, text: `گزارش بودجه جلسه ${id}`, speaker: null })),
};

describe('createQueryPath', () => {
  it('presents the engine’s hits with their marked paragraphs', async () => {
    const queries = createQueryPath({ index: fakeIndex(3), repo });
    const page = await queries.search({ q: 'بودجه', prefix: false });
    expect(page.total).toBe(3);
    expect(page.hits.map((h) => h.session.slug)).toEqual(['s-1', 's-2', 's-3']);
    expect(page.hits[0]?.paragraphs[0]?.snippet).toBe('گزارش <mark>بودجه</mark> جلسه 1');
  });

  it('lets other work run while it presents a long page, instead of holding the event loop', async () => {
    const queries = createQueryPath({ index: fakeIndex(100), repo }, { sliceMs: 0 });
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const page = await queries.search({ q: 'بودجه', limit: 100, prefix: false });
    done = true;
    expect(page.hits).toHaveLength(100);
    // With no time slice it yields after every session: the ticker ran in between.
    expect(turns).toBeGreaterThanOrEqual(50);
  });
});
