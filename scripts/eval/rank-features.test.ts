import { describe, expect, it } from 'vitest';
import { paragraphWords } from '../../server/search/paragraph-words';
import { parseQuery } from '../../server/search/query';
import { FEATURE_NAMES, hitFeatures, queryFacts, questionKind } from './rank-features';

const feature = (values: number[], name: (typeof FEATURE_NAMES)[number]) => values[FEATURE_NAMES.indexOf(name)];

describe('hitFeatures', () => {
  const query = parseQuery('واگذاری به بخش خصوصی', { prefixLast: false });
  // «به» and «بخش» are stop words: they glue the phrase but weigh nothing.
  const terms = [
    { term: 'واگذار', weight: 3 },
    { term: 'خصوص', weight: 1 },
  ];
  const facts = queryFacts(query, terms, query.tokens);
  const of = (text: string) => hitFeatures(facts, [paragraphWords(text)], null, 4, 5);

  it('reads the phrase, its run and the words held', () => {
    const phrase = of('واگذاری به بخش خصوصی در دستور کار استان‌ها قرار گرفت.');
    const apart = of('خصوصی بودن اطلاعات مهم است و واگذاری سهام هم در دستور کار است.');
    expect(feature(phrase, 'score')).toBeCloseTo(0.8);
    expect(feature(phrase, 'run')).toBe(1); // all four tokens in order
    expect(feature(apart, 'run')).toBe(0);
    expect(feature(phrase, 'pairs')).toBe(1);
    expect(feature(apart, 'pairs')).toBe(0);
    expect(feature(phrase, 'exact')).toBe(1);
    expect(feature(apart, 'exact')).toBe(1);
    expect(feature(phrase, 'density')).toBeGreaterThan(feature(apart, 'density') ?? 1);
    const half = of('بخش خصوصی در دستور کار است.');
    expect(feature(half, 'exact')).toBeCloseTo(0.25); // by weight: خصوص 1 of 4
    expect(feature(half, 'missing')).toBeCloseTo(0.75);
  });

  it('tells a word held as typed from one held by its stem', () => {
    expect(feature(of('واگذاری بخش خصوصی'), 'typed')).toBe(1);
    // «واگذار» is the stem of «واگذاری» as written: held exactly, not as typed.
    expect(feature(of('واگذار بخش خصوصی'), 'exact')).toBe(1);
    expect(feature(of('واگذار بخش خصوصی'), 'typed')).toBeCloseTo(0.25);
  });
});

describe('questionKind', () => {
  it('reads what a question asks for', () => {
    const kind = (q: string) => questionKind(parseQuery(q, { prefixLast: false }).tokens);
    expect(kind('چرا آمریکا لهستان را انتخاب کرد')).toBe('why');
    expect(kind('در چه سالی جنگ جهانی دوم تمام شد')).toBe('year');
    expect(kind('ایران چند استان دارد')).toBe('count');
    expect(kind('برج میلاد کجاست')).toBe('where');
    expect(kind('کارگردان فیلم بهشت کیست')).toBe('who');
    expect(kind('بودجه عمرانی')).toBeNull();
  });
});
