import { describe, expect, it } from 'vitest';
import { buildLunrJson } from './fast-builder';
import { createPersianBuilder, lunr } from './lunr-persian';
import { BM25, buildSegmentPayload, loadSegment, parsePayload, prefixTerms, toLunrIndex, type IndexableSession } from './segment';
import { SegmentSet } from './segment-set';
import { parseQuery } from './query';

const TEXTS = [
  'استان‌ها می‌توانند اموال مازاد را بر اساس ماده ۲۷ بفروشند و بودجه بگیرند.',
  'برنامه‌هاي عملياتي بودجه ۱۴۰۰ ظرف دو هفته به سازمان برنامه و بودجه ارسال شود.',
  'گزارش پیشرفت آموزش مهارت در استان گیلان. کتابخانه‌ها و کتابخانه های عمومی.',
];

function session(id: number, text: string, slug = `s${id}`): IndexableSession {
  return { id, slug, title: slug, kind: 'webinar', heldOn: null, speakers: [], contentHash: String(id), heading: slug, body: text };
}

describe('buildLunrJson', () => {
  it('builds exactly what lunr.Builder builds with the registered Persian pipeline', () => {
    for (const bm25 of [{ k1: 1.2, b: 0.75 }, BM25]) {
      const builder = createPersianBuilder({ fields: { text: 1 }, ...bm25 });
      TEXTS.forEach((text, i) => builder.add({ id: String(i + 1), text }));
      const fromLunr: unknown = JSON.parse(JSON.stringify(builder.build()));
      const ours: unknown = JSON.parse(JSON.stringify(buildLunrJson(TEXTS.map((text, i) => ({ ref: String(i + 1), text })), bm25)));
      expect(ours).toEqual(fromLunr);
    }
  });

  it('loads into lunr itself, and lunr finds Persian words in it', () => {
    const payload = buildSegmentPayload(TEXTS.map((t, i) => session(i + 1, t)), [1, 2, 3]);
    const index = toLunrIndex(parsePayload(JSON.stringify(payload)));
    const refs = index.query((q) => q.term('گیلان', { usePipeline: true })).map((r) => r.ref);
    expect(refs).toEqual(['3']);
    const budget = index.query((q) => q.term('بودجه', { usePipeline: true })).map((r) => r.ref);
    expect(budget).toEqual(['2', '1']);
    expect(lunr.version).toBe('2.3.9');
  });
});

describe('segments', () => {
  it('scores like lunr: the session with more of the rarer query words first', () => {
    const set = new SegmentSet();
    set.addSessions(TEXTS.map((t, i) => session(i + 1, t)));
    const hits = set.search(parseQuery('بودجه عملیاتی', { prefixLast: false }), { limit: 10, offset: 0 }).hits;
    expect(hits.map((h) => h.session.id)).toEqual([2, 1]);
  });

  it('scores a title by its own length: a long body does not dilute a title word, and a title word outweighs a body word', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `واژه${i}`).join(' ');
    const short = { ...session(1, 'گزارش کوتاه'), heading: 'بودجه استان' };
    const long = { ...session(2, `گزارش بلند ${filler}`), heading: 'بودجه استان' };
    const inBody = { ...session(3, `گزارش بودجه ${filler}`), heading: 'جلسه استان' };
    const segment = loadSegment(buildSegmentPayload([short, long, inBody], [1, 2, 3]));
    const row = segment.termRow.get('بودجه') ?? -1;
    const weights = new Map<number, number>();
    for (let p = segment.offsets[row] ?? 0; p < (segment.offsets[row + 1] ?? 0); p++) {
      weights.set(segment.docs[segment.postingDocs[p] ?? 0]?.id ?? 0, segment.postingWeights[p] ?? 0);
    }
    expect(weights.get(2)).toBeGreaterThan(0);
    expect(weights.get(2)).toBeCloseTo(weights.get(1) ?? 0, 2);
    expect(weights.get(2)).toBeGreaterThan((weights.get(3) ?? 0) * 1.2);
  });

  it('finds index terms by prefix, most frequent first', () => {
    const segment = loadSegment(buildSegmentPayload(TEXTS.map((t, i) => session(i + 1, t)), [1, 2, 3]));
    expect(prefixTerms(segment, 'کتاب', 5)).toEqual(['کتابخانه']);
    expect(prefixTerms(segment, 'است', 5)).toContain('استان');
    expect(prefixTerms(segment, 'ژژ', 5)).toEqual([]);
  });

  it('lets the newest segment own a session and ranks a fresh delta fairly', () => {
    const set = new SegmentSet();
    set.addSessions(TEXTS.map((t, i) => session(i + 1, t)));
    set.addSessions([session(3, 'متن تازه درباره زنجان و بودجه')]);
    const budget = set.search(parseQuery('بودجه', { prefixLast: false }), { limit: 10, offset: 0 });
    expect(budget.hits.map((h) => h.session.id).sort()).toEqual([1, 2, 3]);
    expect(set.search(parseQuery('گیلان', { prefixLast: false }), { limit: 10, offset: 0 }).total).toBe(0);
    set.removeSessions([3]);
    expect(set.search(parseQuery('زنجان', { prefixLast: false }), { limit: 10, offset: 0 }).total).toBe(0);
    expect(set.size()).toBe(2);
  });

  it('pages with limit and offset over the same ranking', () => {
    const set = new SegmentSet();
    set.addSessions(TEXTS.map((t, i) => session(i + 1, t)));
    const all = set.search(parseQuery('استان بودجه', { prefixLast: false }), { limit: 10, offset: 0 });
    const second = set.search(parseQuery('استان بودجه', { prefixLast: false }), { limit: 1, offset: 1 });
    expect(second.hits.map((h) => h.session.id)).toEqual([all.hits[1]?.session.id]);
    expect(second.total).toBe(all.total);
  });
});
