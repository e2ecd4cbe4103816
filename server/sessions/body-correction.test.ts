import { describe, expect, it } from 'vitest';
import { correctBody, diffText, type AnchoredSpan } from './body-correction';

const P0 = 'همکاران عزیز سلام؛ امروز دربارهٔ واگذاری صحبت میکنیم.';
const P1 = 'استان‌ها موظفند ظرف دو هفته برنامه عملیاتی را تهیه و ارسل کنند و گزارش بدهند.';
const QUOTE = 'ظرف دو هفته برنامه عملیاتی را تهیه';

function directiveIn(texts: string[], paragraph: number, quote: string, guarded = true): AnchoredSpan {
  const base = texts.slice(0, paragraph).reduce((n, t) => n + t.length + 2, 0);
  const start = base + (texts[paragraph] ?? '').indexOf(quote);
  return { id: 7, anchor: '1', start, end: start + quote.length, quote, guarded };
}

describe('diffText', () => {
  it('finds two separate typo fixes as two small edits', () => {
    const edits = diffText('الف ارسل ب ج د ه و میکنیم', 'الف ارسال ب ج د ه و می‌کنیم');
    expect(edits).toHaveLength(2);
    expect(edits.map((e) => e.insert)).toEqual(['ا', '\u200c']);
  });

  it('applies: every edit script rebuilds the new text', () => {
    const pairs = [
      ['abcabba', 'cbabac'],
      ['نشست اول', 'نشست دوم مدیران'],
      ['', 'متن'],
      ['متن', ''],
    ] as const;
    for (const [a, b] of pairs) {
      let out = '';
      let at = 0;
      for (const e of diffText(a, b)) {
        out += a.slice(at, e.from) + e.insert;
        at = e.to;
      }
      expect(out + a.slice(at)).toBe(b);
    }
  });
});

describe('correctBody', () => {
  it('keeps a directive verbatim and shifts it when text before it is fixed', () => {
    const texts = [P0, P1];
    const d = directiveIn(texts, 1, QUOTE);
    const r = correctBody(texts, new Map([[0, P0.replace('میکنیم', 'می‌کنیم')]]), [d]);
    if (!r.ok) throw new Error('refused');
    const [moved] = r.spans;
    expect(moved?.start).toBe(d.start + 1);
    expect(r.body.slice(moved?.start, moved?.end)).toBe(QUOTE);
    expect(r.paragraphs[1]?.start).toBe(P0.length + 1 + 2);
  });

  it('allows a fix in the same paragraph after the quote, and leaves the offsets alone', () => {
    const texts = [P0, P1];
    const d = directiveIn(texts, 1, QUOTE);
    const r = correctBody(texts, new Map([[1, P1.replace('ارسل', 'ارسال')]]), [d]);
    if (!r.ok) throw new Error('refused');
    expect(r.spans[0]).toMatchObject({ start: d.start, end: d.end, quote: QUOTE });
  });

  it('refuses a fix inside a published quote, naming the directive', () => {
    const texts = [P0, P1];
    const d = directiveIn(texts, 1, QUOTE);
    const r = correctBody(texts, new Map([[1, P1.replace('دو هفته', 'سه هفته')]]), [d]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.span.id).toBe(7);
  });

  it('re-anchors a rejected suggestion instead of refusing', () => {
    const texts = [P0, P1];
    const d = directiveIn(texts, 1, QUOTE, false);
    const r = correctBody(texts, new Map([[1, P1.replace('دو هفته', 'سه هفته')]]), [d]);
    if (!r.ok) throw new Error('refused');
    expect(r.spans[0]?.quote).toContain('سه هفته');
  });

  it('accepts text typed right at the edge of a quote (outside it)', () => {
    const texts = ['الف باید گزارش بدهند ب'];
    const d = directiveIn(texts, 0, 'باید گزارش بدهند');
    const r = correctBody(texts, new Map([[0, 'الف باید گزارش بدهندبدهند ب']]), [d]);
    if (!r.ok) throw new Error('refused');
    expect(r.body.slice(r.spans[0]?.start, r.spans[0]?.end)).toBe('باید گزارش بدهند');
  });

  it('handles a paragraph of 100,000 unpunctuated characters with a fix at each end', () => {
    const long = 'کلمه '.repeat(20_000);
    const fixed = `ک${long.slice(1, -1)}x`;
    const started = Date.now();
    const r = correctBody([long], new Map([[0, fixed]]), []);
    expect(r.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
