import { describe, expect, it } from 'vitest';
import { analyzePersian } from './analyze';
import { isStopWord, PERSIAN_STOP_WORDS } from './stopwords';

const terms = (text: string) => analyzePersian(text).terms.map((t) => t.term);

describe('analyzePersian', () => {
  it('gives the same terms for Arabic and Persian letters and every ZWNJ spelling', () => {
    expect(terms('كتاب‌هاي')).toEqual(terms('کتاب های'));
    expect(terms('کتابهای')).toEqual(['کتاب']);
    expect(terms('خانه‌ها')).toEqual(['خانه']);
    expect(terms('خانه ها')).toEqual(['خانه']);
    expect(terms('خانهها')).toEqual(['خانه']);
    expect(terms('می‌خواند')).toEqual(terms('میخواند'));
    expect(terms('می خواند')).toEqual(['میخواند']);
  });

  it('drops stop words, including ones Hazm writes with ZWNJ', () => {
    expect(terms('این کتاب را می‌شود خواند')).toEqual(['کتاب', 'خواند']);
    expect(terms('می شود')).toEqual([]);
  });

  it('loads Hazm’s whole list', () => {
    expect(PERSIAN_STOP_WORDS.size).toBeGreaterThan(380);
    expect(isStopWord('و')).toBe(true);
    expect(isStopWord('کتاب')).toBe(false);
  });
});
