/**
 * @module One kind's search index (directives, actions or follow-ups): the session search's own
 * engine (lunr segments, Persian pipeline, compounds, typos) over short documents, built in chunks
 * that yield to other requests, with deltas for what changed and a letter-number lookup. The unit a
 * document belongs to rides in the engine's `kind` field, so a unit filter costs nothing extra.
 */
import type { EngineResult, SearchFilters } from '../engine';
import type { ParsedQuery } from '../query';
import { buildSegmentPayload, loadSegment, type IndexableSession } from '../segment';
import { DEFAULT_WEIGHTS, SegmentSet } from '../segment-set';
import type { IndexRow } from './everything.repo';
import { normalizePersian } from '../../persian/normalize';
import { letterKey } from './letter-number';

/** Rows read at a time by a full build. */
export const BUILD_CHUNK = 2_000;
/**
 * A full build's segment holds about this many characters of text (or SEGMENT_MAX_ROWS rows): one
 * segment blocks the event loop for some tens of ms, and few segments keep queries fast
 * (docs/benchmarks.md, Search of everything).
 */
export const SEGMENT_CHARS = 120_000;
export const SEGMENT_MAX_ROWS = 4_000;

/** Let other requests run between chunks. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function documentOf(row: IndexRow): IndexableSession {
  return {
    id: row.id,
    slug: '',
    title: '',
    kind: row.unitCode,
    heldOn: row.date,
    speakers: row.speaker ? [row.speaker] : [],
    contentHash: '',
    heading: '',
    body: row.text,
  };
}

export interface KindHits extends EngineResult {
  /** Ids whose letter number the query names exactly, best first (before the ranked hits). */
  letters: number[];
}

/**
 * @example
 * const index = new KindIndex();
 * index.apply(rows); // a delta: rows replace what the index held for their ids
 * index.search(parseQuery('فروش'), { limit: 10, offset: 0, filters: { kind: 'prov-tehran' } });
 */
export class KindIndex {
  private set = new SegmentSet(DEFAULT_WEIGHTS);
  private rank = 0;
  /** Deltas since the last full build. */
  deltas = 0;
  /** Every id seen in the table (readable or not): a smaller table means rows were deleted. */
  readonly seen = new Set<number>();
  /** Letter key → follow-up ids holding it; and each id's key, to drop it when the row changes. */
  private letters = new Map<string, Set<number>>();
  private letterOf = new Map<number, string>();
  /** Unit and date of each readable id (the letter lookup applies the same filters as the engine). */
  private meta = new Map<number, { unitCode: string; date: string | null; speaker: string | null }>();

  /** Add or replace these rows (unreadable ones are removed); one new segment. */
  apply(rows: readonly IndexRow[], asDelta = true): void {
    if (rows.length === 0) return;
    const docs: IndexableSession[] = [];
    for (const row of rows) {
      this.seen.add(row.id);
      this.dropLetter(row.id);
      this.meta.delete(row.id);
      if (!row.visible || !row.text.trim()) continue;
      docs.push(documentOf(row));
      this.meta.set(row.id, { unitCode: row.unitCode, date: row.date, speaker: row.speaker === null ? null : normalizePersian(row.speaker) });
      const key = row.letterNumber ? letterKey(row.letterNumber) : '';
      if (key) {
        this.letterOf.set(row.id, key);
        const ids = this.letters.get(key) ?? new Set<number>();
        ids.add(row.id);
        this.letters.set(key, ids);
      }
    }
    this.rank += 1;
    this.set.addSegment(this.rank, `k-${this.rank}`, loadSegment(buildSegmentPayload(docs, rows.map((r) => r.id))));
    if (asDelta) this.deltas += 1;
  }

  private dropLetter(id: number): void {
    const key = this.letterOf.get(id);
    if (key === undefined) return;
    this.letterOf.delete(id);
    const ids = this.letters.get(key);
    ids?.delete(id);
    if (ids && ids.size === 0) this.letters.delete(key);
  }

  size(): number {
    return this.set.size();
  }

  /** Readable ids that pass the filters, in id order (the actions of a unit, say, with a speaker filter). */
  idsWhere(filters: SearchFilters): number[] {
    const out: number[] = [];
    for (const [id, meta] of this.meta) if (passes(meta, filters)) out.push(id);
    return out.sort((a, b) => a - b);
  }

  /**
   * Ranked hits as the session search ranks them, plus exact letter-number hits. `filters.kind` is
   * the unit scope; `speakerNames` the speaker filter's spellings (normalised).
   */
  search(query: ParsedQuery, keys: readonly string[], options: { limit: number; offset: number; filters: SearchFilters }): KindHits {
    const result: EngineResult = query.words.length > 0 ? this.set.search(query, options) : { hits: [], total: 0, terms: [], tokens: query.tokens };
    const letters: number[] = [];
    for (const key of keys) {
      for (const id of this.letters.get(key) ?? []) {
        const meta = this.meta.get(id);
        if (meta && passes(meta, options.filters) && !letters.includes(id)) letters.push(id);
      }
    }
    return { ...result, letters };
  }
}

function passes(meta: { unitCode: string; date: string | null; speaker: string | null }, filters: SearchFilters): boolean {
  if (filters.kind !== undefined && meta.unitCode !== filters.kind) return false;
  if (filters.from && (!meta.date || meta.date < filters.from)) return false;
  if (filters.to && (!meta.date || meta.date > filters.to)) return false;
  const names = filters.speakerNames;
  if (names && names.length > 0) return meta.speaker !== null && names.some((n) => meta.speaker?.includes(n));
  return true;
}
