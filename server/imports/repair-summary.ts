/**
 * @module What a draft keeps of its repairs: counts per kind and the first repairs to show, so a
 * source with 100,000 broken lines gives a review of a few kilobytes, not 16 MB of joins. Computed
 * once at import (in the extraction worker) and stored; pure, no HTTP, no database.
 */
import type { Repair, RepairKind } from '../repair/repair';

/** A repair as the review screen shows it: its span in the session body (null when it is not in the body), no score. */
export type BodyRepair = Omit<Repair, 'score'>;

/** Repairs listed (and marked in the text) at most; the rest are only counted. */
export const REPAIRS_LISTED = 200;

/** Kinds that changed words come first in the list: a reviewer checks them; joins and letter forms are only counted. */
const LIST_ORDER: Readonly<Record<RepairKind, number>> = {
  'reversed-line': 0,
  entity: 0,
  'soft-hyphen': 0,
  'duplicate-paragraph': 0,
  'line-join': 1,
  'blank-line-join': 1,
  normalize: 2,
};

export interface RepairSummary {
  /** Every repair made, listed or not. */
  total: number;
  /** How many of each kind. */
  byKind: Record<string, number>;
  /** The repairs listed, in the order they were made (at most REPAIRS_LISTED). */
  listed: BodyRepair[];
}

/**
 * Counts per kind and the first `limit` repairs, word-changing kinds before joins before letter forms,
 * kept in text order.
 *
 * @example
 * summariseRepairs(repairs).byKind // { 'line-join': 99999 }
 */
export function summariseRepairs(repairs: readonly BodyRepair[], limit = REPAIRS_LISTED): RepairSummary {
  const byKind: Record<string, number> = {};
  // Bucket by rank in one pass (a sort of 100,000 repairs for 200 of them is wasted work).
  const ranks: number[][] = [[], [], []];
  repairs.forEach((repair, index) => {
    byKind[repair.kind] = (byKind[repair.kind] ?? 0) + 1;
    const rank = ranks[LIST_ORDER[repair.kind]];
    if (rank && rank.length < limit) rank.push(index);
  });
  const chosen = ranks
    .flat()
    .slice(0, limit)
    .sort((a, b) => a - b);
  return { total: repairs.length, byKind, listed: chosen.map((i) => repairs[i]).filter((r): r is BodyRepair => r !== undefined) };
}

/**
 * A stored summary read against the body as it is now: a body corrected since the import no longer
 * matches the spans, which are then dropped (the repairs are still listed, not placed).
 *
 * @example
 * placeRepairs(stored, false).listed.every((r) => r.start === null) // true
 */
export function placeRepairs(summary: RepairSummary, bodyUnchanged: boolean): RepairSummary {
  if (bodyUnchanged) return summary;
  return { ...summary, listed: summary.listed.map((r) => ({ ...r, start: null, end: null })) };
}
