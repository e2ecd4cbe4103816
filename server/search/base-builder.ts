/**
 * @module The one way a base is built: every published session into one segment that replaces
 * every segment up to the newest one seen (`asOf`), written with the generation bump in one batch,
 * then loaded ready to score. A rebuild on the server's thread and a merge in a worker both call it.
 */
import type { SearchRepo } from './search.repo';
import { buildSegmentPayload, loadSegment, type Segment } from './segment';

/** A base as written: its row id, the generation it moved to, what it absorbed, and the loaded segment. */
export interface BuiltBase {
  id: number;
  generation: number;
  /** The newest segment id the base includes: deltas written meanwhile are newer and outrank it. */
  asOf: number;
  segment: Segment;
}

/**
 * Build, write and load a new base.
 *
 * @example
 * const { id, asOf, segment } = await writeBase(createSearchRepo(db), new Date().toISOString());
 */
export async function writeBase(repo: SearchRepo, now: string): Promise<BuiltBase> {
  const asOf = await repo.maxSegmentId();
  const all = await repo.allSessionsForIndex();
  const payload = buildSegmentPayload(all, all.map((s) => s.id), asOf);
  const { id, generation } = await repo.replaceWithBase(JSON.stringify(payload), payload.covers, asOf, now);
  return { id, generation, asOf, segment: loadSegment(payload) };
}
