import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { createSpeakerTracker, editDistance } from './speaker';

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
