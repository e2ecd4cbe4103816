/**
 * @module One index segment: a serialised lunr index (Persian pipeline) of some
 * sessions plus their stored fields, and the compact postings read from it that
 * queries are scored on.
 *
 * Why not `Index.query`: it builds match data and a vector dot product per matched
 * document, measured at p95 27–44 ms on 5.4k sessions (docs/decisions.md: index size and speed). The BM25 weights
 * lunr computed are already in the field vectors; we invert them once at load into
 * typed arrays and sum them per query term, which is what a lunr query scores anyway.
 */
import { lunr } from './lunr-persian';
import { buildLunrJson, lunrIdf, type CompoundIndexing, type TitleField } from './fast-builder';

export { lunrIdf };

/** What a segment stores about each session besides its index terms. */
export interface SessionMeta {
  id: number;
  slug: string;
  title: string;
  kind: string;
  /** ISO date or null. */
  heldOn: string | null;
  speakers: string[];
  contentHash: string;
}

/** A session as handed to the indexer. */
export interface IndexableSession extends SessionMeta {
  /** Title-like text (title, tags). */
  heading: string;
  /** Paragraphs joined. */
  body: string;
}

/**
 * 2: stop-word postings (`stops`) for phrase queries made of common words only. 3: weights are
 * BM25F over title and body (TITLE_FIELD); a stored segment of an older format fails to parse
 * and the index is rebuilt from the sessions table (index-state's initial load).
 */
export const SEGMENT_FORMAT = 3;

/**
 * One stored field 'text' whose weights combine title and body (BM25F, below). A separate title
 * field scored on its own and added, boosted ×2, measured 6 points of Hamshahri MAP worse (BM25
 * over a few title words, saturated separately, inflates them).
 */
export const INDEXED_FIELD = 'text';

/**
 * BM25 parameters. k1 = 2 (lunr's default is 1.2): measured Hamshahri keyboard MAP@100
 * 0.802 → 0.813 with ParsiNLU dev unchanged (0.909); 2.5–3 gained only 0.001–0.002 more.
 * b 0.6 / 0.75 / 0.9 / 1 (2026-12-06): Hamshahri 0.804 / 0.812 / 0.815 / 0.804, ParsiNLU dev
 * 0.920 / 0.920 / 0.924 / 0.916, but Fars News known-item as typed — / 0.904 / 0.897 / 0.899
 * (FTS5 0.902): 0.75 stayed while title and body shared it. With the title its own field
 * (TITLE_FIELD) b is the body's alone: 0.8 / 0.85 gave ParsiNLU dev 0.926 / 0.931, train 0.809 /
 * 0.810, Hamshahri 0.840 / 0.838; k1 1.6 / 2.5 with b 0.85: dev 0.931 / 0.926, train 0.809 / 0.805.
 */
export const BM25 = { k1: 2, b: 0.85 } as const;

/**
 * The title (title and tags) as a BM25F field: its term counts weigh ×4 a body's and are
 * normalised by the title's own length (b 0.75), then added to the body's (normalised with
 * BM25.b) before the one saturation with k1. The body could then take b 0.85 (above), which
 * helps ParsiNLU, without the long-bodied articles' titles losing what known-item search needs.
 * Measured 2026-12-06 on the tuning sets (docs/benchmarks.md, issue 15 fourth round): Hamshahri
 * tuning half 0.831 → 0.838, ParsiNLU dev 0.926 → 0.931, train 0.806 → 0.810, known-item as
 * typed 0.905 → 0.941; title weight 1 / 2 / 3 / 4 / 5 / 6 / 8 (body b 0.8) gave Hamshahri 0.835 /
 * 0.836 / 0.838 / 0.840 / 0.838 / 0.830 / 0.826.
 */
export const TITLE_FIELD: TitleField = { weight: 4, b: 0.75 };

/**
 * Compounds learned from a segment's own text (server/persian/compounds.ts: learnCompounds): a
 * session writing one apart (خاور میانه, خاور‌میانه) is indexed under the joined form's term too,
 * so a query typed joined meets it (a query typed apart already adds the joined term). Measured
 * 2026-12-06 on the tuning sets: joined alone ±0 everywhere; also the parts under a joined
 * spelling: Hamshahri −0.001, known-item as typed 0.904 → 0.901, so that stays off. A small delta
 * learns little from itself; the next background merge learns from the whole base again.
 */
export const COMPOUND_INDEXING: CompoundIndexing = { joined: true, parts: false };

/** The persisted payload of a segment. */
export interface SegmentPayload {
  format: number;
  /** Sessions covered by this segment whose entries it replaces (indexed or removed). */
  covers: number[];
  /** For a base: the newest segment id it already includes (later deltas win over it). */
  asOf: number;
  docs: SessionMeta[];
  /**
   * lunr's own serialisation (`Index.toJSON()`) less the per-document postings of the
   * inverted index, which repeat the field vectors and were half the bytes and most of
   * the parse time; `toLunrIndex` puts them back for `lunr.Index.load`.
   */
  index: SerialisedIndex;
  /** Per stop word (normalised, particles joined): the positions in `docs` holding it, delta-encoded. */
  stops: Array<[string, number[]]>;
}

