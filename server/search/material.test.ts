import { describe, expect, it } from 'vitest';
import { matchSession, phraseParagraphs, squeezeParagraph, type ParagraphText } from './highlight';
import { ANALYSIS_FINGERPRINT, decodeMaterial, encodeMaterial, type MaterialParagraph } from './material';
import { createParagraphCache } from './paragraph-cache';
import { isCurrent, paragraphWords, wordIdOf, wordSurface, wordTerm } from './paragraph-words';

const PARAGRAPHS: MaterialParagraph[] = [
  { ordinal: 0, text: 'استان‌هاي كشور مي‌توانند اموال مازاد را بر اساس ماده۲۷ بفروشند.', speaker: 'حسين فيروزي' },
  { ordinal: 1, text: 'برنامه‌های عملیاتی بودجه ۱۴۰۰ ظرف دو هفته به سازمان برنامه و بودجه ارسال شود.', speaker: null },
  { ordinal: 2, text: '', speaker: '' },
  { ordinal: 5, text: 'مهم ترين و مهم‌ترین &shy; برون سپاری <b>"x"</b> a\uD800b \uDC00 ١٢٣ بهره وری', speaker: null },
  // Unpunctuated speech, long, with words repeated across paragraphs (one vocabulary per session).
  { ordinal: 6, text: Array.from({ length: 3_000 }, (_, i) => ['واگذاری', 'امور', 'به', 'بخش', 'خصوصی', `شماره${i % 97}`][i % 6]).join(' '), speaker: 'مریم' },
];

/** A paragraph's words as text: surface, term and original span of each. */
function wordsOf(p: ParagraphText): string[] {
  const words = p.words ?? paragraphWords(p.text);
  return [...words.ids].map((id, i) => `${wordSurface(id)}:${wordTerm(id) ?? '-'}@${words.spans[2 * i]}-${words.spans[2 * i + 1]}`);
}

