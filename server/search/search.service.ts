/**
 * @module The search service: keeps the persisted segments (one base, small deltas) in
 * memory, indexes saved sessions as deltas within a second, reloads when another
 * process moves the generation, merges deltas in the background, and answers queries
 * grouped by session with the best paragraphs highlighted.
 *
 * @example
 * const search = createSearchService({ db, client });
 * await search.indexSessions([id]);              // the ingest pipeline calls this after storing
 * const page = await search.search({ q: 'بودجه ۱۴۰۰' });
 */
import type { Client } from '@libsql/client';
import { systemClock, type Clock } from '../clock';
import type { Db } from '../db/client';
import type { EngineHit, SearchFilters } from './engine';
import { matchSession, phraseParagraphs, type ParagraphMatch } from './highlight';
import { rerankByProximity } from './proximity';
import { sortSpeakers, speakerSpellingsFor, type KnownSpeaker } from './speakers';
import { createParagraphCache, DEFAULT_PARAGRAPH_CACHE_CHARS } from './paragraph-cache';
import { parseFilterDate } from './filters';
import { isStopWordPhrase, parseQuery, type ParsedQuery } from './query';
import { createResultCache, DEFAULT_RESULT_CACHE, type ResultCacheOptions } from './result-cache';
import { createSearchRepo, type SearchRepo } from './search.repo';
import { buildSegmentPayload, loadSegment, parsePayload, type SessionMeta } from './segment';
import { canMergeInWorker, runMergeInWorker } from './background-merge';
import { SegmentSet, DEFAULT_WEIGHTS, type MatchWeights } from './segment-set';

export interface SearchParams {
  q: string;
  limit?: number;
  offset?: number;
  /** ISO or Jalali date, inclusive. */
  from?: string;
  to?: string;
  speaker?: string;
  kind?: string;
  /** Expand the last word as a prefix (search-as-you-type). Default: unless the query ends with a space. */
  prefix?: boolean;
  /** Paragraphs per session (default 3). */
  paragraphs?: number;
}

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

/** Errors a user can fix, with a stable code and a Persian message. */
export class SearchInputError extends Error {
  constructor(
    readonly code: 'query_empty' | 'query_too_long' | 'invalid_date' | 'invalid_range',
    message: string,
  ) {
    super(message);
    this.name = 'SearchInputError';
  }
}

export interface SearchServiceOptions {
  /** Merge deltas into the base once there are this many (default 8). */
  mergeAfterDeltas?: number;
  /** Merge in the background after writes (default true; tests and CLIs may turn it off). */
  autoMerge?: boolean;
  /** Check the generation at most this often while searching, ms (default 250). */
  staleCheckMs?: number;
  weights?: MatchWeights;
  clock?: Clock;
  /** Result pages kept per index state (default 1,000 pages, 32 MB; `{ maxEntries: 0 }` turns it off). */
  resultCache?: ResultCacheOptions;
  /** Called when a background merge fails (default: console.error). */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Build merged bases in a worker thread so searches are answered meanwhile (default true;
   * needs `deps.url` of a database another client can open, else merges run on this thread).
   */
  mergeInWorker?: boolean;
  /** Auth token the merge worker opens a remote database with. */
  authToken?: string;
  /** Characters of hit sessions' paragraphs kept in memory (default 12 million; 0 turns it off). */
  paragraphCacheChars?: number;
}

export const MAX_QUERY_LENGTH = 2_000;
export const MAX_LIMIT = 100;

