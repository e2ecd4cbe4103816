import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { createSpeakerTracker, oneEditApart } from './speaker';

/** Levenshtein distance with the full table: the reference oneEditApart is checked against. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

const people = [
  { key: 'firouzi', name: 'حسین فیروزی', variants: ['فیروزی'] },
  { key: 'rahimi', name: 'مریم رحیمی' },
];

function speakersOf(sentences: string[]) {
  const normalized = sentences.map((s) => normalizePersian(s));
  const tracker = createSpeakerTracker(people, normalized.join(' '));
  return normalized.map((s) => tracker.next(s)?.key ?? null);
}

describe('createSpeakerTracker: who speaks in each sentence of a document', () => {
  it('names the speaker at an attribution and keeps them for «وی / او» after it', () => {
    expect(speakersOf(['حسین فیروزی گفت: استان‌ها باید اقدام کنند.', 'وی افزود: این کار فوری است.'])).toEqual(['firouzi', 'firouzi']);
  });
  it('tolerates a misspelt surname (فیروری) and Arabic ي/ك', () => {
    expect(speakersOf(['فیروری با اشاره به بودجه گفت: باید برنامه ارسال شود.'])).toEqual(['firouzi']);
    expect(speakersOf(['مريم رحيمي تاكيد كرد: گزارش ارسال شود.'])).toEqual(['rahimi']);
  });
  it('moves to the next person named, and names no one in a text without people', () => {
    expect(speakersOf(['حسین فیروزی گفت: باید اقدام شود.', 'مریم رحیمی افزود: گزارش هم لازم است.'])).toEqual(['firouzi', 'rahimi']);
    expect(speakersOf(['جلسه برگزار شد.'])).toEqual([null]);
  });
  it('measures edits between spellings', () => {
    expect(editDistance('فیروزی', 'فیروری')).toBe(1);
    expect(editDistance('رحیمی', 'رحیمی')).toBe(0);
  });
});

describe('oneEditApart: the misspelling test, as editDistance(a, b) === 1', () => {
  it('agrees with editDistance on substitutions, insertions, deletions and more', () => {
    const words = ['فیروزی', 'فیروری', 'فیروز', 'فیروزیی', 'یفیروزی', 'رحیمی', 'رحیم', 'ررحیمی', 'abcd', 'abdc', 'abc', 'abcde', 'xbcd', 'a', ''];
    for (const a of words) for (const b of words) expect(oneEditApart(a, b), `${a} / ${b}`).toBe(editDistance(a, b) === 1);
  });
});

describe('createSpeakerTracker on a long text', () => {
  it('finds the person named first in a sentence among hundreds of names introduced', () => {
    const letters = 'ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی';
    const code = (i: number) => `${letters[i % letters.length]}${letters[Math.floor(i / letters.length) % letters.length]}`;
    const introduced = Array.from({ length: 400 }, (_, i) => `نام${code(i)} خانواده${code(i)}، معاون وزیر گفت.`);
    const sentences = [...introduced, `خانواده${code(7)} و خانواده${code(3)} گفتند.`, `مریم رحیمی و خانواده${code(5)} حاضر بودند.`].map((s) => normalizePersian(s));
    const tracker = createSpeakerTracker(people, sentences.join(' '));
    const names = sentences.map((s) => tracker.next(s)?.name ?? null);
    expect(names[7]).toBe(`نام${code(7)} خانواده${code(7)}`);
    expect(names[400]).toBe(`نام${code(7)} خانواده${code(7)}`);
    expect(names[401]).toBe('مریم رحیمی');
  });
});
