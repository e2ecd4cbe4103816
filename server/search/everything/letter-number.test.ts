import { describe, expect, it } from 'vitest';
import { letterKey, letterKeysOf } from './letter-number';

describe('letter numbers', () => {
  it('gives one key to Persian, Arabic-Indic and ASCII digits and any separators', () => {
    const key = letterKey('۱۲۳/۴۵/د');
    expect(letterKey('123/45/د')).toBe(key);
    expect(letterKey('١٢٣ - ٤٥ - د')).toBe(key);
    expect(letterKey('123.45.د')).toBe(key);
    expect(key).toBe('12345د');
  });

  it('folds Arabic yeh and kaf in the letter part', () => {
    expect(letterKey('۷۸/ك/ي')).toBe(letterKey('78/ک/ی'));
  });

  it('looks a query up whole and by each part that holds a digit', () => {
    expect(letterKeysOf('نامه ۱۲۳/۴۵/د')).toEqual(['نامه12345د', '12345د']);
    expect(letterKeysOf('فروش املاک')).toEqual([]);
    expect(letterKeysOf('۱')).toEqual([]);
  });
});