export interface SearchService {
  /** Index (or re-index) these sessions now: a delta segment, searchable on return. */
  indexSessions(sessionIds: number[]): Promise<void>;
  /** Drop sessions from the index. */
  removeSessions(sessionIds: number[]): Promise<void>;
  search(params: SearchParams): Promise<SearchPage>;
  /** Known speakers (content/people.yaml), in Persian order, for the speaker filter. */
  speakers(): Promise<KnownSpeaker[]>;
  /** Reload if another process moved the generation; true when something was reloaded. */
  refreshIfStale(): Promise<boolean>;
  /** Build a fresh base from every session, replacing all segments. */
  rebuild(): Promise<void>;
  /** Fold the deltas into a new base now. */
  merge(): Promise<void>;
  /** Wait for background work (a merge) to finish. */
  idle(): Promise<void>;
  stats(): {
    generation: number;
    segments: number;
    sessions: number;
    cache: { entries: number; bytes: number; hits: number; misses: number };
    /** The last merge: the thread that built it (0 = this one, the main thread) and how long it took. */
    lastMerge: { threadId: number; ms: number } | null;
  };
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

function rankOf(id: number, kind: 'base' | 'delta', asOf: number): number {
  // A base includes every segment up to asOf: it outranks them and loses to later deltas.
  return kind === 'base' ? asOf + 0.5 : id;
}

/**
 * Create the search service over the database.
 *
 * @example
 * const database = await openDatabase('file:data/neshast.db');
 * const search = createSearchService(database); // { db, client, url }: merges run in a worker
 */
export function createSearchService(deps: { db: Db; client?: Client; url?: string; authToken?: string }, options: SearchServiceOptions = {}): SearchService {
  const repo: SearchRepo = createSearchRepo(deps.db);
  const clock = options.clock ?? systemClock;
  const mergeAfter = options.mergeAfterDeltas ?? 8;
  const autoMerge = options.autoMerge ?? true;
  const staleCheckMs = options.staleCheckMs ?? 250;
  const onError = options.onBackgroundError ?? ((e: unknown) => console.error('search: background merge failed', e));
  let set = new SegmentSet(options.weights ?? DEFAULT_WEIGHTS);
  const paragraphCache = createParagraphCache(repo, options.paragraphCacheChars ?? DEFAULT_PARAGRAPH_CACHE_CHARS);
  const pages = createResultCache<SearchPage>(options.resultCache ?? DEFAULT_RESULT_CACHE, pageBytes);
  let generation = -1;
  /** Last seen count/updated mark of the sessions table. */
  let sessionsMark = '';
  let lastCheck = 0;
  let loading: Promise<void> | null = null;
  let background: Promise<void> = Promise.resolve();
  /** The merge running now (at most one per process). */
  let mergeRun: Promise<void> | null = null;
  let lastMerge: { threadId: number; ms: number } | null = null;
  /** True while a merge worker builds: a base we have not loaded may be its own. */
  let workerBuilding = false;
  const workerUrl = options.mergeInWorker === false ? undefined : deps.url;
  const authToken = options.authToken ?? deps.authToken;
  // One writer at a time in this process (docs/decisions.md: writes on one queue).
  let writes: Promise<unknown> = Promise.resolve();
  const queue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = writes.then(job, job);
    writes = next.catch(() => undefined);
    return next;
  };

  async function loadSegmentRow(target: SegmentSet, id: number, kind: 'base' | 'delta'): Promise<void> {
    const text = await repo.readPayload(id);
    if (text === null) return;
    const payload = parsePayload(text);
    target.addSegment(rankOf(id, kind, payload.asOf), String(id), loadSegment(payload));
  }

  /** Load what the database holds: new deltas only when the base is unchanged, else everything. */
  async function syncFromDatabase(): Promise<void> {
    const gen = await repo.generation();
    const rows = await repo.listSegments();
    const loaded = new Set(set.keys());
    const baseUnchanged = rows.filter((r) => r.kind === 'base').every((r) => loaded.has(String(r.id)));
    if (!baseUnchanged && loaded.size > 0 && workerBuilding) {
      // Our merge worker wrote a base it has not handed over yet: rather than parse it here (~1 s at
      // 30,000 sessions), keep the segments it absorbed (same content) and add only the new deltas.
      // (Were the base another instance's, the full sync when ours is installed catches up.)
      for (const r of rows) if (r.kind === 'delta' && !loaded.has(String(r.id))) await loadSegmentRow(set, r.id, r.kind);
    } else if (baseUnchanged && loaded.size > 0) {
      set.retain(new Set(rows.map((r) => String(r.id))));
      for (const r of rows) if (!loaded.has(String(r.id))) await loadSegmentRow(set, r.id, r.kind);
    } else {
      const fresh = new SegmentSet(options.weights ?? DEFAULT_WEIGHTS);
      for (const r of rows) await loadSegmentRow(fresh, r.id, r.kind);
      set = fresh;
    }
    generation = gen;
    lastCheck = Date.now();
  }

