/**
 * @module A set of loaded segments (one base, small deltas) searched as one index:
 * the newest segment covering a session owns it, so re-ingested or removed sessions
 * never appear twice; idf is recomputed over all segments so deltas rank fairly.
 */
import type { EngineHit, EngineResult, MatchedTerm, SearchEngine, SearchFilters } from './engine';
import { editDistanceOne, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH_UNKNOWN, FUZZY_MIN_VARIANT_LETTERS, type ParsedQuery } from './query';
import { joinedTerms, splitCompound } from '../persian/compounds';
import { analyzePersian, termOf } from '../persian/analyze';
import { isStopWord } from '../persian/stopwords';
import { SUFFIX_PARTICLES } from '../persian/tokenize';
import { buildSegmentPayload, loadSegment, lunrIdf, prefixTerms, type IndexableSession, type Segment, type SessionMeta } from './segment';
import { normalizePersian } from '../persian/normalize';

/** Weights of the ways a word can match. Tuned on Hamshahri topics (and their misspelt variants) and ParsiNLU dev; ParsiNLU eval stays held out. */
export interface MatchWeights {
  exact: number;
  prefix: number;
  fuzzy: number;
  /** Typo variants are tried for words found in at most this many sessions (a common word is not a typo)… */
  fuzzyMaxDf: number;
  /** …or when a variant is this many times more frequent than the word (a likely correction). */
  fuzzyRatio: number;
  /** Weight of a variant when the word itself is not in the index at all. */
  fuzzyMissing: number;
  /** Most variants used per word (the most frequent). */
  maxFuzzyTerms: number;
  /** Most prefix expansions per word. */
  maxPrefixTerms: number;
  /** Weight of the parts of a word the index holds only written apart (برونسپاری → برون + سپاری). */
  compoundPart: number;
  /** Weight of the joined form of two adjacent query words the index holds as one (بهره وری → بهرهوری). */
  compoundJoined: number;
  /**
   * Pseudo-relevance feedback (RM3): expand from this many top sessions (0: off)…
   * Measured (docs/benchmarks.md, issue 15): with 10 and no title gate, Hamshahri MAP@100 (tuning
   * half) 0.812 → 0.837 but the Fars News known-item set 0.904 → 0.873 (a title's words find their
   * article less often first); with the title gate (feedbackTitleGate 1) 0.831 and known-item 0.905.
   */
  feedbackDocs: number;
  /** …by this many terms… */
  feedbackTerms: number;
  /** …the heaviest weighing this much against an exact query word (×1; 0.15 / 0.2 / 0.3 / 0.5 measured 0.831 / 0.832 / 0.828 / 0.823 on the tuning half)… */
  feedbackWeight: number;
  /**
   * …and only when the first pass has no clear winner: its best session scores less than this
   * many times the last feedback session. A question aimed at one passage (a known item) has a
   * clear winner, and feedback then only pulls its neighbours above it.
   */
  feedbackMaxLead: number;
  /** The first pass's best few keep their places: feedback re-orders what follows them (a known item stays first). */
  feedbackKeep: number;
  /**
   * A title-like query (every query word in the title of one of the first pass's feedback sessions:
   * someone looking for a session they know) 0: is expanded all the same; 1: is not expanded;
   * 2: is expanded, but the sessions whose title holds it stay first, in their first-pass order.
   */
  feedbackTitleGate: number;
  /**
   * Coverage over the whole ranking: a session's score is multiplied by 1 + this × the share of the
   * query's words (by their heaviest term's weight) it holds in any form. 0.1 / 0.25 / 0.5 measured
   * Hamshahri tuning half 0.833 / 0.830 / 0.812 against 0.832, ParsiNLU dev ±0 / ±0 / −0.005: off.
   */
  coverage: number;
  /**
   * Weight of a word's derivational relatives (آلوده → آلودگی، حمله → حملات، منقرض → انقراض; 0: off)…
   * Measured (docs/benchmarks.md, fifth round): 0.3 / 0.4 / 0.5 / 0.6 / 0.7 gave ParsiNLU train
   * 0.811 / 0.813 / 0.814 / 0.814 / 0.812 against 0.811 without (dev 0.931 throughout).
   */
  derived: number;
  /**
   * …for a word in at most this share of sessions: a common word's relatives only blur it (without
   * the bound, known-item «دو دهه گذشته» lost its article to «گذشت»).
   */
  derivedMaxShare: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  exact: 1,
  prefix: 0.5,
  fuzzy: 0.3,
  fuzzyMaxDf: 2,
  fuzzyRatio: 20,
  fuzzyMissing: 0.7,
  maxFuzzyTerms: 5,
  maxPrefixTerms: 24,
  compoundPart: 0.9,
  compoundJoined: 0.5,
  feedbackDocs: 10,
  feedbackTerms: 20,
  feedbackWeight: 0.2,
  feedbackMaxLead: 1.6,
  feedbackKeep: 1,
  feedbackTitleGate: 1,
  coverage: 0,
  derived: 0.5,
  derivedMaxShare: 0.05,
};

