/**
 * @module Builds the exact serialised index lunr's Builder would build with our Persian
 * pipeline (same terms, term numbering, BM25 weights rounded as lunr rounds them, same
 * JSON), without lunr's per-token objects: 3–4× faster, which is what lets a 30,000-session
 * base be rebuilt in the background. A test checks it against lunr.Builder output.
 */
import lunr from 'lunr';
import { tokenizePersian } from '../persian/tokenize';
import { isStopWord } from '../persian/stopwords';
import { stemPersian } from '../persian/stem';
import { PERSIAN_PIPELINE } from './lunr-persian';
import { learnCompounds, wordRuns, type CompoundLexicon } from '../persian/compounds';
import { SUFFIX_PARTICLES } from '../persian/tokenize';

/**
 * Most words read to learn a segment's compounds: a segment larger than this learns from an even
 * sample of its sessions (bounded time and memory; a compound frequent enough to matter is in it).
 */
export const COMPOUND_SAMPLE_WORDS = 3_000_000;
/**
 * Fewest sessions a segment learns compounds from: a small delta holds too little evidence (two
 * spellings, twice each) to learn anything and would pay for reading itself twice; the next merge
 * into the base learns from everything.
 */
export const COMPOUND_MIN_SESSIONS = 50;

export interface FastBuildDoc {
  ref: string;
  text: string;
  /** Title-like text scored as its own field (see `title` in buildLunrJson's options). */
  heading?: string;
}

/** The title field of a BM25F index: its tf weighs `weight` times a body's, normalised by its own length with `b`. */
export interface TitleField {
  weight: number;
  b: number;
}

export interface LunrIndexJson {
  version: string;
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown>]>;
  pipeline: string[];
}

/** lunr.idf for a term found in `df` of `documentCount` documents. */
export function lunrIdf(df: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));
}

/** Stop-word filter then stemmer, as the registered pipeline runs them. */
function indexTerm(token: string): string | null {
  return isStopWord(token) ? null : stemPersian(token);
}

/**
 * Serialised lunr index of one field named `field`.
 *
 * @example
 * const json = buildLunrJson([{ ref: '1', text: 'بودجه ۱۴۰۰' }]); lunr.Index.load(json)
 */
export function buildLunrJson(
  docs: FastBuildDoc[],
  options: { field?: string; k1?: number; b?: number; title?: TitleField; stops?: Map<string, number[]>; compounds?: CompoundIndexing } = {},
): LunrIndexJson {
  const stops = options.stops;
  const title = options.title;
  // Without a title field a heading is simply the start of the text (lunr's one-field index).
  const parts = (doc: FastBuildDoc): string[] =>
    title ? [doc.heading ?? '', doc.text] : [doc.heading ? `${doc.heading}\n\n${doc.text}` : doc.text];
  const partCount = title ? 2 : 1;
  const runsOf = new Map<number, string[][]>();
  const lexicon = options.compounds && docs.length >= COMPOUND_MIN_SESSIONS ? learnSegmentCompounds(docs, parts, partCount, runsOf) : null;
  const field = options.field ?? 'text';
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const termIndex = new Map<string, number>();
  const postings: string[][] = [];
  /** Per part (title, body) per document: term index → count. */
  const docTerms: Array<Array<Map<number, number>>> = [];
  const lengths: number[][] = [];
  const totalLength = new Array<number>(partCount).fill(0);
  docs.forEach((doc, d) => {
    const tfs: Array<Map<number, number>> = [];
    const partLengths: number[] = [];
    parts(doc).forEach((text, part) => {
      const tf = new Map<number, number>();
      let length = 0;
      const count = (term: string) => {
        let idx = termIndex.get(term);
        if (idx === undefined) {
          idx = termIndex.size;
          termIndex.set(term, idx);
          postings.push([]);
        }
        const seen = tf.get(idx);
        if (seen === undefined) {
          tf.set(idx, 1);
          if (!tfs.some((other) => other.has(idx))) postings[idx]?.push(doc.ref);
        } else tf.set(idx, seen + 1);
      };
      let tokens: string[];
      if (lexicon && options.compounds) {
        const key = d * partCount + part;
        const runs = runsOf.get(key) ?? runsOfText(text);
        runsOf.delete(key);
        for (const term of compoundTerms(runs, lexicon, options.compounds)) count(term);
        tokens = runs.flat();
      } else tokens = tokenizePersian(text).tokens.map((t) => t.text);
      for (const token of tokens) {
        const term = indexTerm(token);
        if (term === null && stops) {
          // Stop words stay out of the index, but which documents hold them is kept for phrases.
          const list = stops.get(token);
          if (!list) stops.set(token, [d]);
          else if (list[list.length - 1] !== d) list.push(d);
        }
        if (term === null || term === '') continue;
        length++;
        count(term);
      }
      tfs.push(tf);
      partLengths.push(length);
      totalLength[part] = (totalLength[part] ?? 0) + length;
    });
    docTerms.push(tfs);
    lengths.push(partLengths);
  });
  const averages = totalLength.map((t) => (docs.length > 0 ? t / docs.length : 0));
  const idf = postings.map((p) => lunrIdf(p.length, docs.length));
  // BM25F: each field's tf is normalised by its own length and weighted before one saturation,
  // so a title word counts like a few body words instead of a second saturated score.
  const weights = title ? [title.weight, 1] : [1];
  const bs = title ? [title.b, b] : [b];
  const fieldVectors: Array<[string, number[]]> = docs.map((doc, d) => {
    const tfs = docTerms[d] ?? [];
    const norms = tfs.map((_, part) => {
      const average = averages[part] ?? 0;
      const bp = bs[part] ?? b;
      return average > 0 ? 1 - bp + bp * ((lengths[d]?.[part] ?? 0) / average) : 1;
    });
    const combined = new Map<number, number>();
    tfs.forEach((tf, part) => {
      const scale = (weights[part] ?? 1) / (norms[part] ?? 1);
      for (const [idx, count] of tf) combined.set(idx, (combined.get(idx) ?? 0) + count * scale);
    });
    const entries = [...combined].sort((x, y) => x[0] - y[0]);
    const elements: number[] = [];
    for (const [idx, tf] of entries) {
      const score = ((idf[idx] ?? 0) * ((k1 + 1) * tf)) / (k1 + tf);
      elements.push(idx, Math.round(score * 1000) / 1000);
    }
    return [`${field}/${doc.ref}`, elements];
  });
  const invertedIndex: Array<[string, Record<string, unknown>]> = [...termIndex.keys()]
    .sort()
    .map((term) => {
      const idx = termIndex.get(term) ?? 0;
      const refs: Record<string, object> = {};
      for (const r of postings[idx] ?? []) refs[r] = {};
      return [term, { _index: idx, [field]: refs }];
    });
  return { version: lunr.version, fields: [field], fieldVectors, invertedIndex, pipeline: [...PERSIAN_PIPELINE.search] };
}

