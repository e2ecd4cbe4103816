/**
 * @module A fixed split of a topic set into a tuning half (choices are made on it) and a held-out
 * half (reported, never chosen on): a seeded shuffle of the topic ids, so every run and every
 * machine splits the same way. Hamshahri has 50 topics; 25 and 25.
 */
import { seeded } from './variants';

/** The seed of the Hamshahri split (issue 15); changing it makes earlier held-out figures tuned-on. */
export const HAMSHAHRI_SPLIT_SEED = 15;

export interface TopicSplit<T> {
  tuning: T[];
  heldOut: T[];
}

/**
 * Split topics by a seeded shuffle of their ids (order of the input does not matter).
 *
 * @example
 * const { tuning, heldOut } = splitTopics(topics, HAMSHAHRI_SPLIT_SEED);
 */
export function splitTopics<T extends { id: string }>(topics: readonly T[], seed: number): TopicSplit<T> {
  const order = [...topics].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rnd = seeded(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const a = order[i];
    const b = order[j];
    if (a === undefined || b === undefined) continue;
    order[i] = b;
    order[j] = a;
  }
  const half = Math.ceil(order.length / 2);
  const tuningIds = new Set(order.slice(0, half).map((t) => t.id));
  return { tuning: topics.filter((t) => tuningIds.has(t.id)), heldOut: topics.filter((t) => !tuningIds.has(t.id)) };
}
