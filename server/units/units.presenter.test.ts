import { describe, expect, it } from 'vitest';
import { presentUnitRef } from './units.presenter';

const units = new Map([['prov-tehran', { code: 'prov-tehran', name: 'استان تهران', kind: 'province', extra: 1 }]]);

describe('unit references', () => {
  it('names a known unit by the catalogue, without its other columns', () => {
    expect(presentUnitRef(units, 'prov-tehran')).toEqual({ code: 'prov-tehran', name: 'استان تهران', kind: 'province' });
  });

  it('keeps a code the catalogue no longer holds readable, and no code as null', () => {
    expect(presentUnitRef(units, 'gone')).toEqual({ code: 'gone', name: 'gone', kind: 'unknown' });
    expect(presentUnitRef(units, null)).toBeNull();
  });
});
