import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { buildSegmentPayload, loadSegment, type IndexableSession } from './segment';
import { DEFAULT_WEIGHTS, SegmentSet } from './segment-set';
import { COMPOUND_MIN_SESSIONS } from './fast-builder';

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
    // Feedback terms rank but are not the user's words: nothing highlights them.
    expect(fed.terms.map((t) => t.term)).toEqual(['بودجه']);
  });

  it('leaves a query with a clear winner as it is', () => {
    const query = parseQuery('بودجه', { prefixLast: false });
    const gated = setWith({ feedbackDocs: 4, feedbackMaxLead: 1 }).search(query, { limit: 10, offset: 0 });
    expect(gated.hits.map((h) => h.session.id)).not.toContain(5);
  });
});

describe('SegmentSet: compounds learned from the indexed text', () => {
  /** خاورمیانه written joined in two sessions, apart (or with a ZWNJ, the same once normalised) in two others. */
  const COMPOUND_SESSIONS = [
    session(1, 'رفرم در خاورمیانه طراحی شده است'),
    session(2, 'طرحی برای خاورمیانه جدید'),
    session(3, 'روابط آمریکا با کشورهای خاور میانه تیره شود'),
    session(4, 'در آینده در خاور‌میانه برای مناقصه‌های نفتی'),
    // Filler up to COMPOUND_MIN_SESSIONS: a smaller segment learns nothing.
    ...Array.from({ length: COMPOUND_MIN_SESSIONS - 4 }, (_, i) => session(10 + i, `گزارش ورزشی شماره ${i} فوتبال والیبال`)),
  ];
  const set = new SegmentSet({ ...DEFAULT_WEIGHTS, feedbackDocs: 0 });
  set.addSegment(1, 'base', loadSegment(buildSegmentPayload(COMPOUND_SESSIONS, COMPOUND_SESSIONS.map((s) => s.id))));

  it('finds the sessions that write it apart when it is typed joined, and the other way round', () => {
    for (const typed of ['خاورمیانه', 'خاور میانه', 'خاور‌میانه']) {
      const ids = set.search(parseQuery(typed, { prefixLast: false }), { limit: 10, offset: 0 }).hits.map((h) => h.session.id);
      expect(ids.sort()).toEqual([1, 2, 3, 4]);
    }
  });
});

describe('SegmentSet: RM3 gated on title-like queries', () => {
  const titled = (id: number, title: string, body: string): IndexableSession => ({ ...session(id, body), title, heading: title });
  const TITLED = [
    titled(1, 'گزارش بودجه استان', 'بودجه استان و اعتبارات تملک دارایی'),
    titled(2, 'جلسه شورا', 'بودجه سال آینده و اعتبارات عمرانی'),
    titled(3, 'جلسه کمیسیون', 'بودجه جاری و اعتبارات هزینه‌ای'),
    titled(4, 'نشست', 'بودجه و اعتبارات استانی'),
    titled(5, 'ابلاغ', 'اعتبارات عمرانی تملک دارایی ابلاغ شد'),
    ...Array.from({ length: 20 }, (_, i) => titled(10 + i, 'ورزش', `گزارش ورزشی شماره ${i} فوتبال والیبال`)),
  ];
  const withGate = (feedbackTitleGate: number) => {
    const set = new SegmentSet({ ...DEFAULT_WEIGHTS, feedbackDocs: 4, feedbackMaxLead: 10, feedbackTitleGate });
    set.addSegment(1, 'base', loadSegment(buildSegmentPayload(TITLED, TITLED.map((s) => s.id))));
    return set;
  };

  it('expands a query no title holds, and not one a first-pass session’s title holds', () => {
    const ids = (set: SegmentSet, q: string) => set.search(parseQuery(q, { prefixLast: false }), { limit: 10, offset: 0 }).hits.map((h) => h.session.id);
    expect(ids(withGate(1), 'بودجه اعتبارات')).toContain(5);
    expect(ids(withGate(0), 'بودجه استان')).toContain(5);
    expect(ids(withGate(1), 'بودجه استان')).not.toContain(5);
  });
});

