import { describe, expect, it } from 'vitest';
import { normalizePersian, normalizeWithMap, toOriginalSpan } from './normalize';

describe('normalizePersian: every rule of docs/decisions.md (Persian normalisation)', () => {
  it('folds Arabic presentation forms with NFKC', () => {
    expect(normalizePersian('\uFEEA\uFEE0\uFEB3')).toBe('\u0647\u0644\u0633'); // isolated/medial forms
    expect(normalizePersian('\uFEFB')).toBe('لا'); // lam-alef ligature expands
  });

  it('deletes harakat, superscript alef, tatweel and invisible marks', () => {
    expect(normalizePersian('سَلامٌ')).toBe('سلام');
    expect(normalizePersian('رحمٰن')).toBe('رحمن');
    expect(normalizePersian('ســـلام')).toBe('سلام');
    for (const mark of ['\u200B', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2069', '\uFEFF', '\u00AD']) {
      expect(normalizePersian(`کتا${mark}ب`)).toBe('کتاب');
    }
  });

  it('deletes the &shy; entity left in imported text', () => {
    expect(normalizePersian('واگذاری&shy;ها')).toBe('واگذاریها');
  });

  it('folds Arabic yeh and kaf to Persian', () => {
    expect(normalizePersian('يك')).toBe('یک');
    expect(normalizePersian('\u0649')).toBe('ی');
    expect(normalizePersian('\u06D2')).toBe('ی');
  });

  it('folds teh marbuta and heh variants to heh, hamza alefs to alef', () => {
    for (const heh of ['\u0629', '\u06C0', '\u06C1', '\u06D5', '\u06BE']) expect(normalizePersian(`مدرس${heh}`)).toBe('مدرسه');
    for (const alef of ['\u0623', '\u0625', '\u0671']) expect(normalizePersian(`${alef}سلام`)).toBe('اسلام');
  });

  it('keeps آ, ؤ and ئ unless asked to fold them', () => {
    expect(normalizePersian('آب مؤسسه مسئول')).toBe('آب مؤسسه مسئول');
    expect(normalizePersian('آب', { foldAlefMadda: true })).toBe('اب');
    expect(normalizePersian('مؤسسه مسئول', { foldHamzaSeats: true })).toBe('موسسه مسیول');
  });

  it('turns Persian and Arabic-Indic digits and separators into ASCII', () => {
    expect(normalizePersian('۱۴۰۰')).toBe('1400');
    expect(normalizePersian('١٣٩٩')).toBe('1399');
    expect(normalizePersian('۳٫۵')).toBe('3.5');
    expect(normalizePersian('۱٬۰۰۰')).toBe('1,000');
  });

  it('turns ZWNJ (and the not sign used for it) into a space, or keeps it', () => {
    expect(normalizePersian('می‌شود')).toBe('می شود');
    expect(normalizePersian('می\u00ACشود')).toBe('می شود');
    expect(normalizePersian('می‌شود', { zwnj: 'keep' })).toBe('می\u200Cشود');
  });

  it('lower-cases Latin words inside Persian text', () => {
    expect(normalizePersian('سازمان TVTO')).toBe('سازمان tvto');
    expect(normalizePersian('TVTO', { lowerCase: false })).toBe('TVTO');
  });
});

describe('toOriginalSpan', () => {
  it('maps a normalised span back over deleted characters', () => {
    const original = 'كتـــاب‌هاي';
    const n = normalizeWithMap(original);
    expect(n.text).toBe('کتاب های');
    const [s, e] = toOriginalSpan(n, 0, 4);
    expect(original.slice(s, e)).toBe('كتـــاب');
    const [s2, e2] = toOriginalSpan(n, 5, 8);
    expect(original.slice(s2, e2)).toBe('هاي');
  });
});