  /** First load: persisted segments, then make them agree with the sessions table. */
  async function initialLoad(): Promise<void> {
    try {
      await syncFromDatabase();
    } catch (error) {
      // An unreadable segment: start over from the sessions table.
      onError(error);
      await doRebuild();
      return;
    }
    await reconcile(true);
  }

  /**
   * Make the index agree with the sessions table: index what changed behind our back
   * (a writer that did not call indexSessions), drop what is gone; rebuild when most is missing.
   */
  async function reconcile(allowRebuild: boolean): Promise<void> {
    const mark = await repo.changeMark();
    const truth = await repo.fingerprints();
    const indexed = set.liveSessions();
    if (allowRebuild && (set.segmentCount() === 0 || indexed.size < truth.size / 2)) {
      if (truth.size > 0 || set.segmentCount() > 0) await doRebuild();
      sessionsMark = mark;
      return;
    }
    const stale: number[] = [];
    for (const [id, hash] of truth) if (indexed.get(id) !== hash) stale.push(id);
    const gone = [...indexed.keys()].filter((id) => !truth.has(id));
    if (stale.length > 0 || gone.length > 0) await doIndex([...stale, ...gone]);
    sessionsMark = mark;
  }

  function ensureLoaded(): Promise<void> {
    loading ??= queue(initialLoad).catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  }

  async function doIndex(sessionIds: number[]): Promise<void> {
    const requested = [...new Set(sessionIds)];
    if (requested.length === 0) return;
    const all = await repo.sessionsForIndex(requested);
    // Skip what the index already holds as it is (e.g. the first load just rebuilt from the table,
    // as happens when a bulk ingest fills an empty database): indexing is idempotent, not repeated.
    const indexed = set.liveSessions();
    const found = all.filter((s) => indexed.get(s.id) !== s.contentHash);
    const present = new Set(all.map((s) => s.id));
    const ids = [...found.map((s) => s.id), ...requested.filter((id) => !present.has(id) && indexed.has(id))];
    if (ids.length === 0) return;
    // A session re-ingested under a new id replaces the old entry with its slug.
    const slugs = new Set(found.map((s) => s.slug));
    const covers = [...new Set([...ids, ...set.liveIdsWithSlugs(slugs)])];
    const payload = buildSegmentPayload(found, covers);
    const { id, generation: gen } = await repo.insertSegment('delta', JSON.stringify(payload), covers, clock.now().toISOString());
    set.addSegment(id, String(id), loadSegment(payload));
    generation = gen;
    scheduleMerge();
  }

  async function doRebuild(): Promise<void> {
    const asOf = await repo.maxSegmentId();
    const all = await repo.allSessionsForIndex();
    const payload = buildSegmentPayload(all, all.map((s) => s.id), asOf);
    const { id, generation: gen } = await repo.replaceWithBase(JSON.stringify(payload), payload.covers, asOf, clock.now().toISOString());
    const fresh = new SegmentSet(options.weights ?? DEFAULT_WEIGHTS);
    fresh.addSegment(rankOf(id, 'base', asOf), String(id), loadSegment(payload));
    set = fresh;
    generation = gen;
    // Deltas written by others while we built are newer than asOf: pick them up.
    await syncFromDatabase();
  }

