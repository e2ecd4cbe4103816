/**
 * Every spelling class the search page promises, over the sample content (content/) as
 * ingested: joined / spaced / ZWNJ compounds and affixes, numbers glued to their word,
 * superlatives in ترین, queries of common words only, and Arabic ي/ك.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService, type SearchPage, type SearchService } from '../../server/search/search.service';
import { openTempDatabase, type TempDatabase } from '../support/temp-db';

describe('search over the sample content, every spelling', () => {
  let database: TempDatabase;
  let search: SearchService;
  const find = (q: string): Promise<SearchPage> => search.search({ q, prefix: false });
  const slugs = async (q: string) => (await find(q)).hits.map((h) => h.session.slug);

  beforeAll(async () => {
    database = await openTempDatabase();
    search = createSearchService(database, { autoMerge: false, resultCache: { maxEntries: 0, maxBytes: 0 } });
    const summary = await ingestPaths(database.client, ['content'], { clock: { now: () => new Date('2021-06-01T00:00:00Z') }, indexer: search });
    expect(summary.failures).toEqual([]);
  });
  afterAll(() => database.dispose());

  it.each([
    ['برون سپاری', 'برون‌سپاری', 'برونسپاری'],
    ['تصدی گری', 'تصدی‌گری', 'تصدیگری'],
    ['برنامه ریزی', 'برنامه‌ریزی', 'برنامهریزی'],
    ['بهره وری', 'بهره‌وری', 'بهرهوری'],
  ])('finds a compound written spaced, with a ZWNJ and joined: %s / %s / %s', async (spaced, zwnj, joined) => {
    const expected = await slugs(spaced);
    expect(expected.length).toBeGreaterThan(0);
    expect(await slugs(zwnj)).toEqual(expected);
    // Joined, the parts stand in for the word: the same sessions, in the same order.
    expect(await slugs(joined)).toEqual(expected);
  });

  it('finds a number glued to its word, in any digits', async () => {
    const expected = await slugs('ماده ۲۷');
    expect(expected).toContain('tvto-outsourcing-webinar-1');
    for (const q of ['ماده۲۷', 'ماده27', 'ماده٢٧', 'ماده 27']) expect(await slugs(q), q).toEqual(expected);
  });

  it('finds a superlative written spaced, with a ZWNJ or joined (the text has «مهم ترین»)', async () => {
    for (const q of ['مهم ترین', 'مهم‌ترین', 'مهمترین']) {
      const page = await find(q);
      expect(page.hits[0]?.session.slug, q).toBe('tvto-outsourcing-webinar-1');
      expect(page.hits[0]?.paragraphs[0]?.snippet, q).toContain('<mark>مهم ترین</mark>');
    }
  });

  it('finds a query of common words only as a phrase, and says which words those were', async () => {
    for (const q of ['می تواند', 'می‌تواند', 'میتواند']) {
      const page = await find(q);
      expect(page.phrase, q).toBe(true);
      expect(page.ignored, q).toEqual(['میتواند']);
      expect(page.hits.map((h) => h.session.slug), q).toEqual(['tvto-outsourcing-webinar-1']);
      // Three distinct paragraphs hold it (the fourth occurrence was a duplicated paragraph, dropped on import).
      expect(page.hits[0]?.score).toBe(3);
      expect(page.hits[0]?.paragraphs[0]?.snippet).toContain('<mark>می تواند</mark>');
    }
    // A phrase of common words that the text does not hold finds nothing, and says why.
    const none = await find('از این به');
    expect(none.hits).toEqual([]);
    expect(none.phrase).toBe(true);
    expect(none.ignored).toEqual(['از', 'این', 'به']);
  });

  it('lists the common words it left out of a longer query', async () => {
    const page = await find('واگذاری به بخش خصوصی');
    expect(page.phrase).toBe(false);
    expect(page.ignored).toEqual(['به', 'بخش']);
    expect(page.hits.length).toBeGreaterThan(0);
  });

  it('folds Arabic ي and ك to Persian in queries', async () => {
    expect(await slugs('فيروزي')).toEqual(await slugs('فیروزی'));
    expect(await slugs('كاركردهاي دولت')).toEqual(await slugs('کارکردهای دولت'));
    expect((await slugs('كاركردهاي دولت'))[0]).toBe('tvto-outsourcing-webinar-1');
  });

  it('suggests a respelling from the index vocabulary when a word matches nothing', async () => {
    const page = await find('املاک مازات');
    expect(page.suggestion).toBe('املاک مازاد');
    // The typo's fuzzy neighbours of three letters (مال، ماه) are not used: the session about surplus property leads.
    expect(page.hits[0]?.session.slug).toBe('property-sales-report-deadline-1400');
    expect((await find('املاک مازاد')).suggestion).toBeNull();
    // A compound written joined is not a typo: no suggestion.
    expect((await find('برونسپاری')).suggestion).toBeNull();
  });

  it('never uses typo variants for a word of three letters', async () => {
    // «مهل» (a typo of مهلت) is in no session; a 3-letter word has too many neighbours to guess from.
    expect((await find('مهل')).hits).toEqual([]);
    expect((await find('مهل')).suggestion).toBeNull();
    expect((await find('مهلتت')).hits[0]?.session.slug).toBe('property-sales-report-deadline-1400');
  });

  it('filters by a known speaker however the name is spelt (content/people.yaml), and lists them in Persian order', async () => {
    const speakers = await search.speakers();
    expect(speakers.map((p) => p.name)).toEqual([...speakers.map((p) => p.name)].sort(new Intl.Collator('fa').compare));
    expect(speakers.map((p) => p.key)).toContain('firouzi');
    const byName = (await search.search({ q: 'واگذاری', speaker: 'حسین فیروزی', prefix: false })).hits.map((h) => h.session.slug);
    expect(byName.length).toBeGreaterThan(0);
    // The misspelling the article has (فیروری), Arabic letters, one more typo, and the key all find the same sessions.
    for (const speaker of ['فیروری', 'فيروزي', 'فیروزى', 'فيروذی', 'firouzi']) {
      const slugs = (await search.search({ q: 'واگذاری', speaker, prefix: false })).hits.map((h) => h.session.slug);
      expect(slugs, speaker).toEqual(byName);
    }
    // Someone who is not a speaker finds nothing.
    expect((await search.search({ q: 'واگذاری', speaker: 'ناشناس', prefix: false })).hits).toEqual([]);
  });
});
