import { describe, expect, it } from 'vitest';
import { buildDirectiveIndex } from './directive-index';

const rows = [
  { id: 1, sessionId: 1, quote: 'استان‌ها باید برنامه‌های عملیاتی بودجه را ظرف دو هفته به سازمان برنامه و بودجه ارسال کنند.' },
  { id: 2, sessionId: 1, quote: 'فروش املاک و اموال مازاد بر اساس ماده ۲۷ انجام شود.' },
  { id: 3, sessionId: 2, quote: 'استان‌هایی که برنامه عملیاتی بودجه را ارسال نکرده‌اند باید تا پایان فروردین آن را به سازمان برنامه و بودجه بفرستند.' },
  { id: 4, sessionId: 3, quote: 'گزارش پیشرفت فروش املاک و اموال مازاد موضوع ماده ۲۷ تا پایان خرداد ارسال شود.' },
  { id: 5, sessionId: 3, quote: 'جشنواره ملی مهارت در شهریور برگزار می‌شود.' },
];

describe('the directive index', () => {
  const index = buildDirectiveIndex(rows);

  it('matches quotes holding every word, in any spelling', () => {
    expect(index.match('فروش املاك مازاد')?.sort()).toEqual([2, 4]);
    expect(index.match('برنامه عملياتي')?.sort()).toEqual([1, 3]);
    expect(index.match('فروش جشنواره')).toEqual([]);
  });

  it('says when the text has no searchable word', () => {
    expect(index.match('از به در')).toBeNull();
  });

  it('finds the same instruction in another session, never one of its own session', () => {
    const related = index.related(1).map((r) => r.id);
    expect(related).toContain(3);
    expect(related).not.toContain(2);
    expect(index.related(2).map((r) => r.id)).toEqual([4]);
    expect(index.related(5)).toEqual([]);
  });

  it('scores relative to the directive itself', () => {
    for (const hit of index.related(1)) expect(hit.similarity).toBeGreaterThan(0);
    expect(index.related(99)).toEqual([]);
  });
});