/** Feedback terms in more than this share of sessions say nothing about the topic. */
const FEEDBACK_MAX_DF_SHARE = 0.2;

/** A hit while ranking: where its document lives, for feedback. */
interface RankedHit extends EngineHit {
  live: LiveSegment;
  doc: number;
}

/** Most sessions a phrase of common words is looked for in (each is then checked word by word). */
export const MAX_PHRASE_CANDIDATES = 200;

interface LiveSegment {
  /** Precedence: higher wins a session (a delta's id; a base's newest covered delta id). */
  rank: number;
  key: string;
  segment: Segment;
  /** Session id → position in segment.docs. */
  docIndex: Map<number, number>;
  /** live[i] = 1 when this segment owns docs[i]. */
  live: Uint8Array;
  scores: Float64Array;
  stamp: Uint32Array;
  /** Per document while ranking: which query words it holds (one bit each). */
  words: Uint32Array;
}

interface Clause {
  term: string;
  boost: number;
  /** The query word (its place in query.words) this term stands for; -1 for a joined pair or a feedback term. */
  word: number;
}

/** Query words tracked for coverage (one bit each). */
const COVERAGE_WORDS = 31;

/** A bounded min-heap of the best hits. */
function pushTop<T extends EngineHit>(top: T[], hit: T, k: number): void {
  if (top.length < k) {
    top.push(hit);
    let i = top.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = top[p];
      const child = top[i];
      if (!parent || !child || parent.score <= child.score) break;
      top[p] = child;
      top[i] = parent;
      i = p;
    }
    return;
  }
  const root = top[0];
  if (!root || hit.score <= root.score) return;
  top[0] = hit;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    // Inline, not a closure per step: with 5,000 kept (a deep page) that was most of ranking.
    if (l < top.length && (top[l]?.score ?? Infinity) < (top[m]?.score ?? Infinity)) m = l;
    if (r < top.length && (top[r]?.score ?? Infinity) < (top[m]?.score ?? Infinity)) m = r;
    if (m === i) break;
    const a = top[i];
    const b = top[m];
    if (!a || !b) break;
    top[i] = b;
    top[m] = a;
    i = m;
  }
}

/** The speaker spellings a filter accepts, normalised (null: no speaker filter). */
function speakerSpellings(filters: SearchFilters): string[] | null {
  if (filters.speakerNames && filters.speakerNames.length > 0) return filters.speakerNames;
  return filters.speaker ? [normalizePersian(filters.speaker)] : null;
}

function matchesFilters(doc: SessionMeta, filters: SearchFilters, speaker: string[] | null): boolean {
  if (filters.kind && doc.kind !== filters.kind) return false;
  if (filters.from && (!doc.heldOn || doc.heldOn < filters.from)) return false;
  if (filters.to && (!doc.heldOn || doc.heldOn > filters.to)) return false;
  if (speaker && !doc.speakers.some((s) => speaker.some((name) => normalizePersian(s).includes(name)))) return false;
  return true;
}

/**
 * True when a title holds every word of the query (by its stem, a typo variant or, for a compound
 * typed joined, its parts): the query reads like a session's title.
 */
export function titleHoldsQuery(title: string, query: ParsedQuery, splits: ReadonlyMap<string, readonly string[]> = new Map()): boolean {
  if (query.words.length === 0) return false;
  const held = new Set(analyzePersian(title).terms.map((t) => t.term));
  if (held.size === 0) return false;
  return query.words.every((w) => {
    if (held.has(w.stem)) return true;
    const parts = splits.get(w.surface);
    if (parts && parts.every((p) => { const t = termOf(p); return t === null || held.has(t); })) return true;
    return w.variants.some((v) => held.has(v));
  });
}

