/**
 * @module A search service's warm-up before the server listens: the first seconds after a start
 * cost 4–6 ms of CPU a request instead of ≈ 1 (every hit session's paragraphs read from the
 * database and normalised, the query path's code not yet optimised), and 50 connections queue
 * behind that (docs/benchmarks.md, Search under load). So, within a time budget: the newest
 * sessions' paragraphs go into the paragraph cache (until it is nearly full), then searches of a few
 * words taken from sessions' text run through the real query path.
 */
import type { IndexState } from './index-state';
import type { QueryPath } from './query-path';
import type { SearchRepo } from './search.repo';

/** Default budget; main.ts also ends it 2.5 s after the process started, so a start at 30,000 sessions stays within its 3 s. */
export const WARM_UP_MS = 800;
/** Sessions read into the paragraph cache at a time. */
const PREFILL_CHUNK = 50;
/** Sessions whose first paragraph gives the warm-up queries. */
const QUERY_SESSIONS = 120;

const words = (text: string) => text.split(/\s+/u).filter((w) => w.length > 2);

/**
 * @example
 * const { sessions, queries, ms } = await search.warmUp(); // before serve()
 */
export async function warmUp(index: Pick<IndexState, 'ensureLoaded'>, repo: Pick<SearchRepo, 'fingerprints' | 'paragraphsOf'>, path: Pick<QueryPath, 'search' | 'prefill'>, budgetMs: number): Promise<{ sessions: number; queries: number; ms: number }> {
  const started = performance.now();
  const spent = () => performance.now() - started;
  if (budgetMs <= 0) return { sessions: 0, queries: 0, ms: 0 };
  await index.ensureLoaded();
  // Newest first (highest id: ingested last).
  const all = [...(await repo.fingerprints())].sort((a, b) => b[0] - a[0]).map(([id, contentHash]) => ({ id, contentHash }));
  let sessions = 0;
  // Half the budget at most for reading paragraphs; the rest compiles the query path.
  while (sessions < all.length && spent() < budgetMs / 2) {
    const chunk = all.slice(sessions, sessions + PREFILL_CHUNK);
    const room = await path.prefill(chunk);
    sessions += chunk.length;
    if (!room) break;
  }
  // Words from sessions spread over the whole range, two or three at a time, as people type a subject.
  const step = Math.max(1, Math.floor(all.length / QUERY_SESSIONS));
  const picked = all.filter((_, i) => i % step === 0).slice(0, QUERY_SESSIONS).map((s) => s.id);
  const firsts = new Map<number, string>();
  for (const p of await repo.paragraphsOf(picked)) if (!firsts.has(p.sessionId)) firsts.set(p.sessionId, p.text);
  let queries = 0;
  for (const text of firsts.values()) {
    if (spent() >= budgetMs) break;
    const w = words(text);
    if (w.length < 3) continue;
    const at = Math.floor(w.length / 2);
    const q = w.slice(at, at + 2 + (queries % 2)).join(' ');
    await path.search({ q, limit: 10, prefix: queries % 3 === 0 });
    queries += 1;
  }
  return { sessions, queries, ms: Math.round(spent()) };
}