  /**
   * Fold the deltas into a new base. In a worker when the database can be opened there: it
   * builds, writes (base + delete absorbed + generation, one batch) and loads the base; this
   * thread only adds the loaded segment and drops what it absorbed. Writes here go on meanwhile:
   * their deltas are newer than the base's asOf and outrank it.
   */
  async function doMerge(): Promise<void> {
    const started = Date.now();
    if (!canMergeInWorker(workerUrl)) {
      await queue(doRebuild);
      lastMerge = { threadId: 0, ms: Date.now() - started };
      return;
    }
    let result;
    workerBuilding = true;
    try {
      result = await runMergeInWorker({ kind: 'search-merge', url: workerUrl, now: clock.now().toISOString(), ...(authToken ? { authToken } : {}) });
    } catch (error) {
      workerBuilding = false;
      // Correct either way: a base the worker may have written is simply replaced.
      onError(error);
      await queue(doRebuild);
      lastMerge = { threadId: 0, ms: Date.now() - started };
      return;
    } finally {
      workerBuilding = false;
    }
    const { id, asOf, segment, threadId } = result;
    await queue(async () => {
      set.addSegment(rankOf(id, 'base', asOf), String(id), segment);
      // Drops the absorbed segments; reloads everything only if another instance replaced this base already.
      await syncFromDatabase();
    });
    lastMerge = { threadId: threadId ?? -1, ms: Date.now() - started };
  }

  function startMerge(): Promise<void> {
    mergeRun ??= doMerge().finally(() => {
      mergeRun = null;
    });
    return mergeRun;
  }

  function scheduleMerge(): void {
    if (!autoMerge || mergeRun !== null) return;
    const deltas = set.segmentCount() - 1;
    if (deltas < mergeAfter) return;
    background = startMerge().catch(onError);
  }

  async function refresh(): Promise<boolean> {
    const gen = await repo.generation();
    const mark = await repo.changeMark();
    lastCheck = Date.now();
    if (gen === generation && mark === sessionsMark) return false;
    if (gen !== generation) await queue(syncFromDatabase);
    if (mark !== sessionsMark) await queue(() => reconcile(false));
    return true;
  }

  function filtersOf(params: SearchParams): SearchFilters {
    const filters: SearchFilters = {};
    for (const key of ['from', 'to'] as const) {
      const raw = params[key];
      if (!raw) continue;
      const iso = parseFilterDate(raw);
      if (!iso) throw new SearchInputError('invalid_date', `تاریخ «${raw}» معتبر نیست؛ آن را به شکل ۱۳۹۹-۱۱-۰۱ یا 2021-01-20 بنویسید.`);
      filters[key] = iso;
    }
    if (filters.from && filters.to && filters.from > filters.to) {
      throw new SearchInputError('invalid_range', 'تاریخ آغاز بازه پس از تاریخ پایان آن است.');
    }
    if (params.speaker?.trim()) filters.speaker = params.speaker.trim();
    if (params.kind?.trim()) filters.kind = params.kind.trim();
    return filters;
  }

