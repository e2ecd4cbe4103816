/**
 * @module The query path: a search checked and parsed (search-input.ts), answered from the result
 * cache or ranked by the index's engine, and presented: each hit session with its best paragraphs
 * highlighted, the page re-ordered by how it holds the query as written. A query of common words
 * only is looked for as a phrase. It reads the index state; it never writes it.
 */
import type { EngineHit, MatchedTerm, SearchFilters } from './engine';
import { matchSession, phraseParagraphs, type ParagraphMatch, type ParagraphText } from './highlight';
import type { IndexState } from './index-state';
import { nextTurn } from './next-turn';
import { ANALYSIS_FINGERPRINT, decodeMaterial } from './material';
import { createParagraphCache, DEFAULT_PARAGRAPH_CACHE_CHARS, type ParagraphSource } from './paragraph-cache';
import { rerankByProximity } from './proximity';
import { isStopWordPhrase, type ParsedQuery } from './query';
import { createResultCache, DEFAULT_RESULT_CACHE, type ResultCacheOptions } from './result-cache';
import { respellAsTyped } from './respell';
import { readSearchInput, type SearchParams } from './search-input';
import type { SearchRepo } from './search.repo';
import type { SessionMeta } from './segment';
import { sortSpeakers, speakerSpellingsFor, type KnownSpeaker } from './speakers';

export interface SessionHit {
  session: Pick<SessionMeta, 'id' | 'slug' | 'title' | 'kind' | 'heldOn' | 'speakers'>;
  score: number;
  paragraphs: ParagraphMatch[];
}

export interface SearchPage {
  query: string;
  total: number;
  limit: number;
  offset: number;
  hits: SessionHit[];
  /**
   * Words left out of ranking as too common (stop words). When the query is made of nothing
   * else, they are looked for as a phrase instead (`phrase` true).
   */
  ignored: string[];
  /** True when the query (common words only) was matched as an exact phrase. */
  phrase: boolean;
  /** «منظورتان … بود؟»: the query respelt from the index vocabulary when a word matched nothing. */
  suggestion: string | null;
}

export interface QueryPathOptions {
  /** Result pages kept per index state (default 1,000 pages, 32 MB; `{ maxEntries: 0 }` turns it off). */
  resultCache?: ResultCacheOptions;
  /** Characters of hit sessions' paragraphs kept in memory (default 12 million; 0 turns it off). */
  paragraphCacheChars?: number;
  /** Presenting a page yields to other requests after this many ms of work (default 8). */
  sliceMs?: number;
  /** Read hit sessions' stored search material (material.ts) when current (default true; false: always read and analyse paragraphs). */
  material?: boolean;
}

export interface QueryPath {
  /** `uncached`: neither read nor fill the result cache (the start-up warm-up repeats its searches to optimise the code). */
  search(params: SearchParams, options?: { uncached?: boolean }): Promise<SearchPage>;
  /** Read these sessions' paragraphs into the paragraph cache (a start-up warm-up); false once it is full. */
  prefill(sessions: Array<{ id: number; contentHash: string }>): Promise<boolean>;
  speakers(): Promise<KnownSpeaker[]>;
  cacheStats(): { entries: number; bytes: number; hits: number; misses: number };
}

/** Approximate heap bytes of a page: its strings (UTF-16) and a little per object. */
function pageBytes(page: SearchPage): number {
  let n = 256;
  for (const hit of page.hits) {
    n += 256 + (hit.session.title.length + hit.session.slug.length) * 2;
    for (const p of hit.paragraphs) n += 128 + p.snippet.length * 2 + p.highlights.length * 48;
  }
  return n;
}

/** What makes two searches the same page: the parsed (normalised) words, filters, window, paragraphs. */
function cacheKeyOf(query: ParsedQuery, filters: SearchFilters, limit: number, offset: number, paragraphs: number): string {
  const words = query.words.map((w) => `${w.surface}${w.prefix ? '*' : ''}`).join(' ');
  return JSON.stringify([words, query.tokens, query.stopWords, filters.from ?? '', filters.to ?? '', filters.speaker ?? '', filters.kind ?? '', limit, offset, paragraphs]);
}

