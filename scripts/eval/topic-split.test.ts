import { describe, expect, it } from 'vitest';
import { HAMSHAHRI_SPLIT_SEED, splitTopics } from './topic-split';

const topics = Array.from({ length: 50 }, (_, i) => ({ id: String(i + 1) }));

describe('splitTopics: a fixed tuning / held-out split', () => {
  it('puts every topic in exactly one half, 25 and 25', () => {
    const { tuning, heldOut } = splitTopics(topics, HAMSHAHRI_SPLIT_SEED);
    expect(tuning).toHaveLength(25);
    expect(heldOut).toHaveLength(25);
    expect(new Set([...tuning, ...heldOut].map((t) => t.id)).size).toBe(50);
  });

  it('splits the same way whatever the input order, and differently for another seed', () => {
    const a = splitTopics(topics, HAMSHAHRI_SPLIT_SEED).tuning.map((t) => t.id).sort();
    const b = splitTopics([...topics].reverse(), HAMSHAHRI_SPLIT_SEED).tuning.map((t) => t.id).sort();
    const c = splitTopics(topics, HAMSHAHRI_SPLIT_SEED + 1).tuning.map((t) => t.id).sort();
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