/**
 * In-memory segments behind the SearchEngine interface.
 *
 * @example
 * const set = new SegmentSet(); set.addSegment(1, 'base', payload); set.search(parseQuery('بودجه'), { limit: 10, offset: 0 });
 */
export class SegmentSet implements SearchEngine {
  private segments: LiveSegment[] = [];
  private owners = new Map<number, LiveSegment>();
  private localRank = 0;
  constructor(private readonly weights: MatchWeights = DEFAULT_WEIGHTS) {}

  /** Add a loaded segment; `rank` orders segments (newest wins). */
  addSegment(rank: number, key: string, segment: Segment): void {
    const n = segment.docs.length;
    const docIndex = new Map(segment.docs.map((d, i) => [d.id, i]));
    const live: LiveSegment = { rank, key, segment, docIndex, live: new Uint8Array(n), scores: new Float64Array(n), stamp: new Uint32Array(n), words: new Uint32Array(n) };
    this.segments.push(live);
    this.segments.sort((a, b) => a.rank - b.rank);
    this.localRank = Math.max(this.localRank, rank);
    this.recomputeOwners();
  }

  /**
   * Add a segment that outranks every one held (a newer delta): it takes over the sessions it
   * covers, the rest stay as they are. Same result as addSegment, in time of this segment's size
   * rather than of the whole set (the search of everything adds dozens while answering requests).
   */
  addNewestSegment(rank: number, key: string, segment: Segment): void {
    if (this.segments.some((s) => s.rank >= rank)) {
      this.addSegment(rank, key, segment);
      return;
    }
    const n = segment.docs.length;
    const docIndex = new Map(segment.docs.map((d, i) => [d.id, i]));
    const live: LiveSegment = { rank, key, segment, docIndex, live: new Uint8Array(n), scores: new Float64Array(n), stamp: new Uint32Array(n), words: new Uint32Array(n) };
    this.segments.push(live);
    this.localRank = Math.max(this.localRank, rank);
    for (const id of segment.covers) {
      const previous = this.owners.get(id);
      if (previous) previous.live[previous.docIndex.get(id) ?? -1] = 0;
      const i = docIndex.get(id);
      // Covered without a document: removed (a tombstone).
      if (i === undefined) this.owners.delete(id);
      else {
        this.owners.set(id, live);
        live.live[i] = 1;
      }
    }
  }

  /** Drop segments whose key is not kept. */
  retain(keys: Set<string>): void {
    this.segments = this.segments.filter((s) => keys.has(s.key));
    this.recomputeOwners();
  }

  keys(): string[] {
    return this.segments.map((s) => s.key);
  }

  clear(): void {
    this.segments = [];
    this.owners.clear();
  }

  /** Content hash per live session (to check the index against the database). */
  liveSessions(): Map<number, string> {
    const out = new Map<number, string>();
    for (const s of this.segments) {
      s.segment.docs.forEach((d, i) => {
        if (s.live[i] === 1) out.set(d.id, d.contentHash);
      });
    }
    return out;
  }

  /** Stored fields of a live session. */
  meta(id: number): SessionMeta | undefined {
    const s = this.owners.get(id);
    return s ? s.segment.docs[s.docIndex.get(id) ?? -1] : undefined;
  }

  segmentCount(): number {
    return this.segments.length;
  }

  private recomputeOwners(): void {
    this.owners.clear();
    for (const s of this.segments) for (const id of s.segment.covers) this.owners.set(id, s);
    for (const s of this.segments) s.live.fill(0);
    for (const [id, s] of this.owners) {
      const i = s.docIndex.get(id);
      // Covered without a document: removed (a tombstone).
      if (i === undefined) this.owners.delete(id);
      else s.live[i] = 1;
    }
  }

  /** Live sessions whose slug is one of `slugs`. */
  liveIdsWithSlugs(slugs: ReadonlySet<string>): number[] {
    const out: number[] = [];
    for (const [id, s] of this.owners) {
      const doc = s.segment.docs[s.docIndex.get(id) ?? -1];
      if (doc && slugs.has(doc.slug)) out.push(id);
    }
    return out;
  }

  addSessions(sessions: IndexableSession[]): void {
    const ids = sessions.map((s) => s.id);
    this.localRank += 1;
    this.addSegment(this.localRank, `local-${this.localRank}`, loadSegment(buildSegmentPayload(sessions, ids)));
  }

