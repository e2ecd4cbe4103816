/**
 * @module Searching everything a user may see: directives, actions and follow-ups (notes, comments,
 * letters). Directives and follow-ups each have an in-memory index that follows the database (a cheap
 * look at every table per search; what changed is re-indexed as a delta in small slices; a full
 * build runs in a worker thread, or on the main thread for small tables and in-memory databases; it
 * starts with the server, and a search that comes before it is done waits without holding others);
 * actions are the actions of the directives holding the query's words, narrowed by the words that name a unit, counted in
 * SQL a few hundred directives per statement over the directives found (unranked), and paged by ranking only the directives
 * down to the page (the ranking is shared with the directives group), so no step holds the event loop long at the register's scale. Each group is scoped as reading is: published directives of published sessions
 * for everyone, actions and follow-ups of the user's own unit unless they are a manager
 * (actions/read-scope.ts).
 * Sessions stay with the session search; the route puts the groups beside its page.
 *
 * @example
 * const everything = createEverythingSearch(database);
 * await everything.search(user, { q: 'فروش املاک', kinds: ['directives', 'actions'], limit: 10, offset: 0 });
 */
import type { Client } from '@libsql/client';
import { actionUnitScope } from '../../actions/read-scope';
import { STATUS_LABELS } from '../../actions/status-rules';
import type { ActionStatus, DirectiveKind, Role } from '../../db/schema';
import type { SearchFilters } from '../engine';
import { escapeHtml, matchSession } from '../highlight';
import { parseQuery, type ParsedQuery } from '../query';
import { MAX_QUERY_LENGTH, SearchInputError } from '../search.service';
import { dateRangeOf } from '../search-input';
import { speakerSpellingsFor } from '../speakers';
import { createEverythingRepo, type EverythingRepo, type IndexRow, type KindName, type Since, type TableMarks } from './everything.repo';
import { buildInWorker, canBuildInWorker } from './background-build';
import { segmentRows } from './kind-build';
import { KindIndex, type KindHits } from './kind-index';
import { nextTurn } from '../next-turn';
import { unitsNamed, unitWordsOf, type UnitWords } from './unit-words';
import { letterKeysOf } from './letter-number';
import { SEARCH_KIND_LABELS, type SearchKind } from './search-kinds';

export interface EverythingParams {
  q: string;
  /** Kinds besides sessions (those the session search answers are ignored here). */
  kinds: readonly SearchKind[];
  /** Per group. */
  limit: number;
  offset: number;
  from?: string;
  to?: string;
  speaker?: string;
  prefix?: boolean;
}

export interface Snippet {
  /** HTML: escaped text with <mark> around the matched characters. */
  snippet: string;
  highlights: Array<[number, number]>;
}

interface SessionRef {
  slug: string;
  title: string;
  heldOn: string | null;
}

export interface DirectiveHit extends Snippet {
  id: number;
  anchor: string;
  kind: DirectiveKind;
  speaker: string | null;
  dueOn: string | null;
  session: SessionRef;
  link: string;
  trackLink: string;
  score: number;
}

export interface ActionHit {
  id: number;
  status: string;
  statusLabel: string;
  statusReason: string | null;
  progress: number;
  dueOn: string | null;
  unit: { code: string; name: string };
  directive: { id: number } & Snippet;
  session: SessionRef;
  link: string;
  score: number;
}

export interface FollowUpHit extends Snippet {
  id: number;
  kind: string;
  author: string | null;
  createdAt: string;
  letterNumber: string | null;
  letterDate: string | null;
  /** The query named this follow-up's letter number (in any digits and separators). */
  letterMatch: boolean;
  action: { id: number; unit: { code: string; name: string }; quote: string };
  link: string;
  score: number;
}

export type SearchGroup =
  | { kind: 'sessions'; label: string; total: number }
  | { kind: 'directives'; label: string; total: number; items: DirectiveHit[] }
  | { kind: 'actions'; label: string; total: number; items: ActionHit[] }
  | { kind: 'followups'; label: string; total: number; items: FollowUpHit[] };