  /** A query of common words only: sessions holding them as an exact phrase, most occurrences first. */
  async function phraseSearch(query: ParsedQuery, filters: SearchFilters, limit: number, offset: number, perSession: number): Promise<{ total: number; hits: SessionHit[] }> {
    const candidates = set.phraseCandidates(query.tokens, filters).sessions;
    const rows = await repo.paragraphsOf(candidates.map((c) => c.id));
    const bySession = new Map<number, typeof rows>();
    for (const r of rows) {
      const list = bySession.get(r.sessionId) ?? [];
      list.push(r);
      bySession.set(r.sessionId, list);
    }
    const found: SessionHit[] = [];
    let checked = 0;
    for (const meta of candidates) {
      // Yield now and then: checking 200 long sessions word by word must not hold the event loop.
      if (++checked % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      const { id, slug, title, kind, heldOn, speakers } = meta;
      const match = phraseParagraphs([{ ordinal: -1, text: title, speaker: null }, ...(bySession.get(id) ?? [])], query.tokens, perSession + 1);
      if (match.count === 0) continue;
      const paragraphs = match.paragraphs.filter((p) => p.ordinal >= 0).slice(0, perSession);
      found.push({ session: { id, slug, title, kind, heldOn, speakers }, score: match.count, paragraphs });
    }
    found.sort((a, b) => b.score - a.score || a.session.id - b.session.id);
    return { total: found.length, hits: found.slice(offset, offset + limit) };
  }

  /** The page's hits with their best paragraphs, re-ordered by how they hold the query as written. */
  async function present(hits: EngineHit[], terms: Array<{ term: string; weight: number }>, perSession: number, query: ParsedQuery, tokens: string[]): Promise<SessionHit[]> {
    const bySession = await paragraphCache.get(hits.map((h) => h.session));
    const held = hits.map((h) => matchSession(bySession.get(h.session.id) ?? [], terms, perSession, tokens));
    const shown = hits.map((h, i): SessionHit => {
      const { id, slug, title, kind, heldOn, speakers } = h.session;
      return { session: { id, slug, title, kind, heldOn, speakers }, score: h.score, paragraphs: held[i]?.paragraphs ?? [] };
    });
    const ranked = rerankByProximity(shown, held, terms, query.words.map((w) => w.stem));
    return ranked.map((hit) => ({ ...hit, score: Math.round(hit.score * 1000) / 1000 }));
  }

  return {
    async indexSessions(sessionIds) {
      await ensureLoaded();
      await queue(() => doIndex(sessionIds));
    },

    async removeSessions(sessionIds) {
      await ensureLoaded();
      await queue(async () => {
        const ids = [...new Set(sessionIds)];
        if (ids.length === 0) return;
        const payload = buildSegmentPayload([], ids);
        const { id, generation: gen } = await repo.insertSegment('delta', JSON.stringify(payload), ids, clock.now().toISOString());
        set.addSegment(id, String(id), loadSegment(payload));
        generation = gen;
        scheduleMerge();
      });
    },

    async search(params) {
      const raw = params.q ?? '';
      if (raw.length > MAX_QUERY_LENGTH) {
        throw new SearchInputError('query_too_long', `عبارت جست‌وجو بیش از ${MAX_QUERY_LENGTH.toLocaleString('fa-IR')} نویسه است؛ آن را کوتاه‌تر کنید.`);
      }
      const query = parseQuery(raw, params.prefix === undefined ? {} : { prefixLast: params.prefix });
      if (query.words.length === 0 && query.stopWords.length === 0) {
        throw new SearchInputError('query_empty', 'عبارتی برای جست‌وجو وارد کنید (حروف یا عدد).');
      }
      const filters = filtersOf(params);
      if (filters.speaker) filters.speakerNames = speakerSpellingsFor(filters.speaker, await repo.people());
      const limit = Math.min(Math.max(params.limit ?? 10, 1), MAX_LIMIT);
      const offset = Math.max(params.offset ?? 0, 0);
      const perSession = params.paragraphs ?? 3;
      await ensureLoaded();
      if (Date.now() - lastCheck >= staleCheckMs) await refresh();
      // The index state a page was computed on: a new generation or sessions mark empties the cache.
      const state = `${generation}|${sessionsMark}|${set.segmentCount()}`;
      const key = cacheKeyOf(query, filters, limit, offset, perSession);
      const cached = pages.get(state, key);
      if (cached) return cached.query === raw ? cached : { ...cached, query: raw };
      let page: SearchPage;
      if (isStopWordPhrase(query)) {
        const { total, hits } = await phraseSearch(query, filters, limit, offset, perSession);
        page = { query: raw, total, limit, offset, hits, ignored: query.tokens, phrase: true, suggestion: null };
      } else {
        const result = set.search(query, { limit, offset, filters });
        const hits = await present(result.hits, result.terms, perSession, query, result.tokens);
        const suggestion = set.suggest(query);
        page = { query: raw, total: result.total, limit, offset, hits, ignored: query.stopWords, phrase: false, suggestion };
      }
      // Only if nothing moved while the paragraphs were read (another request may have refreshed).
      if (state === `${generation}|${sessionsMark}|${set.segmentCount()}`) pages.set(state, key, page);
      return page;
    },

    async speakers() {
      return sortSpeakers(await repo.people());
    },

    async refreshIfStale() {
      await ensureLoaded();
      return refresh();
    },

    async rebuild() {
      loading = Promise.resolve();
      await queue(doRebuild);
    },

    async merge() {
      await ensureLoaded();
      // One merge at a time: let a running one finish, then fold what came after it.
      if (mergeRun !== null) await mergeRun.catch(() => undefined);
      await startMerge();
    },

    async idle() {
      await background;
      await writes;
    },

    stats() {
      return { generation, segments: set.segmentCount(), sessions: set.size(), cache: pages.stats(), lastMerge };
    },
  };
}
