import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { obligationClause } from './clause';
import { contentStart, findCues } from './cues';
import { namesPastYear, pastFrame } from './past';

const frameOf = (raw: string): string | null => {
  const text = normalizePersian(raw, { zwnj: 'space' });
  const cues = findCues(text, contentStart(text));
  return pastFrame(text, cues, obligationClause(text, cues));
};

describe('namesPastYear', () => {
  it('finds a year before the session named as a deadline', () => {
    expect(namesPastYear('امور تصدی گری را می بایستی تا پایان سال 82 واگذار کنند', 1383)).toBe(true);
    expect(namesPastYear('امور تصدی گری را می بایستی تا پایان سال 83 واگذار کنند', 1383)).toBe(false);
  });
  it('does not take a year that qualifies a thing for the time of the task', () => {
    expect(namesPastYear('حساب های مالی سال 82 تا پایان شهریور رسیدگی شود', 1383)).toBe(false);
    expect(namesPastYear('متولدین سال 60 تا پایان ماه مراجعه کنند', 1383)).toBe(false);
  });
});

describe('pastFrame', () => {
  it('finds last year framing a decision', () => {
    expect(frameOf('استاندار گفت: سال گذشته در همین جلسه مقرر شد شرکت آب تا پایان شهریور تصفیه‌خانه را راه‌اندازی کند.')).toBe('سال گذشته');
  });
  it('leaves yesterday’s decision and a past time with its own verb alone', () => {
    expect(frameOf('شورای شهر دیروز شهرداری را موظف کرد که لایحه را ظرف سه ماه ارائه کند.')).toBeNull();
    expect(frameOf('سال گذشته این کارت توزیع می‌شد که با یک سال تأخیر مقرر شده است کارت ظرف سه ماه توزیع شود.')).toBeNull();
  });
});
