import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { warmUpSearches } from './warm-up';

const TEXTS = [
  'استان‌ها می‌توانند اموال مازاد را بر اساس ماده ۲۷ از طریق شورای برنامه‌ریزی استان بفروشند',
  'برنامه‌هاي عملياتي بودجه ۱۴۰۰ ظرف دو هفته به سازمان برنامه و بودجه ارسال شود',
  'گزارش پیشرفت آموزش مهارت در استان گیلان ارائه شد',
  'این است که می تواند',
  'فروش اموال مازاد و واگذاری به بخش خصوصی با فوریت انجام شود',
  'سازمان آموزش فنی و حرفه‌ای کشور برنامه‌های عملیاتی استان‌ها را بررسی کرد',
  'مدیران کل استان‌ها گزارش پیشرفت واگذاری را هر ماه ارسال کنند',
];

describe('warmUpSearches', () => {
  it('makes searches in the shapes people send: prefix, a typo, a date range, never common words alone', () => {
    const searches = warmUpSearches(TEXTS);
    // The text of common words only gives no search (alone it would be a phrase search over 200 sessions).
    expect(searches).toHaveLength(TEXTS.length - 1);
    for (const s of searches) {
      expect(s.limit).toBe(10);
      expect(parseQuery(s.q).words.length, s.q).toBeGreaterThan(0);
    }
    expect(searches.map((s) => s.prefix)).toEqual([true, false, false, true, false, false]);
    // The second search has a letter dropped from its longest word: a word of the text no more.
    const typo = searches[1]?.q.split(' ') ?? [];
    expect(typo.some((w) => !TEXTS[1]?.split(' ').includes(w))).toBe(true);
    expect(searches.filter((s) => s.from !== undefined).map((s) => s.from)).toEqual(['2000-01-01']);
  });
});
