/**
 * @module The search index's state in this process: the persisted segments (one base, small
 * deltas) loaded into a SegmentSet, kept in step with the database. It loads them, reconciles them
 * with the sessions table, indexes saved sessions as deltas, reloads when another process moves the
 * generation, and folds the deltas into a new base (writeBase, in a worker when it can). Writes go
 * one at a time; queries read the current engine (`engine()`) and the state a page depends on.
 */
import { systemClock, type Clock } from '../clock';
import { canMergeInWorker, runMergeInWorker } from './background-merge';
import { writeBase } from './base-builder';
import type { SearchEngine } from './engine';
import type { SearchRepo } from './search.repo';
import { buildSegmentPayload, loadSegment, parsePayload } from './segment';
import { SegmentSet, DEFAULT_WEIGHTS, type MatchWeights } from './segment-set';

export interface IndexStateOptions {
  /** Merge deltas into the base once there are this many (default 8). */
  mergeAfterDeltas?: number;
  /** Merge in the background after writes (default true; tests and CLIs may turn it off). */
  autoMerge?: boolean;
  /** Check the generation at most this often while searching, ms (default 250). */
  staleCheckMs?: number;
  weights?: MatchWeights;
  clock?: Clock;
  /** Called when a background merge fails (default: console.error). */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Build merged bases in a worker thread so searches are answered meanwhile (default true;
   * needs `deps.url` of a database another client can open, else merges run on this thread).
   */
  mergeInWorker?: boolean;
  /** Auth token the merge worker opens a remote database with. */
  authToken?: string;
}

export interface IndexState {
  /** Load the persisted segments and reconcile them with the sessions table, once. */
  ensureLoaded(): Promise<void>;
  /** Reload if another process moved the generation or the sessions table; true when something was reloaded. */
  refresh(): Promise<boolean>;
  /** Refresh when the last check is older than `staleCheckMs` (searches call this). */
  refreshIfDue(): Promise<void>;
  /** The index as it stands now (a new one after a reload: ask again after an await). */
  engine(): SearchEngine;
  /** What a result page depends on: it changes whenever the index may answer differently. */
  version(): string;
  indexSessions(sessionIds: number[]): Promise<void>;
  removeSessions(sessionIds: number[]): Promise<void>;
  rebuild(): Promise<void>;
  merge(): Promise<void>;
  idle(): Promise<void>;
  stats(): { generation: number; segments: number; sessions: number; lastMerge: { threadId: number; ms: number } | null };
}

function rankOf(id: number, kind: 'base' | 'delta', asOf: number): number {
  // A base includes every segment up to asOf: it outranks them and loses to later deltas.
  return kind === 'base' ? asOf + 0.5 : id;
}

/**
 * The index state over the search repo.
 *
 * @example
 * const index = createIndexState({ repo: createSearchRepo(db), url: 'file:data/neshast.db' });
 * await index.ensureLoaded(); index.engine().search(parseQuery('بودجه'), { limit: 10, offset: 0 });
 */
export function createIndexState(deps: { repo: SearchRepo; url?: string; authToken?: string }, options: IndexStateOptions = {}): IndexState {
  const { repo } = deps;
  const clock = options.clock ?? systemClock;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const mergeAfter = options.mergeAfterDeltas ?? 8;
  const autoMerge = options.autoMerge ?? true;
  const staleCheckMs = options.staleCheckMs ?? 250;
  const onError = options.onBackgroundError ?? ((e: unknown) => console.error('search: background merge failed', e));
  let set = new SegmentSet(weights);
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
      const fresh = new SegmentSet(weights);
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

  /** Write a delta segment covering `covers` (sessions indexed or removed) and search it at once. */
  async function addDelta(payload: ReturnType<typeof buildSegmentPayload>): Promise<void> {
    const { id, generation: gen } = await repo.insertSegment('delta', JSON.stringify(payload), payload.covers, clock.now().toISOString());
    set.addSegment(id, String(id), loadSegment(payload));
    generation = gen;
    scheduleMerge();
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
    await addDelta(buildSegmentPayload(found, covers));
  }

  async function doRebuild(): Promise<void> {
    const base = await writeBase(repo, clock.now().toISOString());
    const fresh = new SegmentSet(weights);
    fresh.addSegment(rankOf(base.id, 'base', base.asOf), String(base.id), base.segment);
    set = fresh;
    generation = base.generation;
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

  return {
    ensureLoaded,
    refresh,
    async refreshIfDue() {
      if (Date.now() - lastCheck >= staleCheckMs) await refresh();
    },
    engine: () => set,
    version: () => `${generation}|${sessionsMark}|${set.segmentCount()}`,

    async indexSessions(sessionIds) {
      await ensureLoaded();
      await queue(() => doIndex(sessionIds));
    },

    async removeSessions(sessionIds) {
      await ensureLoaded();
      await queue(async () => {
        const ids = [...new Set(sessionIds)];
        if (ids.length === 0) return;
        await addDelta(buildSegmentPayload([], ids));
      });
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

    stats: () => ({ generation, segments: set.segmentCount(), sessions: set.size(), lastMerge }),
  };
}
