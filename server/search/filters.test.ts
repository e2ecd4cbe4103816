import { describe, expect, it } from 'vitest';
import { parseFilterDate } from './filters';

describe('parseFilterDate', () => {
  it('reads Jalali dates in any digits and separators', () => {
    expect(parseFilterDate('1399-11-01')).toBe('2021-01-20');
    expect(parseFilterDate('۱۳۹۹/۱۱/۰۱')).toBe('2021-01-20');
    expect(parseFilterDate('1400-1-1')).toBe('2021-03-21');
  });

  it('reads ISO dates', () => {
    expect(parseFilterDate('2021-01-20')).toBe('2021-01-20');
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['1399-13-01', '1399-12-31', '2021-02-30', 'دیروز', '', '1399-11']) expect(parseFilterDate(bad), bad).toBeNull();
  });
});
