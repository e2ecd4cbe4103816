import { describe, expect, it } from 'vitest';
import { firstParam } from './search-params';

describe('firstParam', () => {
  it('takes the first of a repeated key', () => {
    expect(firstParam(['prov-tehran', 'prov-alborz'])).toBe('prov-tehran');
    expect(firstParam('1399-11-01')).toBe('1399-11-01');
  });

  it('treats a missing or empty value as no value', () => {
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam('')).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });
});
