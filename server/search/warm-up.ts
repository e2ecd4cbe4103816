/**
 * @module A search service's warm-up before the server listens: the first seconds after a start
 * cost several times the CPU of later requests (every hit session's paragraphs read from the
 * database and analysed, the query path's code not yet optimised), and 50 connections queue behind
 * that (docs/benchmarks.md, Search under load). So, within a time budget: the newest sessions'
 * paragraphs go into the paragraph cache (until it is nearly full), then a few searches of words
 * taken from sessions' text, in the shapes people send (prefix, typo, date filter), run through the
 * real query path again and again, past the result cache, until the code that every request runs
 * has been optimised.
 */
import { normalizePersian } from '../persian/normalize';
import { isStopWord } from '../persian/stopwords';
import type { IndexState } from './index-state';
import type { QueryPath } from './query-path';
import type { SearchParams } from './search-input';
import type { SearchRepo } from './search.repo';

/** Default budget; main.ts also ends it 2.5 s after the process started, so a start at 30,000 sessions stays within its 3 s. */
export const WARM_UP_MS = 800;
/** Sessions read into the paragraph cache at a time. */
const PREFILL_CHUNK = 50;
/**
 * Share of the budget that may go to reading paragraphs; the rest runs searches. Measured
 * (docs/benchmarks.md, cold start): the searches' first time reads their own hits' paragraphs
 * anyway, and the query path's code stayed 2–3× slower than warm for ≈ 5 s after a start when
 * the warm-up ran each of its searches once (30–120 searches): V8 optimises a function after many calls.
 */
const PREFILL_SHARE = 0.35;
/** Distinct warm-up searches (their words from sessions spread over the id range). */
const WARM_UP_QUERIES = 12;
/** Most times the searches are run (a generous budget, as in tests, still ends). */
const MAX_ROUNDS = 40;

/** Words of a text that a subject is typed with: not stop words (a query of those alone reads 200 sessions, as a phrase). */
const words = (text: string) => text.split(/\s+/u).filter((w) => w.length > 2 && !isStopWord(normalizePersian(w)));

/**
 * The warm-up searches: two or three words from the middle of each text, as people type a subject;
 * every third as a prefix, one in four with a letter dropped from its longest word (typo variants,
 * «منظورتان … بود؟»), one in six with a date range (filters).
 *
 * @example
 * warmUpSearches(['واگذاری اموال مازاد استان‌ها به بخش خصوصی'])[0] // { q: 'مازاد استان‌ها', limit: 10, prefix: true }
 */
export function warmUpSearches(texts: string[]): SearchParams[] {
  const out: SearchParams[] = [];
  for (const text of texts) {
    const w = words(text);
    if (w.length < 3) continue;
    const i = out.length;
    const at = Math.floor(w.length / 2);
    const picked = w.slice(at, at + 2 + (i % 2));
    if (i % 4 === 1) {
      const longest = picked.reduce((a, b) => (b.length > a.length ? b : a), '');
      const cut = Math.floor(longest.length / 2);
      if (longest.length >= 5) picked[picked.indexOf(longest)] = longest.slice(0, cut) + longest.slice(cut + 1);
    }
    const params: SearchParams = { q: picked.join(' '), limit: 10, prefix: i % 3 === 0 };
    if (i % 6 === 5) params.from = '2000-01-01';
    out.push(params);
  }
  return out;
}

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
  while (sessions < all.length && spent() < budgetMs * PREFILL_SHARE) {
    const chunk = all.slice(sessions, sessions + PREFILL_CHUNK);
    const room = await path.prefill(chunk);
    sessions += chunk.length;
    if (!room) break;
  }
  const step = Math.max(1, Math.floor(all.length / WARM_UP_QUERIES));
  const picked = all.filter((_, i) => i % step === 0).slice(0, WARM_UP_QUERIES).map((s) => s.id);
  const firsts = new Map<number, string>();
  for (const p of await repo.paragraphsOf(picked)) if (!firsts.has(p.sessionId)) firsts.set(p.sessionId, p.text);
  const searches = warmUpSearches([...firsts.values()]);
  let queries = 0;
  // Again and again: the first round reads its hits' paragraphs, the later ones cost what a warm
  // request costs and let V8 optimise the path; the result cache is passed by, or they would stop at it.
  for (let round = 0; round < MAX_ROUNDS && spent() < budgetMs; round++) {
    for (const params of searches) {
      if (spent() >= budgetMs) break;
      await path.search(params, { uncached: true });
      queries += 1;
    }
  }
  return { sessions, queries, ms: Math.round(spent()) };
}