/**
 * Longest a search works before letting other requests in, ms: checked between ranking, each
 * session presented, each chunk of a phrase search and the suggestion (a page may ask 100 sessions;
 * ranking, presenting and the suggestion of a long query seen for the first time, or of a deep page,
 * held the loop over 20 ms together at 30,000 sessions; docs/benchmarks.md, search paths).
 */
export const DEFAULT_SLICE_MS = 5;

/** Sessions of a phrase search read and checked between two turns of the event loop. */
const PHRASE_CHUNK = 10;

/** A pause that lets other requests in once `sliceMs` of work has passed since the last one (a cheap search never waits). */
function slicer(sliceMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}

let materialFailed = false;

/** Sessions' current stored material, unpacked (a blob of another layout is left to the paragraph read). */
async function readMaterial(materialOf: SearchRepo['materialOf'], sessions: Array<{ id: number; contentHash: string }>): Promise<Map<number, ParagraphText[]>> {
  const out = new Map<number, ParagraphText[]>();
  let stored: Map<number, ArrayBuffer>;
  try {
    stored = await materialOf(sessions, ANALYSIS_FINGERPRINT);
  } catch (error) {
    // Never fatal to a search (e.g. a database not yet migrated by this version): read the paragraphs.
    if (!materialFailed) console.error('search: reading search material failed; reading paragraphs instead', error);
    materialFailed = true;
    return out;
  }
  for (const [id, blob] of stored) {
    const paragraphs = decodeMaterial(blob);
    if (paragraphs) out.set(id, paragraphs);
  }
  return out;
}

function sessionOf(meta: SessionMeta): SessionHit['session'] {
  const { id, slug, title, kind, heldOn, speakers } = meta;
  return { id, slug, title, kind, heldOn, speakers };
}

/**
 * The query path over an index state.
 *
 * @example
 * const queries = createQueryPath({ index, repo });
 * const page = await queries.search({ q: 'بودجه ۱۴۰۰' });
 */
