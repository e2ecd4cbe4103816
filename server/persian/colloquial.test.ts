import { describe, expect, it } from 'vitest';
import { writtenForms } from './colloquial';
import { isStopWord } from './stopwords';

describe('writtenForms (colloquial Persian read back to its written forms)', () => {
  it('reads the copula «ـه» off a word (خوبه = خوب است)', () => {
    expect(writtenForms('خوبه')).toContain('خوب');
    expect(writtenForms('چیه')).toContain('چی');
  });

  it('reads colloquial verb endings and contracted present stems', () => {
    expect(writtenForms('میگیره')).toContain('میگیرد');
    expect(writtenForms('میخورن')).toContain('میخورند');
    expect(writtenForms('میخورین')).toContain('میخورید');
    expect(writtenForms('میشه')).toContain('میشود');
    expect(writtenForms('نمیشه')).toContain('نمیشود');
    expect(writtenForms('میره')).toContain('میرود');
    expect(writtenForms('میگه')).toContain('میگوید');
    expect(writtenForms('هستن')).toContain('هستند');
  });

  it('reads the vowel «ون» as «ان» or «وان» (خونه، میتونه، میدونم)', () => {
    expect(writtenForms('خونه')).toContain('خانه');
    expect(writtenForms('میتونه')).toContain('میتواند');
    expect(writtenForms('میدونم')).toContain('میدانم');
  });

  it('finds the stop word a colloquial form stands for, and none for an ordinary word', () => {
    expect(writtenForms('خوبه').some(isStopWord)).toBe(true);
    expect(writtenForms('میشه').some(isStopWord)).toBe(true);
    expect(writtenForms('داره').some(isStopWord)).toBe(true);
    expect(writtenForms('کتاب').some(isStopWord)).toBe(false);
    expect(writtenForms('جانوران').some(isStopWord)).toBe(false);
  });

  it('leaves out the word itself and words under three letters', () => {
    expect(writtenForms('میخورند')).not.toContain('میخورند');
    expect(writtenForms('که')).toEqual([]);
  });
});
