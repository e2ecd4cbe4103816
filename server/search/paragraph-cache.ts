/**
 * @module Hit sessions' paragraphs kept in memory with their squeezed normalised text, so a result
 * page neither reads them from the database nor normalises every paragraph again (the larger part
 * of a search request's CPU). Keyed by session id and content hash: a re-ingested session is a
 * different entry, never stale. Bounded by characters; least recently used go first.
 */
import { squeezeParagraph, type ParagraphText } from './highlight';
import { nextTurn } from './next-turn';

export interface ParagraphSource {
  /** Paragraphs of these sessions, in order. */
  paragraphsOf(sessionIds: number[]): Promise<Array<{ sessionId: number; ordinal: number; text: string; speaker: string | null }>>;
  /**
   * Sessions' paragraphs already squeezed and analysed (stored search material, material.ts), for
   * those that have it current; the others are read with paragraphsOf and prepared here.
   */
  materialOf?(sessions: Array<{ id: number; contentHash: string }>): Promise<Map<number, ParagraphText[]>>;
}

/** The squeezed copy (1) and analysed words (≈ 1.3: 12 bytes a word of ≈ 4.5 letters), in characters per squeezed character. */
const WORDS_PER_SQUEEZED_CHAR = 2.3;

/**
 * Sessions whose paragraphs one statement reads, with a turn of the event loop before the next: a
 * page of 100 unread sessions read at once held the loop ≈ 100 ms at 30,000 sessions (the local
 * database answers on this thread), 5 of them a few ms (docs/benchmarks.md, search paths).
 */
export const READ_SESSIONS = 5;

/** Characters kept by default (≈ 2 × 24 MB of UTF-16 with the squeezed copies). */
export const DEFAULT_PARAGRAPH_CACHE_CHARS = 12_000_000;

export interface ParagraphCache {
  /** Paragraphs of each session (by id), read from the source only for those not held. */
  get(sessions: Array<{ id: number; contentHash: string }>): Promise<Map<number, ParagraphText[]>>;
  stats(): { sessions: number; chars: number };
}

/**
 * @example
 * const cache = createParagraphCache(repo); const byId = await cache.get(hits.map((h) => h.session));
 */
export function createParagraphCache(source: ParagraphSource, maxChars = DEFAULT_PARAGRAPH_CACHE_CHARS): ParagraphCache {
  const entries = new Map<string, { paragraphs: ParagraphText[]; chars: number }>();
  let chars = 0;
  const keyOf = (s: { id: number; contentHash: string }) => `${s.id}:${s.contentHash}`;
  return {
    async get(sessions) {
      const out = new Map<number, ParagraphText[]>();
      const missing: Array<{ id: number; contentHash: string }> = [];
      for (const s of sessions) {
        const key = keyOf(s);
        const entry = entries.get(key);
        if (entry) {
          // Refresh its place: a Map iterates in insertion order, oldest first.
          entries.delete(key);
          entries.set(key, entry);
          out.set(s.id, entry.paragraphs);
        } else missing.push(s);
      }
      if (missing.length === 0) return out;
      const read = new Map<number, ParagraphText[]>();
      for (let i = 0; i < missing.length; i += READ_SESSIONS) {
        if (i > 0) await nextTurn();
        const chunk = missing.slice(i, i + READ_SESSIONS);
        const prepared = source.materialOf ? await source.materialOf(chunk) : new Map<number, ParagraphText[]>();
        for (const [id, paragraphs] of prepared) read.set(id, paragraphs);
        const unprepared = chunk.filter((s) => !prepared.has(s.id)).map((s) => s.id);
        if (unprepared.length === 0) continue;
        for (const r of await source.paragraphsOf(unprepared)) {
          const list = read.get(r.sessionId) ?? [];
          list.push({ ordinal: r.ordinal, text: r.text, speaker: r.speaker, squeezed: squeezeParagraph(r.text) });
          read.set(r.sessionId, list);
        }
      }
      for (const s of missing) {
        const paragraphs = read.get(s.id) ?? [];
        out.set(s.id, paragraphs);
        if (maxChars <= 0) continue;
        let size = 0;
        // Text, its squeezed copy, and (estimated) the analysed words a matching paragraph gains (paragraph-words.ts).
        for (const p of paragraphs) size += p.text.length + (p.squeezed?.length ?? 0) * WORDS_PER_SQUEEZED_CHAR;
        // The same for a session read from stored material: its words are ids into the one shared vocabulary.
        const key = keyOf(s);
        const old = entries.get(key);
        if (old) chars -= old.chars;
        entries.set(key, { paragraphs, chars: size });
        chars += size;
        for (const [k, e] of entries) {
          if (chars <= maxChars) break;
          entries.delete(k);
          chars -= e.chars;
        }
      }
      return out;
    },
    stats: () => ({ sessions: entries.size, chars }),
  };
}