export function createQueryPath(deps: { index: Pick<IndexState, 'ensureLoaded' | 'refreshIfDue' | 'engine' | 'version'>; repo: Pick<SearchRepo, 'people' | 'paragraphsOf'> & Partial<Pick<SearchRepo, 'materialOf'>> }, options: QueryPathOptions = {}): QueryPath {
  const { index, repo } = deps;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const source: ParagraphSource = { paragraphsOf: (ids) => repo.paragraphsOf(ids) };
  const { materialOf } = repo;
  if (options.material !== false && materialOf) source.materialOf = (sessions) => readMaterial(materialOf, sessions);
  const paragraphCache = createParagraphCache(source, options.paragraphCacheChars ?? DEFAULT_PARAGRAPH_CACHE_CHARS);
  const pages = createResultCache<SearchPage>(options.resultCache ?? DEFAULT_RESULT_CACHE, pageBytes);

  /** A query of common words only: sessions holding them as an exact phrase, most occurrences first. */
  async function phraseSearch(query: ParsedQuery, filters: SearchFilters, limit: number, offset: number, perSession: number, pause: () => Promise<void>): Promise<{ total: number; hits: SessionHit[] }> {
    const candidates = index.engine().phraseCandidates(query.tokens, filters).sessions;
    const found: SessionHit[] = [];
    // Up to 200 sessions: read and checked a few at a time, yielding in between, so the event loop
    // is never held for all of them (the paragraph cache keeps their analysed words, as for a page).
    for (let i = 0; i < candidates.length; i += PHRASE_CHUNK) {
      // Also before the first: finding the candidates walks every session's stop-word postings.
      await (i > 0 ? nextTurn() : pause());
      const chunk = candidates.slice(i, i + PHRASE_CHUNK);
      const bySession = await paragraphCache.get(chunk);
      for (const meta of chunk) {
        const match = phraseParagraphs([{ ordinal: -1, text: meta.title, speaker: null }, ...(bySession.get(meta.id) ?? [])], query.tokens, perSession + 1);
        // A session's words are analysed the first time it is checked (≈ 1-2 ms each): 10 of them held the loop ≈ 20 ms.
        await pause();
        if (match.count === 0) continue;
        const paragraphs = match.paragraphs.filter((p) => p.ordinal >= 0).slice(0, perSession);
        found.push({ session: sessionOf(meta), score: match.count, paragraphs });
      }
    }
    found.sort((a, b) => b.score - a.score || a.session.id - b.session.id);
    return { total: found.length, hits: found.slice(offset, offset + limit) };
  }

  /** The page's hits with their best paragraphs, re-ordered by how they hold the query as written. */
  async function present(hits: EngineHit[], terms: MatchedTerm[], perSession: number, query: ParsedQuery, tokens: string[], pause: () => Promise<void>): Promise<SessionHit[]> {
    const bySession = await paragraphCache.get(hits.map((h) => h.session));
    const held: Array<ReturnType<typeof matchSession>> = [];
    for (const h of hits) {
      held.push(matchSession(bySession.get(h.session.id) ?? [], terms, perSession, tokens));
      await pause();
    }
    const shown = hits.map((h, i): SessionHit => ({ session: sessionOf(h.session), score: h.score, paragraphs: held[i]?.paragraphs ?? [] }));
    const ranked = rerankByProximity(shown, held, terms, query.words.map((w) => w.stem));
    return ranked.map((hit) => ({ ...hit, score: Math.round(hit.score * 1000) / 1000 }));
  }

  /** A page for the query as typed: its echo, and the suggestion with only the respelt words changed. */
  function asTyped(page: SearchPage, raw: string, query: ParsedQuery): SearchPage {
    if (page.query === raw && page.suggestion === null) return page;
    return { ...page, query: raw, suggestion: page.suggestion === null ? null : respellAsTyped(raw, query.tokens, page.suggestion) };
  }

  return {
    async search(params, options = {}) {
      const pause = slicer(sliceMs);
      const { raw, query, filters, limit, offset, perSession } = readSearchInput(params);
      if (filters.speaker) filters.speakerNames = speakerSpellingsFor(filters.speaker, await repo.people());
      await index.ensureLoaded();
      await index.refreshIfDue();
      // The index state a page was computed on: a new generation or sessions mark empties the cache.
      const state = index.version();
      const key = cacheKeyOf(query, filters, limit, offset, perSession);
      const cached = options.uncached ? undefined : pages.get(state, key);
      // The cache keeps the suggestion normalised: each spelling of a query gets it written its own way.
      if (cached) return asTyped(cached, raw, query);
      let page: SearchPage;
      // Parsing a long query seen for the first time (its typo variants) is a few ms of its own.
      await pause();
      if (isStopWordPhrase(query)) {
        const { total, hits } = await phraseSearch(query, filters, limit, offset, perSession, pause);
        page = { query: raw, total, limit, offset, hits, ignored: query.tokens, phrase: true, suggestion: null };
      } else {
        const result = index.engine().search(query, { limit, offset, filters });
        await pause();
        const hits = await present(result.hits, result.terms, perSession, query, result.tokens, pause);
        await pause();
        const suggestion = index.engine().suggest(query);
        page = { query: raw, total: result.total, limit, offset, hits, ignored: query.stopWords, phrase: false, suggestion };
      }
      // Only if nothing moved while the paragraphs were read (another request may have refreshed).
      if (state === index.version() && !options.uncached) pages.set(state, key, page);
      return asTyped(page, raw, query);
    },

    async speakers() {
      return sortSpeakers(await repo.people());
    },

    async prefill(sessions) {
      const max = options.paragraphCacheChars ?? DEFAULT_PARAGRAPH_CACHE_CHARS;
      // Stop short of the budget: past it, each session read pushes out one read before.
      if (paragraphCache.stats().chars >= max * 0.9) return false;
      await paragraphCache.get(sessions);
      return paragraphCache.stats().chars < max * 0.9;
    },

    cacheStats: () => pages.stats(),
  };
}