  removeSessions(ids: number[]): void {
    this.localRank += 1;
    this.addSegment(this.localRank, `local-${this.localRank}`, loadSegment(buildSegmentPayload([], ids)));
  }

  size(): number {
    return this.owners.size;
  }

  /** Expand the query into weighted index terms present in any segment. */
  private clauses(query: ParsedQuery, splits: Map<string, string[]> = new Map()): Clause[] {
    const best = new Map<string, number>();
    const owner = new Map<string, number>();
    let current = -1;
    const add = (term: string, boost: number) => {
      if ((best.get(term) ?? 0) < boost) best.set(term, boost);
      if (!owner.has(term) || owner.get(term) === -1) owner.set(term, current);
    };
    const has = (term: string) => this.segments.some((s) => s.segment.termRow.has(term));
    const df = (term: string) => {
      let n = 0;
      for (const s of this.segments) {
        const row = s.segment.termRow.get(term);
        if (row !== undefined) n += (s.segment.offsets[row + 1] ?? 0) - (s.segment.offsets[row] ?? 0);
      }
      return n;
    };
    if (this.weights.compoundJoined > 0) for (const { term } of joinedTerms(query.tokens, termOf, df)) add(term, this.weights.compoundJoined);
    const sessions = this.sessionCount();
    for (const [w, word] of query.words.entries()) {
      current = w < COVERAGE_WORDS ? w : -1;
      add(word.stem, this.weights.exact);
      if (word.prefix && word.surface.length >= 2) {
        for (const s of this.segments) {
          for (const t of prefixTerms(s.segment, word.surface, this.weights.maxPrefixTerms)) if (t !== word.stem) add(t, this.weights.prefix);
        }
      }
      const exactDf = df(word.stem);
      // «خوبه»، «میشه» typed for «خوب است»، «میشود»: a stop word, unless the index holds it as typed.
      if (exactDf === 0 && word.colloquialStop) continue;
      if (this.weights.derived > 0 && exactDf <= this.weights.derivedMaxShare * sessions) {
        for (const t of word.derived) if (has(t)) add(t, this.weights.derived);
      }
      // Written joined, indexed apart (برونسپاری → برون + سپاری): the parts stand in for it.
      const split = exactDf === 0 && this.weights.compoundPart > 0 ? splitCompound(word.surface, termOf, df) : null;
      let found: Array<{ v: string; df: number }> = [];
      if (word.variants.length > 0 && !(word.variantsOnlyIfUnknown && exactDf > 0)) {
        found = word.variants
          .filter(has)
          .map((v) => ({ v, df: df(v) }))
          .filter((x) => exactDf <= this.weights.fuzzyMaxDf || x.df >= this.weights.fuzzyRatio * (exactDf + 1))
          .sort((a, b) => b.df - a.df)
          .slice(0, this.weights.maxFuzzyTerms);
      }
      // A typo (دانشگه) may also split into two rare words (دانش + گه): the better-attested reading wins.
      const fuzzyDf = found[0]?.df ?? 0;
      // A common word as the second half (یاد + همین) says little: a typo reading then wins outright.
      const weakTail = split !== null && split.terms.length === 1 && !SUFFIX_PARTICLES.has(split.parts[1]);
      if (split && split.support >= fuzzyDf && !(weakTail && found.length > 0)) {
        for (const t of split.terms) add(t, this.weights.compoundPart);
        splits.set(word.surface, [...split.parts]);
        continue;
      }
      for (const { v } of found) add(v, exactDf === 0 ? this.weights.fuzzyMissing : this.weights.fuzzy);
    }
    return [...best].map(([term, boost]) => ({ term, boost, word: owner.get(term) ?? -1 }));
  }

  /** Sessions holding a term (all segments, live or not: an estimate for gating). */
  private documentFrequency(term: string): number {
    let n = 0;
    for (const s of this.segments) {
      const row = s.segment.termRow.get(term);
      if (row !== undefined) n += (s.segment.offsets[row + 1] ?? 0) - (s.segment.offsets[row] ?? 0);
    }
    return n;
  }

  /** Sessions in every segment, replaced and withdrawn ones included (as document frequencies count them). */
  private sessionCount(): number {
    let n = 0;
    for (const s of this.segments) n += s.segment.docs.length;
    return n;
  }