interface SerialisedIndex {
  version: string;
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown>]>;
  pipeline: string[];
}

/** A loaded segment, ready to score. */
export interface Segment {
  docs: SessionMeta[];
  covers: number[];
  /** Sorted index terms (prefix search by binary search). */
  terms: string[];
  termRow: Map<string, number>;
  /** CSR postings: for term row r, entries offsets[r]..offsets[r+1]. */
  offsets: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Float32Array;
  /** Per-term document frequency and the idf lunr used for it. */
  idf: Float64Array;
  /** Stop word → positions in docs holding it (ascending). */
  stops: Map<string, Int32Array>;
  /** Forward CSR (for pseudo-relevance feedback): document d's term rows and weights are docOffsets[d]..docOffsets[d+1]. */
  docOffsets: Int32Array;
  docRows: Int32Array;
  docWeights: Float32Array;
}

function isSerialisedIndex(value: unknown): value is SerialisedIndex {
  if (typeof value !== 'object' || value === null) return false;
  return 'fieldVectors' in value && 'invertedIndex' in value && Array.isArray(value.fieldVectors) && Array.isArray(value.invertedIndex);
}


/**
 * Build a segment payload from sessions (may be empty: a tombstone for `covers`).
 *
 * @example
 * const payload = buildSegmentPayload([session], [session.id]);
 */
export function buildSegmentPayload(sessions: IndexableSession[], covers: number[], asOf = 0): SegmentPayload {
  const stopDocs = new Map<string, number[]>();
  const json = buildLunrJson(
    sessions.map((s) => ({ ref: String(s.id), text: s.body, heading: s.heading })),
    { field: INDEXED_FIELD, ...BM25, title: TITLE_FIELD, stops: stopDocs, compounds: COMPOUND_INDEXING },
  );
  const stops: Array<[string, number[]]> = [];
  for (const [word, docs] of stopDocs) stops.push([word, docs.map((d, i) => d - (i > 0 ? (docs[i - 1] ?? 0) : 0))]);
  json.invertedIndex = json.invertedIndex.map(([term, posting]) => [term, { _index: posting['_index'] }]);
  const docs = sessions.map(({ id, slug, title, kind, heldOn, speakers, contentHash }) => ({ id, slug, title, kind, heldOn, speakers, contentHash }));
  return { format: SEGMENT_FORMAT, covers, asOf, docs, index: json, stops };
}

/**
 * Parse a stored payload (JSON text) into a payload object, checking its shape.
 *
 * @example
 * parsePayload(JSON.stringify(payload)).docs.length
 */
export function parsePayload(text: string): SegmentPayload {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || !('format' in value) || value.format !== SEGMENT_FORMAT) {
    throw new Error('search segment has an unknown format');
  }
  if (!('asOf' in value) || typeof value.asOf !== 'number') throw new Error('search segment is incomplete');
  if (!('stops' in value) || !Array.isArray(value.stops)) throw new Error('search segment is incomplete');
  if (!('index' in value) || !isSerialisedIndex(value.index) || !('docs' in value) || !Array.isArray(value.docs) || !('covers' in value) || !Array.isArray(value.covers)) {
    throw new Error('search segment is incomplete');
  }
  // Shapes inside docs were written by buildSegmentPayload; trust them after the checks above.
  return value as SegmentPayload;
}

/**
 * Load the payload into lunr proper (checks the pipeline is registered); used by tests
 * and tools, not on the query path.
 */
export function toLunrIndex(payload: SegmentPayload): lunr.Index {
  const { fields, fieldVectors, invertedIndex } = payload.index;
  const byIndex = new Map<number, Record<string, Record<string, object>>>();
  const full: Array<[string, Record<string, unknown>]> = invertedIndex.map(([term, posting]) => {
    const entry: Record<string, Record<string, object>> = {};
    for (const f of fields) entry[f] = {};
    byIndex.set(Number(posting['_index']), entry);
    return [term, { ...posting, ...entry }];
  });
  for (const [fieldRef, elements] of fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = fieldRef.slice(0, slash);
    const ref = fieldRef.slice(slash + 1);
    for (let k = 0; k < elements.length; k += 2) {
      const postings = byIndex.get(elements[k] ?? -1)?.[field];
      if (postings) postings[ref] = {};
    }
  }
  return lunr.Index.load({ ...payload.index, invertedIndex: full });
}

/**
 * Turn a payload into a scorable segment: invert lunr's field vectors into postings.
 *
 * @example
 * const segment = loadSegment(parsePayload(text));
 */