describe('search material', () => {
  it('holds what reading and analysing the paragraphs gives: text, speaker, squeezed text, words with terms and spans', () => {
    const decoded = decodeMaterial(encodeMaterial(PARAGRAPHS));
    expect(decoded).not.toBeNull();
    expect(decoded?.map((p) => [p.ordinal, p.text, p.speaker, p.squeezed])).toEqual(PARAGRAPHS.map((p) => [p.ordinal, p.text, p.speaker, squeezeParagraph(p.text)]));
    for (const [i, p] of PARAGRAPHS.entries()) {
      const stored = decoded?.[i];
      expect(stored?.words).toBeDefined();
      if (stored) expect(wordsOf(stored)).toEqual(wordsOf({ ...p }));
    }
    expect(wordsOf(decoded?.[0] ?? PARAGRAPHS[0] ?? { ordinal: 0, text: '', speaker: null })).toContain('استان:استان@0-5');
  });

  it('gives the same matches, snippets, highlights and phrase counts as paragraphs analysed at search time', () => {
    const fresh = (): ParagraphText[] => PARAGRAPHS.map((p) => ({ ...p }));
    const stored = decodeMaterial(encodeMaterial(PARAGRAPHS)) ?? [];
    const terms = [
      { term: 'استان', weight: 2 },
      { term: 'بودجه', weight: 1.5 },
      { term: 'واگذار', weight: 1 },
      { term: 'مهم', weight: 0.7 },
    ];
    const tokens = ['واگذاری', 'به', 'بخش'];
    expect(matchSession(stored, terms, 3, tokens)).toEqual(matchSession(fresh(), terms, 3, tokens));
    expect(phraseParagraphs(stored, ['به', 'بخش'], 3)).toEqual(phraseParagraphs(fresh(), ['به', 'بخش'], 3));
    expect(phraseParagraphs(stored, ['میتوانند'], 3).count).toBe(1);
  });

  it('is not used when the blob is of another layout or cut short', () => {
    const blob = encodeMaterial(PARAGRAPHS);
    expect(decodeMaterial(blob.slice(0, blob.length - 2))).toBeNull();
    const other = blob.slice();
    other[0] = 99;
    expect(decodeMaterial(other)).toBeNull();
    expect(decodeMaterial(new Uint8Array(3))).toBeNull();
    // An unaligned view (a Buffer inside its pool) reads the same.
    const shifted = new Uint8Array(blob.length + 1);
    shifted.set(blob, 1);
    expect(decodeMaterial(shifted.subarray(1))?.map((p) => p.text)).toEqual(PARAGRAPHS.map((p) => p.text));
  });

  it('writes its numbers in 16 bits when they all fit, in 32 when one does not, and reads both the same', () => {
    const small = encodeMaterial(PARAGRAPHS);
    // A paragraph past 65,533 characters: its spans do not fit in 16 bits.
    const long: MaterialParagraph[] = [...PARAGRAPHS, { ordinal: 7, text: `${'ا'.repeat(70_000)} بودجه`, speaker: null }];
    const large = encodeMaterial(long);
    expect(small[0]).toBe(3);
    expect(large[0]).toBe(2);
    const texts = (ps: ParagraphText[] | null) => ps?.map(wordsOf);
    expect(texts(decodeMaterial(small))).toEqual(PARAGRAPHS.map((p) => wordsOf({ ...p })));
    expect(texts(decodeMaterial(large))).toEqual(long.map((p) => wordsOf({ ...p })));
    expect(wordsOf(decodeMaterial(large)?.at(-1) ?? { ordinal: 0, text: '', speaker: null }).at(-1)).toBe('بودجه:بودجه@70001-70006');
  });

  it("maps a session's words into the process's one vocabulary: the ids analysing the same paragraphs here gives", () => {
    // Words new to the process (this text not analysed yet) and words it knows, in one session.
    const novel: MaterialParagraph = { ordinal: 9, text: 'زرتشتیان کهن‌دیار و بودجه‌ریزی‌های فرامرزی در استان‌ها', speaker: null };
    const decoded = decodeMaterial(encodeMaterial([...PARAGRAPHS, novel])) ?? [];
    expect(decoded).toHaveLength(PARAGRAPHS.length + 1);
    for (const [i, p] of [...PARAGRAPHS, novel].entries()) {
      const words = decoded[i]?.words;
      expect(isCurrent(words)).toBe(true);
      const fresh = paragraphWords(p.text);
      expect(words?.epoch).toBe(fresh.epoch);
      expect([...(words?.ids ?? [])]).toEqual([...fresh.ids]);
    }
  });

  it('takes the same room in the paragraph cache as a session read and analysed, so one budget holds as many of either', async () => {
    const sessions = Array.from({ length: 40 }, (_, s) => ({ id: s + 1, contentHash: `h${s}` }));
    const paragraphsOf = (id: number): MaterialParagraph[] =>
      PARAGRAPHS.slice(0, 4).map((p, i) => ({ ...p, text: `${p.text} جلسه${id} بند${i} ${'واژه'.repeat(1 + ((id * 7 + i) % 5))}` }));
    const rows = (ids: number[]) => ids.flatMap((id) => paragraphsOf(id).map((p) => ({ sessionId: id, ...p })));
    // Room for about half of them.
    const budget = 20 * 4 * 3.3 * 90;
    const plain = createParagraphCache({ paragraphsOf: async (ids) => rows(ids) }, budget);
    const prepared = createParagraphCache(
      { paragraphsOf: async () => [], materialOf: async (chunk) => new Map(chunk.map((s) => [s.id, decodeMaterial(encodeMaterial(paragraphsOf(s.id))) ?? []])) },
      budget,
    );
    for (const s of sessions) {
      await plain.get([s]);
      await prepared.get([s]);
    }
    expect(plain.stats().sessions).toBeGreaterThan(5);
    expect(plain.stats().sessions).toBeLessThan(sessions.length);
    expect(prepared.stats()).toEqual(plain.stats());
  });

  it('is analysed again from its text once the shared vocabulary starts again (its ids are of the old epoch)', () => {
    const stored = decodeMaterial(encodeMaterial(PARAGRAPHS)) ?? [];
    const epoch = stored[0]?.words?.epoch;
    expect(isCurrent(stored[0]?.words)).toBe(true);
    // Past 500,000 words the vocabulary starts again.
    expect(paragraphWords('بودجه '.repeat(500_001)).epoch).not.toBe(epoch);
    expect(isCurrent(stored[0]?.words)).toBe(false);
    const terms = [
      { term: 'استان', weight: 2 },
      { term: 'واگذار', weight: 1 },
    ];
    expect(matchSession(stored, terms, 3, ['واگذاری'])).toEqual(matchSession(PARAGRAPHS.map((p) => ({ ...p })), terms, 3, ['واگذاری']));
    // A paragraph a term may match was analysed again, into the new vocabulary.
    expect(isCurrent(stored[0]?.words)).toBe(true);
    // Read again, it is of the new epoch.
    expect((decodeMaterial(encodeMaterial(PARAGRAPHS)) ?? [])[0]?.words?.epoch).toBe(paragraphWords('').epoch);
  });

  it('adds no word of a damaged blob to the shared vocabulary', () => {
    const novel: MaterialParagraph = { ordinal: 0, text: 'کهکشان‌نوردان زمردفام در سیاره‌هایی دوردست', speaker: null };
    const blob = encodeMaterial([novel]);
    // Start the vocabulary again, so the encoding's own analysis has left nothing of these words in it.
    paragraphWords('بودجه '.repeat(500_001));
    expect(wordIdOf('کهکشان')).toBeUndefined();
    expect(decodeMaterial(blob.slice(0, blob.length - 2))).toBeNull();
    const wrongCount = blob.slice();
    // The paragraph's word count (its fifth number, 16 bits) one more than the blob's words.
    wrongCount[2 * 8] = (wrongCount[2 * 8] ?? 0) + 1;
    expect(decodeMaterial(wrongCount)).toBeNull();
    expect(wordIdOf('کهکشان')).toBeUndefined();
    // The whole blob adds them, with the terms a fresh analysis gives.
    const ids = [...(decodeMaterial(blob)?.[0]?.words?.ids ?? [])];
    expect(wordIdOf('کهکشان')).toBeDefined();
    expect(ids).toEqual([...paragraphWords(novel.text).ids]);
  });

  it('names the analyser it was made with', () => {
    expect(ANALYSIS_FINGERPRINT).toMatch(/^[0-9a-f]{16}$/);
    expect(decodeMaterial(encodeMaterial([]))).toEqual([]);
  });
});
