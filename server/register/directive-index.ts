/**
 * @module The project's Persian search over directive text: every published directive's quote as
 * one document of a lunr segment (the same pipeline, segment format and scoring as session search),
 * kept in memory and rebuilt when the directives change. It answers the register's text filter
 * (every word of the query must be in the quote, in any spelling the search accepts) and finds
 * the directives of other sessions that say nearly the same thing.
 */
import { normalizePersian } from '../persian/normalize';
import { stemPersian } from '../persian/stem';
import { tokenizePersian } from '../persian/tokenize';
import { parseQuery, type QueryWord } from '../search/query';
import { DEFAULT_WEIGHTS, SegmentSet } from '../search/segment-set';

export interface IndexedDirective {
  id: number;
  sessionId: number;
  quote: string;
}

/** Most matches a text filter returns (the register pages through them). */
export const MAX_TEXT_MATCHES = 5_000;

/**
 * Share of a directive's score against itself that another directive must reach to count as
 * related. Fixed at 0.3 before measuring (docs/benchmarks.md, «Related directives»).
 */
export const RELATED_MIN_SCORE = 0.3;

export interface RelatedHit {
  id: number;
  /** Score relative to the directive's own (1 = as close as itself). */
  similarity: number;
}

function stemsOf(text: string): Set<string> {
  return new Set(tokenizePersian(text).tokens.map((t) => stemPersian(t.text)));
}

function wordIn(word: QueryWord, stems: ReadonlySet<string>): boolean {
  if (stems.has(word.stem)) return true;
  if (word.variants.some((v) => stems.has(v))) return true;
  if (word.prefix) for (const s of stems) if (s.startsWith(word.stem)) return true;
  return false;
}

/**
 * An index over directive quotes.
 *
 * @example
 * const index = buildDirectiveIndex(rows);
 * index.match('فروش املاک') // ids, best first
 * index.related(5) // [{ id: 7, similarity: 0.41 }]
 */
export function buildDirectiveIndex(rows: readonly IndexedDirective[]) {
  const set = new SegmentSet(DEFAULT_WEIGHTS);
  const byId = new Map<number, IndexedDirective & { stems: Set<string> }>();
  for (const r of rows) byId.set(r.id, { ...r, stems: stemsOf(r.quote) });
  if (rows.length > 0) {
    set.addSessions(
      rows.map((r) => ({ id: r.id, slug: String(r.id), title: '', kind: 'directive', heldOn: null, speakers: [], contentHash: '', heading: '', body: r.quote })),
    );
  }

  return {
    size: () => byId.size,

    /**
     * Directives whose quote holds every word of `text` (stop words aside), best first; null when the
     * text has no searchable word (the caller says so rather than listing everything).
     */
    match(text: string): number[] | null {
      const query = parseQuery(normalizePersian(text));
      if (query.words.length === 0) return null;
      if (byId.size === 0) return [];
      const { hits } = set.search(query, { limit: MAX_TEXT_MATCHES * 4, offset: 0 });
      const out: number[] = [];
      for (const hit of hits) {
        const doc = byId.get(hit.session.id);
        if (doc && query.words.every((w) => wordIn(w, doc.stems))) out.push(doc.id);
        if (out.length >= MAX_TEXT_MATCHES) break;
      }
      return out;
    },

    /** Directives of other sessions that say nearly the same thing as directive `id`, closest first. */
    related(id: number, limit = 5, minScore = RELATED_MIN_SCORE): RelatedHit[] {
      const self = byId.get(id);
      if (!self) return [];
      const query = parseQuery(self.quote, { prefixLast: false });
      if (query.words.length === 0) return [];
      const { hits } = set.search(query, { limit: 200, offset: 0 });
      const own = hits.find((h) => h.session.id === id)?.score ?? 0;
      if (own <= 0) return [];
      const out: RelatedHit[] = [];
      for (const hit of hits) {
        const doc = byId.get(hit.session.id);
        if (!doc || doc.id === id || doc.sessionId === self.sessionId) continue;
        const similarity = hit.score / own;
        if (similarity >= minScore) out.push({ id: doc.id, similarity });
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

export type DirectiveIndex = ReturnType<typeof buildDirectiveIndex>;