/** Which other spellings of a learned compound a document is indexed under as well. */
export interface CompoundIndexing {
  /** Written apart (بهره وری): also under the joined form's term. */
  joined: boolean;
  /** Written joined (بهرهوری): also under its parts' terms. */
  parts: boolean;
}

function runsOfText(text: string, canonical?: Map<string, string>): string[][] {
  const { normalized, tokens } = tokenizePersian(text);
  const runs = wordRuns(normalized.text, tokens);
  if (!canonical) return runs;
  // Kept until indexing: one string per distinct word, not one per occurrence (garbage collection
  // of millions of retained small strings was a quarter of the build).
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      const w = run[i] ?? '';
      const c = canonical.get(w);
      if (c === undefined) canonical.set(w, w);
      else run[i] = c;
    }
  }
  return runs;
}

/** The segment's compounds, learned from its own text (an even sample of it when large); keeps the sample's runs (by document and part). */
function learnSegmentCompounds(
  docs: FastBuildDoc[],
  parts: (doc: FastBuildDoc) => string[],
  partCount: number,
  runsOf: Map<number, string[][]>,
): CompoundLexicon {
  let chars = 0;
  for (const d of docs) chars += d.text.length + (d.heading?.length ?? 0);
  // About six characters a word.
  const step = Math.max(1, Math.ceil(chars / 6 / COMPOUND_SAMPLE_WORDS));
  const canonical = new Map<string, string>();
  for (let d = 0; d < docs.length; d += step) {
    const doc = docs[d];
    if (doc) parts(doc).forEach((text, part) => runsOf.set(d * partCount + part, runsOfText(text, canonical)));
  }
  function* runs(): Generator<string[]> {
    for (const doc of runsOf.values()) yield* doc;
  }
  return learnCompounds(runs, indexTerm, (w) => SUFFIX_PARTICLES.has(w));
}

/** Extra index terms of a document for the compounds it holds in one spelling, standing for the other. */
function compoundTerms(runs: readonly string[][], lexicon: CompoundLexicon, how: CompoundIndexing): string[] {
  const out: string[] = [];
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      const word = run[i] ?? '';
      if (how.parts) {
        const c = lexicon.byJoined.get(word);
        if (c) for (const part of [c.head, c.tail]) {
          const t = indexTerm(part);
          if (t) out.push(t);
        }
      }
      if (how.joined && i + 1 < run.length) {
        const c = lexicon.byHead.get(word)?.get(run[i + 1] ?? '');
        const t = c ? indexTerm(c.joined) : null;
        if (t) out.push(t);
      }
    }
  }
  return out;
}
