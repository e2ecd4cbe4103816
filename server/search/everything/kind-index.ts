/**
 * @module One kind's search index (directives, actions or follow-ups): the session search's own
 * engine (lunr segments, Persian pipeline, compounds, typos) over short documents, built in parts
 * (kind-build.ts; a large build in a worker thread), with deltas for what changed and a letter-number
 * lookup. The unit a document belongs to rides in the engine's `kind` field, so a unit filter costs
 * nothing extra.
 */
import type { EngineResult, SearchFilters } from '../engine';
import type { ParsedQuery } from '../query';
import { DEFAULT_WEIGHTS, SegmentSet } from '../segment-set';
import type { IndexRow } from './everything.repo';
import { buildPart, type BuiltPart } from './kind-build';

export { BUILD_CHUNK, SEGMENT_CHARS, SEGMENT_MAX_ROWS } from './kind-build';

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
    this.addPart(buildPart(rows), asDelta);
  }

  /** Add a segment built elsewhere (buildPart, here or in the build worker): its rows replace what the index held for their ids. */
  addPart(part: BuiltPart, asDelta = false): void {
    if (part.ids.length === 0) return;
    for (const id of part.ids) {
      this.seen.add(id);
      this.dropLetter(id);
      this.meta.delete(id);
    }
    for (const { id, unitCode, date, speaker, letter } of part.meta) {
      this.meta.set(id, { unitCode, date, speaker });
      if (letter) {
        this.letterOf.set(id, letter);
        const ids = this.letters.get(letter) ?? new Set<number>();
        ids.add(id);
        this.letters.set(letter, ids);
      }
    }
    this.rank += 1;
    this.set.addNewestSegment(this.rank, `k-${this.rank}`, part.segment);
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

  /** Readable ids holding a word of the query and passing the filters, ascending, unranked (to count what it finds). */
  matchingIds(query: ParsedQuery, filters: SearchFilters): number[] {
    return query.words.length > 0 ? Array.from(Int32Array.from(this.set.matchingIds(query, filters)).sort()) : [];
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