export interface EverythingOptions {
  /** Look at the tables at most this often while searching, ms (default 0: every search, so a write is found at once). */
  staleCheckMs?: number;
  /** Fold deltas into a fresh build after this many (default 32). */
  rebuildAfterDeltas?: number;
  onBackgroundError?: (error: unknown) => void;
  /**
   * Build in a worker thread when the database is a file or server (not `:memory:`) and the
   * directive and follow-up tables hold at least this many rows together (default 100: ≈ 15,000
   * characters, ≈ 25 ms to build); smaller tables build on the main thread (a worker costs more to
   * start than they take), in the same segments.
   */
  workerMinRows?: number;
  /** Directives whose actions one statement counts (default COUNT_CHUNK; a test sets it small to cross chunk edges). */
  countChunk?: number;
}

/**
 * A delta is indexed in segments of at most this many characters or rows: building one holds the
 * event loop ≈ 1.5 ms per 1,000 characters (docs/benchmarks.md), so a slice stays near 10 ms.
 */
export const SLICE_CHARS = 6_000;
export const SLICE_ROWS = 200;
/** A delta of more rows than this is a full build in the worker instead (a bulk import, a re-ingest). */
export const LARGE_DELTA_ROWS = 2_000;

/** Rows in slices of at most SLICE_CHARS characters or SLICE_ROWS rows. */
function* slices<T extends { text: string }>(rows: readonly T[]): Generator<T[]> {
  let slice: T[] = [];
  let chars = 0;
  for (const row of rows) {
    if (slice.length > 0 && (chars + row.text.length > SLICE_CHARS || slice.length >= SLICE_ROWS)) {
      yield slice;
      slice = [];
      chars = 0;
    }
    slice.push(row);
    chars += row.text.length;
  }
  if (slice.length > 0) yield slice;
}

const KIND_NAMES: readonly KindName[] = ['directives', 'followups'];

/** Directives ranked first to locate a page of actions (more, four times at a time, only for a page further down). */
export const RANK_FIRST = 50;
/** Directives whose actions are counted in one statement (≈ 3 actions each at the register's scale: a few ms). */
export const COUNT_CHUNK = 500;

/** Directive rankings of one request (rankedDirectives). */
interface Ranked {
  directives(query: ParsedQuery, limit: number): KindHits;
}

interface State {
  indexes: Record<KindName, KindIndex>;
  /** Words of unit names that tell units apart (units change with the catalogue, read at each full build). */
  unitWords: UnitWords;
  /** Where the next delta starts. */
  since: Since;
  marks: TableMarks;
}

function sinceOf(marks: TableMarks): Since {
  return {
    sessionsUpdated: marks.sessionsUpdated,
    directivesMaxId: marks.directivesMaxId,
    directivesUpdated: marks.directivesUpdated,
    actionsMaxId: marks.actionsMaxId,
    actionsUpdated: marks.actionsUpdated,
    followUpsMaxId: marks.followUpsMaxId,
  };
}

const sameMarks = (a: TableMarks, b: TableMarks) => JSON.stringify(a) === JSON.stringify(b);
const COUNT_OF: Record<KindName, keyof TableMarks> = { directives: 'directives', followups: 'followUps' };

/** Letter hits first (in order), then ranked hits; the page's ids with their scores. */
function pageOf(hits: KindHits, limit: number, offset: number): { ids: Array<{ id: number; score: number; letter: boolean }>; total: number } {
  const scores = new Map(hits.hits.map((h) => [h.session.id, h.score]));
  const letters = new Set(hits.letters);
  const ordered = [...hits.letters.map((id) => ({ id, score: scores.get(id) ?? 0, letter: true })), ...hits.hits.filter((h) => !letters.has(h.session.id)).map((h) => ({ id: h.session.id, score: h.score, letter: false }))];
  const extra = hits.letters.filter((id) => !scores.has(id)).length;
  return { ids: ordered.slice(offset, offset + limit), total: Math.max(hits.total + extra, ordered.length) };
}