describe('SegmentSet and questions', () => {
  it('ranks a question by what its answer holds: no interrogative, no تر stripped from a loanword', () => {
    const sessions = [
      session(1, 'فیلتر هوای خودرو را هر سال عوض کنید'),
      session(2, 'فیل چیست؟ فیل بزرگ‌ترین جانور خشکی است و فیل آسیایی کوچک‌تر است'),
      ...Array.from({ length: 10 }, (_, i) => session(10 + i, `گزارش ورزشی شماره ${i} فوتبال والیبال`)),
    ];
    const set = new SegmentSet({ ...DEFAULT_WEIGHTS, feedbackDocs: 0 });
    set.addSegment(1, 'base', loadSegment(buildSegmentPayload(sessions, sessions.map((s) => s.id))));
    // Once ranked as فیل + چیست, which the elephant answers twice over.
    const hits = set.search(parseQuery('فیلتر چیست؟', { prefixLast: false }), { limit: 10, offset: 0 }).hits;
    expect(hits.map((h) => h.session.id)).toEqual([1]);
  });
});

describe('SegmentSet and Persian morphology', () => {
  const FILLER = Array.from({ length: 30 }, (_, i) => session(10 + i, `گزارش ورزشی شماره ${i} فوتبال والیبال`));
  const setOf = (sessions: IndexableSession[], weights: Partial<typeof DEFAULT_WEIGHTS> = {}) => {
    const set = new SegmentSet({ ...DEFAULT_WEIGHTS, feedbackDocs: 0, ...weights });
    set.addSegment(1, 'base', loadSegment(buildSegmentPayload(sessions, sessions.map((s) => s.id))));
    return set;
  };
  const ids = (set: SegmentSet, q: string) => set.search(parseQuery(q, { prefixLast: false }), { limit: 10, offset: 0 }).hits.map((h) => h.session.id);

  it('finds a passage that names the thing another way, below one that names it as asked', () => {
    const sessions = [
      session(1, 'دلیل انقراض جانداران از دست دادن زیستگاه است'),
      session(2, 'گونه‌های منقرض در موزه نگهداری می‌شوند'),
      session(3, 'آلودگی هوا در زمستان بیشتر است'),
      ...FILLER,
    ];
    const set = setOf(sessions);
    expect(ids(set, 'چرا جانوران منقرض می شوند')).toEqual([2, 1]);
    expect(ids(set, 'هوای آلوده')).toEqual([3]);
    expect(ids(setOf(sessions, { derived: 0 }), 'چرا جانوران منقرض می شوند')).toEqual([2]);
  });

  it('gives no relatives to a word in more than derivedMaxShare of the sessions', () => {
    const sessions = [session(1, 'آلودگی هوا'), ...Array.from({ length: 4 }, (_, i) => session(2 + i, `آب آلوده ${i}`)), ...FILLER];
    expect(ids(setOf(sessions, { derivedMaxShare: 0.2 }), 'آلوده')).toContain(1);
    expect(ids(setOf(sessions, { derivedMaxShare: 0.1 }), 'آلوده')).not.toContain(1);
  });

  it('leaves out a colloquial form of a stop word the index lacks, and keeps one it holds', () => {
    const sessions = [session(1, 'ورزش برای چاقی مفید است'), session(2, 'خوشه انگور'), ...FILLER];
    // Before, «خوبه» fell to typo readings (خوشه) and found a session about grapes.
    expect(ids(setOf(sessions), 'چاقی خوبه')).toEqual([1]);
    expect(ids(setOf([...sessions, session(3, 'خوبه که آمدی')]), 'خوبه')).toEqual([3]);
  });
});

describe('SegmentSet.addNewestSegment', () => {
  it('gives the same live sessions and hits as addSegment, replacing and removing covered sessions', () => {
    const steps: Array<[IndexableSession[], number[]]> = [
      [SESSIONS, SESSIONS.map((s) => s.id)],
      [[session(2, 'گزارش عملکرد فوتبال')], [2]],
      [[], [3, 11]],
      [[session(3, 'بودجه دوباره'), session(99, 'اعتبارات تازه')], [3, 99]],
    ];
    const full = new SegmentSet(DEFAULT_WEIGHTS);
    const newest = new SegmentSet(DEFAULT_WEIGHTS);
    steps.forEach(([sessions, covers], i) => {
      full.addSegment(i + 1, `k-${i + 1}`, loadSegment(buildSegmentPayload(sessions, covers)));
      newest.addNewestSegment(i + 1, `k-${i + 1}`, loadSegment(buildSegmentPayload(sessions, covers)));
    });
    expect(newest.size()).toBe(full.size());
    expect([...newest.liveSessions()].sort()).toEqual([...full.liveSessions()].sort());
    for (const q of ['بودجه', 'اعتبارات', 'فوتبال', 'گزارش']) {
      const hits = (set: SegmentSet) => set.search(parseQuery(q, { prefixLast: false }), { limit: 50, offset: 0 }).hits.map((h) => [h.session.id, h.score]);
      expect(hits(newest), q).toEqual(hits(full));
    }
  });
});