  /**
   * Does a live session hold the term? A withdrawn or replaced session keeps its words in its
   * segment until a merge; they must not be offered as a respelling that then finds nothing.
   * Stops at the first live holder (usually the first posting).
   */
  private heldByLive(term: string): boolean {
    for (const s of this.segments) {
      const row = s.segment.termRow.get(term);
      if (row === undefined) continue;
      const end = s.segment.offsets[row + 1] ?? 0;
      for (let p = s.segment.offsets[row] ?? 0; p < end; p++) if (s.live[s.segment.postingDocs[p] ?? -1] === 1) return true;
    }
    return false;
  }

  /**
   * «منظورتان … بود؟»: the query with each word the live sessions do not hold (nor its parts, as a
   * compound) replaced by its most frequent neighbour at edit distance 1 in the index
   * vocabulary that a live session holds; null when every word is known or nothing better is found.
   *
   * @example
   * set.suggest(parseQuery('املاک مازات')) // 'املاک مازاد'
   */
  suggest(query: ParsedQuery): string | null {
    const df = (term: string) => this.documentFrequency(term);
    let changed = false;
    const words = query.tokens.map((token) => {
      const letters = [...token].length;
      if (isStopWord(token) || /\d/.test(token) || letters < FUZZY_MIN_LENGTH_UNKNOWN || letters > FUZZY_MAX_LENGTH) return token;
      const term = termOf(token);
      if (term === null || (df(term) > 0 && this.heldByLive(term)) || splitCompound(token, termOf, df)) return token;
      let best = token;
      let bestDf = 0;
      for (const candidate of editDistanceOne(token)) {
        const t = termOf(candidate);
        if (t === null || t.length < FUZZY_MIN_VARIANT_LETTERS) continue;
        const n = df(t);
        if ((n > bestDf || (n === bestDf && n > 0 && candidate < best)) && this.heldByLive(t)) {
          best = candidate;
          bestDf = n;
        }
      }
      if (bestDf > 0) changed = true;
      return best;
    });
    return changed ? words.join(' ') : null;
  }

  /**
   * Sessions that hold every word of a phrase of stop words (from the stop-word postings),
   * at most MAX_PHRASE_CANDIDATES, newest segment first; the caller checks the phrase itself.
   */
  phraseCandidates(words: readonly string[], filters: SearchFilters = {}): { sessions: SessionMeta[]; total: number } {
    const distinct = [...new Set(words)];
    const speaker = speakerSpellings(filters);
    const out: SessionMeta[] = [];
    let total = 0;
    for (let k = this.segments.length - 1; k >= 0; k--) {
      const s = this.segments[k];
      if (!s) continue;
      const lists = distinct.map((w) => s.segment.stops.get(w));
      if (lists.some((l) => l === undefined)) continue;
      const sorted = lists.filter((l): l is Int32Array => l !== undefined).sort((a, b) => a.length - b.length);
      const [first, ...rest] = sorted;
      if (!first) continue;
      const cursors = rest.map(() => 0);
      for (const doc of first) {
        let inAll = true;
        rest.forEach((list, j) => {
          let c = cursors[j] ?? 0;
          while (c < list.length && (list[c] ?? 0) < doc) c++;
          cursors[j] = c;
          if (list[c] !== doc) inAll = false;
        });
        if (!inAll || s.live[doc] !== 1) continue;
        const meta = s.segment.docs[doc];
        if (!meta || !matchesFilters(meta, filters, speaker)) continue;
        total++;
        if (out.length < MAX_PHRASE_CANDIDATES) out.push(meta);
      }
    }
    return { sessions: out, total };
  }

  /**
   * Ids of the live sessions that hold a term of the query (the same terms `search` ranks on,
   * feedback aside) and pass the filters, unranked: what a query finds, counted without building
   * and sorting a hit per match (ranking 5,000 of 20,000 short documents took ≈ 8 ms, 10 of them 0.5).
   */
  matchingIds(query: ParsedQuery, filters: SearchFilters = {}): number[] {
    const clauses = this.clauses(query);
    const speaker = speakerSpellings(filters);
    const filtered = Boolean(filters.kind || filters.from || filters.to || speaker);
    const out: number[] = [];
    for (const s of this.segments) {
      const seg = s.segment;
      const touched: number[] = [];
      for (const c of clauses) {
        const row = seg.termRow.get(c.term);
        if (row === undefined) continue;
        const end = seg.offsets[row + 1] ?? 0;
        for (let p = seg.offsets[row] ?? 0; p < end; p++) {
          const doc = seg.postingDocs[p] ?? 0;
          if (s.live[doc] !== 1 || s.stamp[doc] === 1) continue;
          s.stamp[doc] = 1;
          touched.push(doc);
        }
      }
      for (const doc of touched) {
        s.stamp[doc] = 0;
        const meta = seg.docs[doc];
        if (meta && (!filtered || matchesFilters(meta, filters, speaker))) out.push(meta.id);
      }
    }
    return out;
  }

