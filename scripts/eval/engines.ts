/**
 * @module The engines compared in eval and bench, behind one small interface: ours
 * (lunr segments with the Persian pipeline), stock lunr, MiniSearch with its defaults
 * plus fuzzy and prefix, and SQLite FTS5 (unicode61) on raw and on normalised text.
 */
import { readSearchEvalOverrides } from '../../server/env';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { normalizePersian } from '../../server/persian/normalize';
import { parseQuery } from '../../server/search/query';
import { buildSegmentPayload, loadSegment, parsePayload } from '../../server/search/segment';
import { SegmentSet, DEFAULT_WEIGHTS, type MatchWeights } from '../../server/search/segment-set';
import type { CorpusDoc } from './corpora';
import { matchSession } from '../../server/search/highlight';
import { DEFAULT_PROXIMITY, rerankByProximity, type ProximityRewards } from '../../server/search/proximity';

/** The service shows 10 hits a page and re-orders each page by phrases. */
const RERANK_DEPTH = 10;

export interface EvalEngine {
  name: string;
  build(docs: CorpusDoc[]): Promise<void>;
  /** Ids of the best k documents, best first. */
  search(query: string, k: number): Promise<string[]>;
  /** Bytes the persisted index takes, if known. */
  size?(): number;
  close(): void;
}

/** DEFAULT_WEIGHTS, with any overridden by NESHAST_EVAL_WEIGHTS (JSON) while tuning. */
function weightsFromEnvironment(): MatchWeights {
  const raw = readSearchEvalOverrides().weights;
  return raw ? { ...DEFAULT_WEIGHTS, ...(JSON.parse(raw) as Partial<MatchWeights>) } : DEFAULT_WEIGHTS;
}

/** Ours: the same segments and query parser the service uses. */
export function oursEngine(
  weights: MatchWeights = weightsFromEnvironment(),
  options: { rerank?: boolean } = {},
): EvalEngine & { payloadText: string; load(): number } {
  // The page's re-ordering by phrases reads the hits' text: part of a result page, not of ranking
  // (bench:search times ranking alone, `npm run bench` the whole page).
  const rerank = options.rerank ?? true;
  let set = new SegmentSet(weights);
  let ids: string[] = [];
  let texts: string[] = [];
  const rewards: ProximityRewards = { ...DEFAULT_PROXIMITY, ...(JSON.parse(readSearchEvalOverrides().proximity ?? '{}') as Partial<ProximityRewards>) };
  const engine = {
    name: 'ours (lunr + Persian pipeline)',
    payloadText: '',
    async build(docs: CorpusDoc[]) {
      ids = docs.map((d) => d.id);
      texts = docs.map((d) => `${d.title}\n\n${d.body}`);
      const sessions = docs.map((d, i) => ({ id: i + 1, slug: d.id, title: d.title, kind: 'news', heldOn: null, speakers: [], contentHash: '', heading: d.title, body: d.body }));
      const payload = buildSegmentPayload(sessions, sessions.map((s) => s.id));
      engine.payloadText = JSON.stringify(payload);
      set = new SegmentSet(weights);
      set.addSegment(1, 'base', loadSegment(payload));
    },
    /** Parse and load the persisted text as a cold process would; returns ms. */
    load() {
      const started = performance.now();
      const fresh = new SegmentSet(weights);
      fresh.addSegment(1, 'base', loadSegment(parsePayload(engine.payloadText)));
      set = fresh;
      return performance.now() - started;
    },
    async search(query: string, k: number) {
      const parsed = parseQuery(query, { prefixLast: false });
      const result = set.search(parsed, { limit: k, offset: 0 });
      if (!rerank) return result.hits.map((h) => ids[h.session.id - 1] ?? '');
      // As the service re-orders a page of 10 from the hits' text.
      const page = result.hits.slice(0, RERANK_DEPTH);
      const held = page.map((h) => matchSession([{ ordinal: 0, text: texts[h.session.id - 1] ?? '', speaker: null }], result.terms, 1, result.tokens));
      const words = parsed.words.map((w) => w.stem);
      const ranked = [...rerankByProximity(page, held, result.terms, words, rewards), ...result.hits.slice(RERANK_DEPTH)];
      return ranked.map((h) => ids[h.session.id - 1] ?? '');
    },
    size: () => Buffer.byteLength(engine.payloadText),
    close() {},
  };
  return engine;
}

/** lunr 2.3.9 as it comes (English pipeline). */
export function stockLunrEngine(): EvalEngine {
  let index: lunr.Index | null = null;
  return {
    name: 'stock lunr',
    async build(docs) {
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        for (const d of docs) this.add({ id: d.id, text: `${d.title}\n${d.body}` });
      });
    },
    async search(query, k) {
      try {
        return (index?.search(query) ?? []).slice(0, k).map((r) => r.ref);
      } catch {
        return []; // lunr query syntax errors on some inputs
      }
    },
    close() {},
  };
}

/** MiniSearch with its default tokeniser, fuzzy 0.2 and prefix search. */
export function miniSearchEngine(): EvalEngine {
  let mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  return {
    name: 'MiniSearch (fuzzy, prefix)',
    async build(docs) {
      mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
      mini.addAll(docs.map((d) => ({ id: d.id, text: `${d.title}\n${d.body}` })));
    },
    async search(query, k) {
      return mini.search(query, { fuzzy: 0.2, prefix: true }).slice(0, k).map((r) => String(r.id));
    },
    close() {},
  };
}

/** FTS5 query: every word quoted (no syntax), OR'd, ranked by bm25. */
export function fts5Query(text: string): string {
  const words = text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
}

/** SQLite FTS5 with the unicode61 tokenizer, on raw text or on text through our normaliser. */
export function fts5Engine(normalised: boolean): EvalEngine & { client(): Client; file(): string } {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-fts5-'));
  const file = join(dir, 'fts.db');
  const db = createClient({ url: `file:${file}` });
  const prep = (text: string) => (normalised ? normalizePersian(text) : text);
  let ids: string[] = [];
  return {
    name: normalised ? 'FTS5 unicode61, normalised' : 'FTS5 unicode61, raw',
    client: () => db,
    file: () => file,
    async build(docs) {
      ids = docs.map((d) => d.id);
      await db.execute('DROP TABLE IF EXISTS docs');
      await db.execute("CREATE VIRTUAL TABLE docs USING fts5(text, tokenize = 'unicode61')");
      for (let i = 0; i < docs.length; i += 500) {
        await db.batch(
          docs.slice(i, i + 500).map((d, j) => ({ sql: 'INSERT INTO docs(rowid, text) VALUES (?, ?)', args: [i + j + 1, prep(`${d.title}\n${d.body}`)] })),
          'write',
        );
      }
      await db.execute("INSERT INTO docs(docs) VALUES('optimize')");
    },
    async search(query, k) {
      const match = fts5Query(prep(query));
      if (!match) return [];
      const rs = await db.execute({ sql: 'SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?', args: [match, k] });
      return rs.rows.map((r) => ids[Number(r.rowid) - 1] ?? '');
    },
    size: () => statSync(file).size,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
