/**
 * «منظورتان … بود؟» over the sample content: only the misspelt word is respelt; every other word stays
 * as the person typed it (Persian digits, ZWNJ, a number glued to its word), also when the page comes
 * from the result cache filled by another spelling of the same query.
 *
 * Failed before the fix: the suggestion was the normalised query, «بودجه 1400 مازاد» (Latin digits shown
 * to people), «میتواند مازاد», «استان ها مازاد», «ماده 27 مازاد».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService, type SearchService } from '../../server/search/search.service';
import { openTempDatabase, type TempDatabase } from '../support/temp-db';

describe('the suggestion, written as the query was typed', () => {
  let database: TempDatabase;
  let search: SearchService;
  const suggestionFor = async (q: string) => (await search.search({ q, prefix: false })).suggestion;

  beforeAll(async () => {
    database = await openTempDatabase();
    // The result cache on, as served: one page serves every spelling of a query.
    search = createSearchService(database, { autoMerge: false });
    const summary = await ingestPaths(database.client, ['content'], { clock: { now: () => new Date('2021-06-01T00:00:00Z') }, indexer: search });
    expect(summary.failures).toEqual([]);
  });
  afterAll(() => database.dispose());

  it.each([
    ['املاک مازات', 'املاک مازاد'],
    ['بودجه ۱۴۰۰ مازات', 'بودجه ۱۴۰۰ مازاد'],
    ['ماده۲۷ مازات', 'ماده۲۷ مازاد'],
    ['می‌تواند مازات', 'می‌تواند مازاد'],
    ['استان‌ها  مازات؟', 'استان‌ها  مازاد؟'],
    ['فيروزي مازات', 'فيروزي مازاد'],
  ])('respells only the misspelt word of «%s»', async (typed, expected) => {
    expect(await suggestionFor(typed)).toBe(expected);
  });

  it('writes a cached page’s suggestion as this query was typed, not as the one that filled the cache', async () => {
    expect(await suggestionFor('بودجه ۱۴۰۱ مازات')).toBe('بودجه ۱۴۰۱ مازاد');
    expect(await suggestionFor('بودجه 1401 مازات')).toBe('بودجه 1401 مازاد');
    expect(await suggestionFor('بودجه ۱۴۰۱ مازات')).toBe('بودجه ۱۴۰۱ مازاد');
  });

  it('offers nothing when every word is known', async () => {
    expect(await suggestionFor('بودجه ۱۴۰۰ مازاد')).toBeNull();
  });
});