  search(query: ParsedQuery, options: { limit: number; offset: number; filters?: SearchFilters }): EngineResult {
    const splits = new Map<string, string[]>();
    let clauses = this.clauses(query, splits);
    const asked = new Set(clauses.map((c) => c.term));
    const tokens = query.tokens.flatMap((t) => splits.get(t) ?? [t]);
    const k = Math.max(1, options.offset + options.limit);
    const filters = options.filters ?? {};
    let kept: RankedHit[] = [];
    if (this.weights.feedbackDocs > 0 && clauses.length > 0) {
      const { top } = this.rank(clauses, this.weights.feedbackDocs, filters);
      const lead = (top[0]?.score ?? 0) / (top[top.length - 1]?.score || 1);
      const gate = this.weights.feedbackTitleGate;
      const titled = gate > 0 ? top.filter((h) => titleHoldsQuery(h.session.title, query, splits)) : [];
      if (top.length === this.weights.feedbackDocs && lead < this.weights.feedbackMaxLead && !(gate === 1 && titled.length > 0)) {
        clauses = [...clauses, ...this.feedback(top, clauses)];
        const first = top.slice(0, this.weights.feedbackKeep);
        kept = gate === 2 ? [...titled, ...first.filter((h) => !titled.includes(h))] : first;
      }
    }
    const ranked = this.rank(clauses, k + kept.length, filters);
    const { total } = ranked;
    // Feedback terms rank sessions but are not what the user asked for: they are neither highlighted nor used to pick paragraphs.
    const expanded = new Set(clauses.filter((c) => c.word === -1 && !asked.has(c.term)).map((c) => c.term));
    const terms = ranked.terms.filter((t) => !expanded.has(t.term));
    let top = ranked.top;
    if (kept.length > 0) {
      // Scores stay comparable: a kept hit scores at least as much as the first one after it.
      const keptIds = new Set(kept.map((h) => h.session.id));
      const rest = top.filter((h) => !keptIds.has(h.session.id));
      const floor = rest[0]?.score ?? 0;
      const again = new Map(top.map((h) => [h.session.id, h.score]));
      top = [...kept.map((h, i) => ({ ...h, score: Math.max(again.get(h.session.id) ?? 0, floor) + (kept.length - i) * 1e-6 })), ...rest].slice(0, k);
    }
    const hits: EngineHit[] = top.slice(options.offset, options.offset + options.limit).map(({ session, score }) => ({ session, score }));
    return { hits, total, terms, tokens };
  }

  /**
   * RM3's expansion: terms of the top sessions weighted by their share of each session's weight
   * and the session's score, the query's own terms and very common terms left out.
   */
  private feedback(top: RankedHit[], clauses: Clause[]): Clause[] {
    const mass = new Map<string, number>();
    let scoreSum = 0;
    for (const hit of top) scoreSum += hit.score;
    if (scoreSum <= 0) return [];
    const totalDocs = this.sessionCount();
    const maxDf = Math.max(2, totalDocs * FEEDBACK_MAX_DF_SHARE);
    for (const hit of top) {
      const seg = hit.live.segment;
      const start = seg.docOffsets[hit.doc] ?? 0;
      const end = seg.docOffsets[hit.doc + 1] ?? 0;
      let weightSum = 0;
      for (let p = start; p < end; p++) weightSum += seg.docWeights[p] ?? 0;
      if (weightSum <= 0) continue;
      for (let p = start; p < end; p++) {
        const row = seg.docRows[p] ?? 0;
        const term = seg.terms[row] ?? '';
        mass.set(term, (mass.get(term) ?? 0) + ((hit.score / scoreSum) * (seg.docWeights[p] ?? 0)) / weightSum);
      }
    }
    const own = new Set(clauses.map((c) => c.term));
    const chosen: Array<[string, number]> = [];
    for (const [term, m] of mass) {
      if (own.has(term) || /^\d+$/.test(term) || this.documentFrequency(term) > maxDf) continue;
      chosen.push([term, m]);
    }
    chosen.sort((a, b) => b[1] - a[1]);
    const kept = chosen.slice(0, this.weights.feedbackTerms);
    const heaviest = kept[0]?.[1] ?? 0;
    if (heaviest <= 0) return [];
    return kept.map(([term, m]) => ({ term, boost: (this.weights.feedbackWeight * m) / heaviest, word: -1 }));
  }

