/**
 * @module Building one kind's index in parts: rows read in id-ordered chunks, grouped into segments
 * of about SEGMENT_CHARS characters, each turned into a loaded segment plus what the index keeps
 * beside it (unit, date, speaker, letter key of each readable row). Pure but for the rows it is
 * handed, so the same code runs on the main thread (a delta, a small table) and in the build worker
 * (everything-worker.ts), whose parts cross to the main thread as structured clones.
 */
import { normalizePersian } from '../../persian/normalize';
import { buildSegmentPayload, loadSegment, type IndexableSession, type Segment } from '../segment';
import type { IndexRow, KindName } from './everything.repo';
import { letterKey } from './letter-number';

/** Rows read at a time by a full build. */
export const BUILD_CHUNK = 2_000;
/**
 * A full build's segment holds about this many characters of text (or SEGMENT_MAX_ROWS rows): few
 * segments keep queries fast; one segment is some tens of ms of CPU to build, which is why a large
 * build runs in a worker thread (docs/benchmarks.md, Search of everything).
 */
export const SEGMENT_CHARS = 120_000;
export const SEGMENT_MAX_ROWS = 4_000;

/** What the index keeps of a readable row besides its terms. */
export interface RowMeta {
  id: number;
  unitCode: string;
  date: string | null;
  /** Normalised (the speaker filter compares normalised spellings). */
  speaker: string | null;
  /** Letter key of a follow-up's letter number ('' when none). */
  letter: string;
}

/** One segment's worth of rows, built: what `KindIndex.addPart` takes. */
export interface BuiltPart {
  /** Every id the rows covered, readable or not (a tombstone for the unreadable). */
  ids: number[];
  /** The readable rows' metadata. */
  meta: RowMeta[];
  segment: Segment;
}

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

/**
 * Build the segment of these rows (unreadable or empty ones are covered, not indexed).
 *
 * @example
 * index.addPart(buildPart(rows), false);
 */
export function buildPart(rows: readonly IndexRow[]): BuiltPart {
  const docs: IndexableSession[] = [];
  const meta: RowMeta[] = [];
  for (const row of rows) {
    if (!row.visible || !row.text.trim()) continue;
    docs.push(documentOf(row));
    meta.push({
      id: row.id,
      unitCode: row.unitCode,
      date: row.date,
      speaker: row.speaker === null ? null : normalizePersian(row.speaker),
      letter: row.letterNumber ? letterKey(row.letterNumber) : '',
    });
  }
  const ids = rows.map((r) => r.id);
  return { ids, meta, segment: loadSegment(buildSegmentPayload(docs, ids)) };
}

/** Reads a kind's rows with ids above `afterId`, at most `limit`, in id order. */
export type ChunkReader = (kind: KindName, afterId: number, limit: number) => Promise<IndexRow[]>;

/**
 * Every row of a kind, in the groups a full build makes one segment of (same grouping wherever it
 * runs, so a build in the worker and one on the main thread give the same segments).
 *
 * @example
 * for await (const rows of segmentRows(repo.chunk, 'directives')) index.addPart(buildPart(rows), false);
 */
export async function* segmentRows(read: ChunkReader, kind: KindName): AsyncGenerator<IndexRow[]> {
  let pending: IndexRow[] = [];
  let chars = 0;
  for (let after = 0; ; ) {
    const rows = await read(kind, after, BUILD_CHUNK);
    if (rows.length === 0) break;
    for (const row of rows) {
      pending.push(row);
      chars += row.text.length;
      if (chars >= SEGMENT_CHARS || pending.length >= SEGMENT_MAX_ROWS) {
        yield pending;
        pending = [];
        chars = 0;
      }
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
  if (pending.length > 0) yield pending;
}

/** The typed arrays of a part, moved (not copied) to the thread that receives it. */
export function transferablesOf(part: BuiltPart): ArrayBuffer[] {
  const s = part.segment;
  const arrays = [s.offsets, s.postingDocs, s.postingWeights, s.idf, s.docOffsets, s.docRows, s.docWeights, ...s.stops.values()];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer && a.byteLength === a.buffer.byteLength) buffers.add(a.buffer);
  return [...buffers];
}
