import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { DEFAULT_UNITS } from './default-units';
import { buildUnitMatcher, type UnitRef } from './units';

const units: UnitRef[] = [
  ...DEFAULT_UNITS,
  { code: 'prov-tehran', name: 'اداره کل آموزش فنی و حرفه‌ای استان تهران', kind: 'province', aliases: ['استان تهران'] },
];
const find = (text: string) => buildUnitMatcher(units).find(normalizePersian(text));

describe('buildUnitMatcher: the units a sentence names, and who is told versus who receives', () => {
  it('names the all-provinces group however it is said, with or without ZWNJ', () => {
    for (const text of ['استان‌ها موظفند', 'استانها موظفند', 'کلیه استان‌ها باید', 'مدیران کل استان ها باید']) {
      expect(find(text).map((m) => m.code), text).toEqual(['all-provinces']);
    }
  });
  it('prefers the longest name: a province over the word «استان»', () => {
    expect(find('اداره کل آموزش فنی و حرفه ای استان تهران باید اقدام کند').map((m) => m.code)).toEqual(['prov-tehran']);
  });
  it('tells the recipient («… ارسال به سازمان برنامه و بودجه») from the assignee', () => {
    const mentions = find('استان‌ها برنامه را به سازمان برنامه و بودجه ارسال کنند');
    expect(mentions.map((m) => [m.code, m.role])).toEqual([
      ['all-provinces', 'assignee'],
      ['pbo', 'recipient'],
    ]);
  });
  it('finds nothing in a sentence that names no unit, and reads Arabic ي/ك as Persian', () => {
    expect(find('جلسه با حضور مدیران برگزار شد')).toEqual([]);
    expect(find('كليه استان‌ها بايد اقدام كنند').map((m) => m.code)).toEqual(['all-provinces']);
  });
  it('reads a changed units list anew, and a copy of the same list as the same', () => {
    const text = normalizePersian('فنی و حرفه ای شهرستان ری باید گزارش دهد');
    const withRey: UnitRef[] = [...units, { code: 'rey', name: 'آموزشکده ری', kind: 'external', aliases: ['فنی و حرفه ای شهرستان ری'] }];
    expect(buildUnitMatcher(units).find(text)).toEqual([]);
    expect(buildUnitMatcher(withRey).find(text).map((m) => m.code)).toEqual(['rey']);
    expect(buildUnitMatcher(structuredClone(withRey)).find(text).map((m) => m.code)).toEqual(['rey']);
    expect(buildUnitMatcher(units).find(text)).toEqual([]);
  });
});
