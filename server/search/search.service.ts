/**
 * @module The search service: the index state (index-state.ts: load, sync, reconcile, merge) and
 * the query path (query-path.ts: parse, rank, cache, present) over one database, behind the one
 * interface the routes, the ingest pipeline and the CLIs use.
 *
 * @example
 * const search = createSearchService({ db, client });
 * await search.indexSessions([id]);              // the ingest pipeline calls this after storing
 * const page = await search.search({ q: 'بودجه ۱۴۰۰' });
 */
import type { Client } from '@libsql/client';
import type { Db } from '../db/client';
import { createIndexState, type IndexStateOptions } from './index-state';
import { createMaterialKeeper, type MaterialPass } from './material-keeper';
import { createQueryPath, type QueryPathOptions, type SearchPage } from './query-path';
import type { SearchParams } from './search-input';
import { createSearchRepo } from './search.repo';
import { warmUp, WARM_UP_MS } from './warm-up';
import type { KnownSpeaker } from './speakers';

export { MAX_LIMIT, MAX_QUERY_LENGTH, SearchInputError, type SearchParams } from './search-input';
export type { SearchPage, SessionHit } from './query-path';

export type SearchServiceOptions = IndexStateOptions & QueryPathOptions;

export interface SearchService {
  /** Index (or re-index) these sessions now: a delta segment, searchable on return. */
  indexSessions(sessionIds: number[]): Promise<void>;
  /** Drop sessions from the index. */
  removeSessions(sessionIds: number[]): Promise<void>;
  search(params: SearchParams): Promise<SearchPage>;
  /** Known speakers (content/people.yaml), in Persian order, for the speaker filter. */
  speakers(): Promise<KnownSpeaker[]>;
  /**
   * Before serving (main.ts): the newest sessions' paragraphs into the paragraph cache, then searches
   * of words from their text, so the first requests find the paragraphs read and the code compiled;
   * stops after `budgetMs` (default WARM_UP_MS).
   */
  warmUp(budgetMs?: number): Promise<{ sessions: number; queries: number; ms: number }>;
  /**
   * Keep every published session's search material current (material-keeper.ts), in the
   * background: now (after listening: existing databases fill in once), after each indexing from
   * then on, and when a search sees the index state move (another process wrote). Resolves when the pass is done; one process per database is enough (main.ts).
   */
  keepMaterial(): Promise<MaterialPass>;
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

/**
 * Create the search service over the database.
 *
 * @example
 * const database = await openDatabase('file:data/neshast.db');
 * const search = createSearchService(database); // { db, client, url }: merges run in a worker
 */
export function createSearchService(deps: { db: Db; client?: Client; url?: string; authToken?: string }, options: SearchServiceOptions = {}): SearchService {
  const repo = createSearchRepo(deps.db);
  const index = createIndexState({ repo, url: deps.url, authToken: deps.authToken }, options);
  const queries = createQueryPath({ index, repo }, options);
  const keeper = createMaterialKeeper(repo);
  let keeping = false;
  /** The index state the keeper last ran for: another process's writes show up as a new one on a search. */
  let keptFor = '';
  // After indexing, in the background (the write is searchable already; its material follows).
  const keepUp = () => {
    if (keeping) keeper.nudge().catch((error: unknown) => console.error('search: storing search material failed; the next indexing tries again', error));
  };
  return {
    async indexSessions(ids) {
      await index.indexSessions(ids);
      keepUp();
    },
    async removeSessions(ids) {
      await index.removeSessions(ids);
      keepUp();
    },
    keepMaterial() {
      keeping = true;
      keptFor = index.version();
      return keeper.nudge();
    },
    async search(params) {
      const page = await queries.search(params);
      // Sessions another process wrote (an ingest beside the server) get their material too.
      if (keeping && index.version() !== keptFor) {
        keptFor = index.version();
        keepUp();
      }
      return page;
    },
    speakers: () => queries.speakers(),
    async refreshIfStale() {
      await index.ensureLoaded();
      return index.refresh();
    },
    warmUp: (budgetMs = WARM_UP_MS) => warmUp(index, repo, queries, budgetMs),
    rebuild: () => index.rebuild(),
    merge: () => index.merge(),
    async idle() {
      await index.idle();
      await keeper.idle();
    },
    stats() {
      const { generation, segments, sessions, lastMerge } = index.stats();
      return { generation, segments, sessions, cache: queries.cacheStats(), lastMerge };
    },
  };
}
