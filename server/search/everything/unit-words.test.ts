import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../../persian/normalize';
import { unitsNamed, unitWordsOf } from './unit-words';

const UNITS = [
  { code: 'prov-tehran', name: 'اداره کل آموزش فنی و حرفه‌ای استان تهران', aliases: ['تهران'] },
  { code: 'prov-fars', name: 'اداره کل آموزش فنی و حرفه‌ای استان فارس', aliases: ['استان فارس'] },
  { code: 'prov-east-azarbaijan', name: 'اداره کل آموزش فنی و حرفه‌ای استان آذربایجان شرقی', aliases: ['آذربایجان شرقی'] },
  { code: 'prov-west-azarbaijan', name: 'اداره کل آموزش فنی و حرفه‌ای استان آذربایجان غربی', aliases: ['آذربایجان غربی'] },
];
const words = unitWordsOf(UNITS);
const tokens = (text: string) => normalizePersian(text).split(/\s+/);

describe('unit words', () => {
  it('names a unit by a word only it holds, never by a word every unit holds', () => {
    expect(unitsNamed(tokens('فروش املاک تهران'), words)).toEqual({ units: ['prov-tehran'], rest: ['فروش', 'املاک'] });
    expect(unitsNamed(tokens('آموزش فنی استان'), words)).toEqual({ units: null, rest: ['آموزش', 'فنی', 'استان'] });
  });

  it('narrows by words that name units together, and adds units named apart', () => {
    expect(unitsNamed(tokens('آذربایجان شرقی'), words).units).toEqual(['prov-east-azarbaijan']);
    expect(unitsNamed(tokens('آذربایجان'), words).units).toEqual(['prov-east-azarbaijan', 'prov-west-azarbaijan']);
    expect(unitsNamed(tokens('تهران فارس'), words).units).toEqual(['prov-fars', 'prov-tehran']);
  });
});
