import { describe, expect, it } from 'vitest';
import { CUE_RULES } from './cues';
import { execAtWordStart, wordStartsAt } from './word-start';

const LOOK_BEHIND = '(?<![\\p{L}\\p{N}])';

function allWith(re: RegExp, text: string): Array<[number, string]> {
  re.lastIndex = 0;
  const out: Array<[number, string]> = [];
  for (let m = execAtWordStart(re, text); m !== null; m = execAtWordStart(re, text)) out.push([m.index, m[0]]);
  return out;
}

describe('execAtWordStart: a pattern matched only where a word starts', () => {
  it('skips a match inside a word and finds the next at a word start', () => {
    expect(allWith(/باید/gu, 'نباید و باید، بایدها')).toEqual([
      [8, 'باید'],
      [14, 'باید'],
    ]);
    expect(wordStartsAt('x1باید', 2)).toBe(false);
    expect(wordStartsAt('«باید', 1)).toBe(true);
  });
  it('reads a letter outside the BMP before the match as a letter, and an emoji as none', () => {
    expect(allWith(/باید/gu, '𝐀باید 😀باید')).toEqual([[9, 'باید']]);
  });
  it('finds what the same pattern with the look-behind finds, for every cue rule', () => {
    const texts = [
      'استان ها موظفند حداکثر تا 30 آبان گزارش را ارسال کنند و نباید تاخیر شود',
      'مقرر شد دفتر برنامه و بودجه تا پایان سال اقدام کند؛ وی گفت: باید گزارش تهیه شود',
      'آنها مقررشد ومقرر شد 𝐀مقرر شد، دستور داد که از مردم خواست تا پایان هفته اقدام کنند.',
      'به نظر من قرار است جلسه برگزار می شود و همه باید تلاش کنیم؟ اگر بخواهند',
    ];
    for (const rule of CUE_RULES) {
      const source = rule.pattern.source;
      if (!source.startsWith(LOOK_BEHIND)) continue;
      const bare = new RegExp(source.slice(LOOK_BEHIND.length), 'gu');
      for (const text of texts) {
        const expected = [...text.matchAll(new RegExp(source, 'gu'))].map((m): [number, string] => [m.index ?? 0, m[0]]);
        expect(allWith(bare, text), `${rule.id}: ${text}`).toEqual(expected);
      }
    }
  });
});
