import { describe, expect, it } from 'vitest';
import { parseDate } from '../persian/jalali';
import { DATE_BOUNDS, deadlineProblem, recordDateProblem } from './plausible-dates';

const iso = (typed: string) => {
  const value = parseDate(typed);
  if (!value) throw new Error(`not a date: ${typed}`);
  return value;
};

describe('plausible record dates (sessions, letters, search ranges)', () => {
  it('accepts the Jalali 1300s and 1400s, ends included', () => {
    for (const typed of ['1300/01/01', '1399/11/01', '1499/12/29', '2021-01-20']) expect(recordDateProblem(iso(typed), 'تاریخ نشست')).toBeNull();
  });
  it('refuses 1500/01/01, 1299/12/29 and year 0001, in Persian, naming the bounds', () => {
    for (const typed of ['1500/01/01', '1299/12/29', '0001-01-01', '1700-01-01', '2200-01-01']) {
      const problem = recordDateProblem(iso(typed), 'تاریخ نشست');
      expect(problem, typed).toContain('۱۳۰۰');
      expect(problem).toContain('۱۴۹۹');
      expect(problem).toMatch(/^تاریخ نشست/);
    }
  });
  it('writes its bounds down with the reason', () => {
    expect(DATE_BOUNDS.record.reason.length).toBeGreaterThan(40);
    expect(DATE_BOUNDS.deadline.reason.length).toBeGreaterThan(40);
  });
});

describe('plausible deadlines', () => {
  const session = iso('1399/11/01');
  it('accepts the session day and up to ten Jalali years after it', () => {
    for (const typed of ['1399/11/01', '1399/11/15', '1409/11/01']) expect(deadlineProblem(iso(typed), session), typed).toBeNull();
  });
  it('refuses a deadline before the session', () => {
    expect(deadlineProblem(iso('1399/10/30'), session)).toContain('پیش از تاریخ نشست (۱۳۹۹/۱۱/۰۱)');
  });
  it('refuses one more than ten years after, and one centuries away', () => {
    expect(deadlineProblem(iso('1409/11/02'), session)).toContain('بیش از ۱۰ سال');
    expect(deadlineProblem(iso('1499/01/01'), session)).toContain('بیش از ۱۰ سال');
    expect(deadlineProblem(iso('1500/01/01'), session)).toContain('۱۴۹۹');
  });
  it('without a session date, holds a deadline to the record bounds only', () => {
    expect(deadlineProblem(iso('1300/01/01'), null)).toBeNull();
    expect(deadlineProblem(iso('1500/01/01'), null)).not.toBeNull();
  });
});
