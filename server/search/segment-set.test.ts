import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { buildSegmentPayload, loadSegment, type IndexableSession } from './segment';
import { DEFAULT_WEIGHTS, SegmentSet } from './segment-set';

function session(id: number, body: string): IndexableSession {
  return { id, slug: `s-${id}`, title: '', kind: 'news', heldOn: null, speakers: [], contentHash: String(id), heading: '', body };
}

/** Four sessions about the budget that also speak of credits, one about credits alone, filler. */
const SESSIONS = [
  session(1, 'بودجه استان و اعتبارات تملک دارایی'),
  session(2, 'بودجه سال آینده و اعتبارات عمرانی'),
  session(3, 'بودجه جاری و اعتبارات هزینه‌ای'),
  session(4, 'بودجه و اعتبارات استانی'),
  session(5, 'اعتبارات عمرانی تملک دارایی ابلاغ شد'),
  ...Array.from({ length: 20 }, (_, i) => session(10 + i, `گزارش ورزشی شماره ${i} فوتبال والیبال`)),
];

function setWith(weights: Partial<typeof DEFAULT_WEIGHTS>): SegmentSet {
  const set = new SegmentSet({ ...DEFAULT_WEIGHTS, ...weights });
  set.addSegment(1, 'base', loadSegment(buildSegmentPayload(SESSIONS, SESSIONS.map((s) => s.id))));
  return set;
}

describe('SegmentSet pseudo-relevance feedback (RM3)', () => {
  it('finds a session that shares the top hits’ vocabulary but not the query word', () => {
    const query = parseQuery('بودجه', { prefixLast: false });
    const plain = setWith({ feedbackDocs: 0 }).search(query, { limit: 10, offset: 0 });
    expect(plain.hits.map((h) => h.session.id)).not.toContain(5);
    const fed = setWith({ feedbackDocs: 4, feedbackMaxLead: 10 }).search(query, { limit: 10, offset: 0 });
    expect(fed.hits.map((h) => h.session.id)).toContain(5);
    // The query's own sessions stay ahead of what feedback brought in.
    expect(fed.hits.slice(0, 4).map((h) => h.session.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('leaves a query with a clear winner as it is', () => {
    const query = parseQuery('بودجه', { prefixLast: false });
    const gated = setWith({ feedbackDocs: 4, feedbackMaxLead: 1 }).search(query, { limit: 10, offset: 0 });
    expect(gated.hits.map((h) => h.session.id)).not.toContain(5);
  });
});