export function loadSegment(payload: SegmentPayload): Segment {
  const { invertedIndex, fieldVectors } = payload.index;
  const termCount = invertedIndex.length;
  const terms: string[] = new Array<string>(termCount);
  const termRow = new Map<string, number>();
  // lunr's _index numbers terms in insertion order; rows follow the sorted serialisation.
  let maxIndex = 0;
  for (const [, posting] of invertedIndex) {
    const idx = Number(posting['_index']);
    if (idx > maxIndex) maxIndex = idx;
  }
  const rowOfIndex = new Int32Array(maxIndex + 1).fill(-1);
  invertedIndex.forEach(([term, posting], row) => {
    terms[row] = term;
    termRow.set(term, row);
    rowOfIndex[Number(posting['_index'])] = row;
  });

  const docRow = new Map<string, number>();
  payload.docs.forEach((d, i) => docRow.set(String(d.id), i));
  const docCount = payload.docs.length;

  // Pass 1: count the documents of each term (title and body merged per document).
  const counts = new Int32Array(termCount + 1);
  const lastDoc = new Int32Array(termCount).fill(-1);
  const vectorDoc = new Int32Array(fieldVectors.length);
  fieldVectors.forEach(([fieldRef, elements], v) => {
    const doc = docRow.get(fieldRef.slice(fieldRef.indexOf('/') + 1)) ?? -1;
    vectorDoc[v] = doc;
    if (doc < 0) return;
    for (let k = 0; k < elements.length; k += 2) {
      const row = rowOfIndex[elements[k] ?? 0] ?? -1;
      if (row < 0 || lastDoc[row] === doc) continue;
      lastDoc[row] = doc;
      counts[row + 1] = (counts[row + 1] ?? 0) + 1;
    }
  });
  const offsets = new Int32Array(termCount + 1);
  for (let r = 0; r < termCount; r++) offsets[r + 1] = (offsets[r] ?? 0) + (counts[r + 1] ?? 0);
  const total = offsets[termCount] ?? 0;
  const postingDocs = new Int32Array(total);
  const postingWeights = new Float32Array(total);
  const fill = Int32Array.from(offsets.subarray(0, termCount));
  const lastSlot = new Int32Array(termCount).fill(-1);
  lastDoc.fill(-1);

  // Pass 2: fill; a document's vectors are adjacent (lunr keeps field vectors in insertion order).
  fieldVectors.forEach(([, elements], v) => {
    const doc = vectorDoc[v] ?? -1;
    if (doc < 0) return;
    for (let k = 0; k < elements.length; k += 2) {
      const row = rowOfIndex[elements[k] ?? 0] ?? -1;
      if (row < 0) continue;
      const weight = elements[k + 1] ?? 0;
      if (lastDoc[row] === doc) {
        const slot = lastSlot[row] ?? 0;
        postingWeights[slot] = (postingWeights[slot] ?? 0) + weight;
      } else {
        const slot = fill[row] ?? 0;
        fill[row] = slot + 1;
        lastDoc[row] = doc;
        lastSlot[row] = slot;
        postingDocs[slot] = doc;
        postingWeights[slot] = weight;
      }
    }
  });

  const idf = new Float64Array(termCount);
  for (let r = 0; r < termCount; r++) idf[r] = lunrIdf((offsets[r + 1] ?? 0) - (offsets[r] ?? 0), docCount);
  // The forward view is the transpose of the postings: one counting pass, one filling pass.
  const docOffsets = new Int32Array(docCount + 1);
  for (let p = 0; p < total; p++) {
    const d = postingDocs[p] ?? 0;
    docOffsets[d + 1] = (docOffsets[d + 1] ?? 0) + 1;
  }
  for (let d = 0; d < docCount; d++) docOffsets[d + 1] = (docOffsets[d + 1] ?? 0) + (docOffsets[d] ?? 0);
  const docRows = new Int32Array(total);
  const docWeights = new Float32Array(total);
  const docFill = Int32Array.from(docOffsets.subarray(0, docCount));
  for (let r = 0; r < termCount; r++) {
    const end = offsets[r + 1] ?? 0;
    for (let p = offsets[r] ?? 0; p < end; p++) {
      const d = postingDocs[p] ?? 0;
      const slot = docFill[d] ?? 0;
      docFill[d] = slot + 1;
      docRows[slot] = r;
      docWeights[slot] = postingWeights[p] ?? 0;
    }
  }

  const stops = new Map<string, Int32Array>();
  for (const [word, deltas] of payload.stops) {
    const positions = new Int32Array(deltas.length);
    let at = 0;
    deltas.forEach((delta, i) => {
      at += delta;
      positions[i] = at;
    });
    stops.set(word, positions);
  }
  return { docs: payload.docs, covers: payload.covers, terms, termRow, offsets, postingDocs, postingWeights, idf, stops, docOffsets, docRows, docWeights };
}

/** Document frequency of a term row. */
export function documentFrequency(segment: Segment, row: number): number {
  return (segment.offsets[row + 1] ?? 0) - (segment.offsets[row] ?? 0);
}

/**
 * Index terms that start with `prefix`, most frequent first, at most `max`.
 *
 * @example
 * prefixTerms(segment, 'کتابخ', 20) // ['کتابخانه', …]
 */
export function prefixTerms(segment: Segment, prefix: string, max: number): string[] {
  const { terms } = segment;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: Array<[string, number]> = [];
  for (let r = lo; r < terms.length; r++) {
    const term = terms[r] ?? '';
    if (!term.startsWith(prefix)) break;
    found.push([term, documentFrequency(segment, r)]);
  }
  found.sort((a, b) => b[1] - a[1]);
  return found.slice(0, max).map(([t]) => t);
}
