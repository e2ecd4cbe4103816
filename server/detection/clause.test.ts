import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { obligationClause } from './clause';
import { findCues } from './cues';

const clauseOf = (raw: string): string => {
  const text = normalizePersian(raw, { zwnj: 'space' });
  const c = obligationClause(text, findCues(text));
  return text.slice(c.start, c.end).trim();
};

describe('obligationClause', () => {
  it('starts after a coordinated clause that closes with its own verb', () => {
    expect(clauseOf('دوره از ۲۶ دی آغاز می‌شود و متقاضیان باید مدارک را حداکثر تا ۱۰ آبان ارسال کنند.')).toBe(
      'و متقاضیان باید مدارک را حداکثر تا 10 آبان ارسال کنند',
    );
  });
  it('keeps a complement clause with the verb that governs it', () => {
    // «مکلف کرده بود تا …»: the past perfect belongs to this obligation, so the sentence stays a report.
    expect(clauseOf('مجلس دولت را مکلف کرده بود تا پایان خرداد لایحه را ارائه کند.')).toContain('مکلف کرده بود');
  });
  it('ends with the task verb, not with a later clause that reports', () => {
    expect(clauseOf('از این تعداد ۶۸ هزار واحد باید احداث شوند که این اقدام تا پایان امسال انجام می‌شود.')).toBe(
      'از این تعداد 68 هزار واحد باید احداث شوند',
    );
  });
  it('takes in a purpose clause after the task verb', () => {
    expect(clauseOf('وزارت نفت مکلف است به گونه‌ای اقدام کند که تا پایان بهمن کارت هوشمند در جایگاه‌ها فعال شود.')).toContain('تا پایان بهمن');
  });
  it('runs a demand to the next stop', () => {
    expect(clauseOf('معاون نهاد خواستار ارائه نظرات وزیر می‌شود که وزیر نظرات را ارائه می‌دهد.')).toContain('ارائه می دهد');
  });
  it('is the whole sentence when there is no obligation', () => {
    expect(clauseOf('نمایشگاه تا ۳۰ آبان دایر است.')).toBe('نمایشگاه تا 30 آبان دایر است.');
  });
});
