import { describe, expect, it } from 'vitest';
import { reviewPieces } from './import-segments';

const body = 'بند یکم. استان‌ها موظفند ظرف دو هفته گزارش دهند. پایان بند.';
const paragraph = { text: body, start: 100, end: 100 + body.length };
function span(quote: string, extra: Record<string, unknown> = {}) {
  const start = 100 + body.indexOf(quote);
  return { start, end: start + quote.length, ...extra };
}

describe('reviewPieces', () => {
  it('cuts a paragraph at a suggestion, keeping offsets that point back into the text', () => {
    const suggestion = span('استان‌ها موظفند ظرف دو هفته گزارش دهند.', { id: 1 });
    const pieces = reviewPieces(paragraph, [suggestion], []);
    expect(pieces.map((p) => p.text).join('')).toBe(body);
    expect(pieces.map((p) => p.suggestion)).toEqual([null, suggestion, null]);
    for (const p of pieces) expect(body.slice(p.start - 100, p.end - 100)).toBe(p.text);
  });

  it('marks repairs inside and outside suggestions, with their notes', () => {
    const suggestion = span('استان‌ها موظفند ظرف دو هفته گزارش دهند.', { id: 1 });
    const inside = { ...span('دو هفته'), note: 'سطر شکسته پیوسته شد' };
    const outside = { ...span('پایان'), note: 'موجودیت HTML رمزگشایی شد' };
    const pieces = reviewPieces(paragraph, [suggestion], [inside, outside]);
    const repaired = pieces.filter((p) => p.repairs.length > 0);
    expect(repaired.map((p) => [p.text, p.suggestion !== null, p.repairs[0]?.note])).toEqual([
      ['دو هفته', true, 'سطر شکسته پیوسته شد'],
      ['پایان', false, 'موجودیت HTML رمزگشایی شد'],
    ]);
  });

  it('ignores repairs that are not in the text (dropped duplicates) and shows overlapping suggestions once', () => {
    const a = span('استان‌ها موظفند', { id: 1 });
    const b = span('موظفند ظرف دو هفته', { id: 2 });
    const pieces = reviewPieces(paragraph, [b, a], [{ start: null, end: null, note: 'پاراگراف تکراری حذف شد' }]);
    expect(pieces.map((p) => p.text).join('')).toBe(body);
    expect(pieces.find((p) => p.start === a.start)).toMatchObject({ text: 'استان‌ها موظفند', suggestion: a });
    expect(pieces.find((p) => p.start === a.end)).toMatchObject({ text: ' ظرف دو هفته', suggestion: b });
    expect(pieces.some((p) => p.repairs.length > 0)).toBe(false);
  });

  it('shows a paragraph whose text does not match its offsets whole, unmarked', () => {
    const pieces = reviewPieces({ text: body, start: 0, end: 5 }, [span('پایان', { id: 1 })], []);
    expect(pieces).toEqual([{ text: body, start: 0, end: 5, suggestion: null, repairs: [] }]);
  });
});