  /** Score every session the clauses reach; the best k, the number matching, the weighted terms. */
  private rank(clauses: Clause[], k: number, filters: SearchFilters): { top: RankedHit[]; total: number; terms: MatchedTerm[] } {
    const speaker = speakerSpellings(filters);
    const filtered = Boolean(filters.kind || filters.from || filters.to || speaker);
    // idf over all segments, so a fresh one-session delta does not rank like a rare term everywhere.
    const single = this.segments.length === 1;
    const totalDocs = this.sessionCount();
    const terms: MatchedTerm[] = [];
    const globalIdf = new Map<string, number>();
    for (const c of clauses) {
      let df = 0;
      for (const s of this.segments) {
        const row = s.segment.termRow.get(c.term);
        if (row !== undefined) df += (s.segment.offsets[row + 1] ?? 0) - (s.segment.offsets[row] ?? 0);
      }
      if (df === 0) continue;
      const idf = lunrIdf(df, totalDocs);
      globalIdf.set(c.term, idf);
      terms.push({ term: c.term, weight: c.boost * idf });
    }
    // Coverage: each query word weighs as its heaviest term.
    const coverage = this.weights.coverage;
    const wordWeight: number[] = [];
    if (coverage > 0) {
      for (const c of clauses) {
        if (c.word < 0) continue;
        const w = c.boost * (globalIdf.get(c.term) ?? 0);
        if ((wordWeight[c.word] ?? 0) < w) wordWeight[c.word] = w;
      }
    }
    let allWords = 0;
    for (const w of wordWeight) allWords += w ?? 0;
    const useCoverage = coverage > 0 && allWords > 0 && wordWeight.filter((w) => (w ?? 0) > 0).length > 1;
    const top: RankedHit[] = [];
    let total = 0;
    for (const s of this.segments) {
      const seg = s.segment;
      const touched: number[] = [];
      for (const c of clauses) {
        const row = seg.termRow.get(c.term);
        if (row === undefined) continue;
        const scale = single ? c.boost : (c.boost * (globalIdf.get(c.term) ?? 0)) / (seg.idf[row] || 1);
        const bit = useCoverage && c.word >= 0 ? 1 << c.word : 0;
        const end = seg.offsets[row + 1] ?? 0;
        for (let p = seg.offsets[row] ?? 0; p < end; p++) {
          const doc = seg.postingDocs[p] ?? 0;
          if (s.live[doc] !== 1) continue;
          if (s.stamp[doc] !== 1) {
            s.stamp[doc] = 1;
            s.scores[doc] = 0;
            s.words[doc] = 0;
            touched.push(doc);
          }
          s.scores[doc] = (s.scores[doc] ?? 0) + (seg.postingWeights[p] ?? 0) * scale;
          if (bit !== 0) s.words[doc] = (s.words[doc] ?? 0) | bit;
        }
      }
      for (const doc of touched) {
        s.stamp[doc] = 0;
        const meta = seg.docs[doc];
        let score = s.scores[doc] ?? 0;
        if (useCoverage) {
          const mask = s.words[doc] ?? 0;
          let held = 0;
          wordWeight.forEach((w, i) => {
            if (mask & (1 << i)) held += w ?? 0;
          });
          score *= 1 + (coverage * held) / allWords;
        }
        if (!meta || score <= 0) continue;
        if (filtered && !matchesFilters(meta, filters, speaker)) continue;
        total++;
        // No hit object for what the full heap would refuse anyway.
        if (top.length >= k && score <= (top[0]?.score ?? Infinity)) continue;
        pushTop(top, { session: meta, score, live: s, doc }, k);
      }
    }
    top.sort((a, b) => b.score - a.score || a.session.id - b.session.id);
    return { top, total, terms };
  }
}