export function createEverythingSearch(database: { client: Client; url?: string; authToken?: string }, options: EverythingOptions = {}) {
  const repo: EverythingRepo = createEverythingRepo(database.client);
  const staleCheckMs = options.staleCheckMs ?? 0;
  const rebuildAfter = options.rebuildAfterDeltas ?? 32;
  const workerMinRows = options.workerMinRows ?? 100;
  const countChunk = Math.max(1, options.countChunk ?? COUNT_CHUNK);
  const workerUrl = canBuildInWorker(database.url) ? database.url : undefined;
  const onError = options.onBackgroundError ?? ((e: unknown) => console.error('search: rebuilding the directive/action index failed', e));
  let state: State | null = null;
  let lastCheck = 0;
  let loading: Promise<State> | null = null;
  let compacting: Promise<void> | null = null;
  /** The thread of the last full build (0: the main thread) and its wall time. */
  let lastBuild: { threadId: number; ms: number } | null = null;
  // One refresh at a time: deltas apply in order.
  let jobs: Promise<unknown> = Promise.resolve();
  const queue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = jobs.then(job, job);
    jobs = next.catch(() => undefined);
    return next;
  };

  const inWorker = (marks: TableMarks) => workerUrl !== undefined && marks.directives + marks.followUps >= workerMinRows;

  /** Every kind from scratch: in the worker for large tables, else here (others' requests run between segments). */
  async function build(): Promise<State> {
    const started = Date.now();
    const marks = await repo.marks();
    if (workerUrl !== undefined && inWorker(marks)) {
      try {
        const indexes = { directives: new KindIndex(), followups: new KindIndex() };
        const done = await buildInWorker({ kind: 'everything-build', url: workerUrl, ...(database.authToken ? { authToken: database.authToken } : {}) }, (kind, part) => indexes[kind].addPart(part));
        lastBuild = { threadId: done.threadId, ms: Date.now() - started };
        return { indexes, unitWords: unitWordsOf(done.units), since: sinceOf(done.marks), marks: done.marks };
      } catch (error) {
        // Correct either way: the same rows, built here.
        onError(error);
      }
    }
    // The same segments as the worker's (so the same ranking), a turn of the loop between them.
    const indexes = { directives: new KindIndex(), followups: new KindIndex() };
    for (const kind of KIND_NAMES) {
      for await (const rows of segmentRows(repo.chunk, kind)) {
        indexes[kind].apply(rows, false);
        await nextTurn();
      }
    }
    lastBuild = { threadId: 0, ms: Date.now() - started };
    return { indexes, unitWords: unitWordsOf(await repo.units()), since: sinceOf(marks), marks };
  }

  /** Re-index what changed since the last look, in slices; false when it is too large for that (build instead). */
  async function applyDelta(current: State, marks: TableMarks): Promise<boolean> {
    const changed = await repo.changedIds(current.since);
    await nextTurn();
    if (inWorker(marks) && changed.directives.length + changed.followups.length > LARGE_DELTA_ROWS) return false;
    for (const kind of KIND_NAMES) {
      const ids = changed[kind];
      for (let i = 0; i < ids.length; i += SLICE_ROWS) {
        const rows: IndexRow[] = await repo.byIds(kind, ids.slice(i, i + SLICE_ROWS));
        for (const slice of slices(rows)) {
          current.indexes[kind].apply(slice);
          await nextTurn();
        }
      }
    }
    current.since = sinceOf(marks);
    current.marks = marks;
    return true;
  }

  /** A table holding fewer rows than the index has seen lost some (a session re-ingested): build again. */
  const lostRows = (current: State, marks: TableMarks) => KIND_NAMES.some((k) => current.indexes[k].seen.size > Number(marks[COUNT_OF[k]]));

  function compactInBackground(): void {
    if (compacting) return;
    compacting = (async () => {
      const fresh = await build();
      await queue(async () => {
        // Deltas applied to the old indexes meanwhile are re-read from the fresh build's marks.
        state = fresh;
        const marks = await repo.marks();
        if (!sameMarks(marks, fresh.marks) && !(await applyDelta(fresh, marks))) state = await build();
      });
    })()
      .catch(onError)
      .finally(() => {
        compacting = null;
      });
  }

  async function fresh(): Promise<State> {
    if (!state) {
      loading ??= queue(build).then(
        (built) => (state = built),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    }
    if (Date.now() - lastCheck < staleCheckMs) return state;
    return queue(async () => {
      let current = state ?? (await build());
      const marks = await repo.marks();
      lastCheck = Date.now();
      if (sameMarks(marks, current.marks)) return current;
      if (marks.directives < current.marks.directives || marks.actions < current.marks.actions || marks.followUps < current.marks.followUps) {
        current = await build();
      } else if (!(await applyDelta(current, marks)) || lostRows(current, marks)) {
        current = await build();
      }
      state = current;
      if (KIND_NAMES.some((k) => current.indexes[k].deltas >= rebuildAfter)) compactInBackground();
      return current;
    });
  }

  function snippetOf(text: string, hits: KindHits): Snippet {
    const best = matchSession([{ ordinal: 0, text, speaker: null }], hits.terms, 1, hits.tokens).paragraphs[0];
    return best ? { snippet: best.snippet, highlights: best.highlights } : { snippet: escapeHtml(text.length > 240 ? `${text.slice(0, 240)}…` : text), highlights: [] };
  }

  async function directivesGroup(query: ParsedQuery, filters: SearchFilters, params: EverythingParams, current: State, ranked: Ranked) {
    const hits = ranked.directives(query, params.offset + params.limit);
    const { ids, total } = pageOf(hits, params.limit, params.offset);
    await nextTurn();
    const rows = new Map((await repo.directives(ids.map((i) => i.id))).map((r) => [r.id, r]));
    const items: DirectiveHit[] = [];
    for (const { id, score } of ids) {
      const r = rows.get(id);
      if (!r) continue;
      const slug = encodeURIComponent(r.session.slug);
      items.push({ id, anchor: r.anchor, kind: r.kind, speaker: r.speaker, dueOn: r.dueOn, session: r.session, ...snippetOf(r.quote, hits), link: `/sessions/${slug}#d-${r.anchor}`, trackLink: `/directives/${id}`, score: round(score) });
    }
    return { kind: 'directives' as const, label: SEARCH_KIND_LABELS.directives, total, items };
  }

  /**
   * Actions are found through their directives (the directive index) and the words that name their
   * unit («تهران»): a unit's name is in every action of it, and «آموزش» in every unit's name.
   */
  async function actionsGroup(query: ParsedQuery, filters: SearchFilters, params: EverythingParams, current: State, unit: string | null, ranked: Ranked) {
    const named = unitsNamed(query.tokens, current.unitWords);
    let units = named.units;
    if (unit !== null) units = units === null || units.includes(unit) ? [unit] : [];
    const label = SEARCH_KIND_LABELS.actions;
    if (units !== null && units.length === 0) return { kind: 'actions' as const, label, total: 0, items: [] };
    const lastKept = named.rest.at(-1) === query.tokens.at(-1);
    const rest = named.units === null ? query : parseQuery(named.rest.join(' '), { prefixLast: lastKept && query.words.some((w) => w.prefix) });
    const seen: { hits: KindHits | null } = { hits: null };
    let page: { ids: number[]; total: number };
    if (rest.words.length > 0) {
      // Counted over every directive holding the words (unranked); only the directives down to the page are ranked.
      const matched = current.indexes.directives.matchingIds(rest, filters);
      page = await actionsPage(matched, (k) => {
        seen.hits = ranked.directives(rest, k);
        return seen.hits.hits.map((h) => h.session.id);
      }, units, filters, params.limit, params.offset);
    } else if (named.units === null) {
      return { kind: 'actions' as const, label, total: 0, items: [] };
    } else if (filters.speakerNames) {
      // Only units named, with a speaker: the directives of that speaker, as the index knows them, in id order.
      const ids = current.indexes.directives.idsWhere(filters);
      page = await actionsPage(ids, (k) => ids.slice(0, k), units, filters, params.limit, params.offset);
    } else {
      await nextTurn();
      page = await repo.actionsOf(null, units, filters, params.limit, params.offset);
    }
    const found = seen.hits;
    const scores = new Map((found?.hits ?? []).map((h) => [h.session.id, h.score]));
    await nextTurn();
    const rows = new Map((await repo.actions(page.ids)).map((r) => [r.id, r]));
    const items: ActionHit[] = [];
    for (const id of page.ids) {
      const r = rows.get(id);
      if (!r || (unit !== null && r.unit.code !== unit)) continue;
      const snippet = found ? snippetOf(r.directive.quote, found) : { snippet: escapeHtml(r.directive.quote), highlights: [] };
      items.push({
        id,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status as ActionStatus] ?? r.status,
        statusReason: r.statusReason,
        progress: r.progress,
        dueOn: r.dueOn,
        unit: r.unit,
        directive: { id: r.directive.id, ...snippet },
        session: r.session,
        link: `/actions/${id}`,
        score: round(scores.get(r.directive.id) ?? 0),
      });
    }
    return { kind: 'actions' as const, label, total: page.total, items };
  }

  /** Directive rankings of one request: each query ranked once, again only when more of it is asked than was ranked. */
  function rankedDirectives(current: State, filters: SearchFilters): Ranked {
    const done = new Map<ParsedQuery, KindHits>();
    return {
      directives(query: ParsedQuery, limit: number): KindHits {
        const known = done.get(query);
        if (known && (known.hits.length >= limit || known.hits.length >= known.total)) return known;
        const hits = current.indexes.directives.search(query, [], { limit, offset: 0, filters });
        done.set(query, hits);
        return hits;
      },
    };
  }

  /**
   * A page of the actions of the directives a query found, and how many in all. The count is per
   * directive over every directive found (unranked), `countChunk` directives a statement with a turn
   * of the loop between (one statement over thousands held the loop ≈ 20–50 ms); the page is then
   * located by walking the directives in rank order, ranking first the `RANK_FIRST` best (or as many
   * as the page's start) and four times more while the page lies further down (ranking every
   * match, 5,000 at most before, was the longest step: ≈ 8 ms warm, 15–20 ms the first time), and read
   * from the few directives it spans.
   */
  async function actionsPage(matched: readonly number[], rankedFirst: (k: number) => readonly number[], units: readonly string[] | null, range: { from?: string; to?: string }, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
    const counts = new Map<number, number>();
    let total = 0;
    for (let i = 0; i < matched.length; i += countChunk) {
      await nextTurn();
      for (const [id, n] of await repo.actionCounts(matched.slice(i, i + countChunk), units, range)) {
        counts.set(id, n);
        total += n;
      }
    }
    if (offset >= total) return { ids: [], total };
    for (let k = Math.max(RANK_FIRST, offset + limit); ; k *= 4) {
      await nextTurn();
      const ranked = rankedFirst(k);
      let before = 0;
      let skip = 0;
      const spanned: number[] = [];
      for (const id of ranked) {
        const n = counts.get(id) ?? 0;
        if (n === 0) continue;
        // The directive's actions are [before, before + n) in the whole order; keep it when that meets the page.
        if (before + n > offset && before < offset + limit) {
          if (spanned.length === 0) skip = offset - before;
          spanned.push(id);
        }
        before += n;
        if (before >= offset + limit) break;
      }
      // Ranked to the end (feedback may rank a few directives holding none of the words among them).
      if (before >= offset + limit || ranked.length < k) {
        if (spanned.length === 0) return { ids: [], total };
        await nextTurn();
        const page = await repo.actionsOf(spanned, units, range, limit, skip);
        return { ids: page.ids, total };
      }
    }
  }

  async function followUpsGroup(query: ParsedQuery, filters: SearchFilters, params: EverythingParams, current: State, unit: string | null) {
    const scoped = unit === null ? filters : { ...filters, kind: unit };
    const hits = current.indexes.followups.search(query, letterKeysOf(params.q), { limit: params.offset + params.limit, offset: 0, filters: scoped });
    const { ids, total } = pageOf(hits, params.limit, params.offset);
    await nextTurn();
    const rows = new Map((await repo.followUps(ids.map((i) => i.id))).map((r) => [r.id, r]));
    const items: FollowUpHit[] = [];
    for (const { id, score, letter } of ids) {
      const r = rows.get(id);
      if (!r || (unit !== null && r.action.unit.code !== unit)) continue;
      items.push({
        id,
        kind: r.kind,
        author: r.author,
        createdAt: r.createdAt,
        letterNumber: r.letterNumber,
        letterDate: r.letterDate,
        letterMatch: letter,
        ...(r.note ? snippetOf(r.note, hits) : { snippet: '', highlights: [] }),
        action: r.action,
        link: `/actions/${r.action.id}#f-${id}`,
        score: round(score),
      });
    }
    return { kind: 'followups' as const, label: SEARCH_KIND_LABELS.followups, total, items };
  }

  return {
    /** The groups of `kinds` other than sessions, each scoped for `user`. */
    async search(user: { role: Role; unitCode: string | null }, params: EverythingParams): Promise<SearchGroup[]> {
      if (params.q.length > MAX_QUERY_LENGTH) {
        throw new SearchInputError('query_too_long', `عبارت جست‌وجو بیش از ${MAX_QUERY_LENGTH.toLocaleString('fa-IR')} نویسه است؛ آن را کوتاه‌تر کنید.`);
      }
      const query = parseQuery(params.q, params.prefix === undefined ? {} : { prefixLast: params.prefix });
      if (query.words.length === 0 && query.stopWords.length === 0) throw new SearchInputError('query_empty', 'عبارتی برای جست‌وجو وارد کنید (حروف یا عدد).');
      const filters = dateRangeOf(params);
      if (params.speaker?.trim()) {
        filters.speaker = params.speaker.trim();
        filters.speakerNames = speakerSpellingsFor(filters.speaker, await repo.people());
      }
      const current = await fresh();
      const scope = actionUnitScope(user);
      // One unit at most today (a director's or staff member's own); an empty scope reads none.
      const unit = scope === null ? null : (scope[0] ?? null);
      const groups: SearchGroup[] = [];
      // Shared by the directives group (its page) and the actions group (the directives down to its page).
      const ranked = rankedDirectives(current, filters);
      for (const kind of params.kinds) {
        if (kind === 'sessions') continue;
        // A turn of the loop before each group: at the register's scale a group is ≈ 5–15 ms of CPU, the three together too long to hold others.
        await nextTurn();
        if (kind === 'directives') groups.push(await directivesGroup(query, filters, params, current, ranked));
        else if (scope !== null && scope.length === 0) groups.push({ kind, label: SEARCH_KIND_LABELS[kind], total: 0, items: [] });
        else if (kind === 'actions') groups.push(await actionsGroup(query, filters, params, current, unit, ranked));
        else groups.push(await followUpsGroup(query, filters, params, current, unit));
      }
      return groups;
    },

    /** Build now (the server calls it at start; else the first search builds); resolves when searchable. */
    async warm(): Promise<void> {
      await fresh();
    },

    /** Documents per kind, deltas since the last full build, and where the last full build ran. */
    stats() {
      const of = (k: KindName) => ({ documents: state?.indexes[k].size() ?? 0, deltas: state?.indexes[k].deltas ?? 0 });
      return { directives: of('directives'), followups: of('followups'), lastBuild };
    },

    /** Wait for a background rebuild. */
    async idle(): Promise<void> {
      await compacting;
      await jobs;
    },
  };
}

const round = (score: number) => Math.round(score * 1000) / 1000;

export type EverythingSearch = ReturnType<typeof createEverythingSearch>;
