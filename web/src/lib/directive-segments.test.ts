import { describe, expect, it } from 'vitest';
import { placeDirectives } from './directive-segments';

const body = 'بند یکم. رهنمود نخست اینجاست.\n\nبند دوم که رهنمودی دارد که\nتا اینجا ادامه دارد. پایان.';
function paragraph(text: string) {
  const start = body.indexOf(text);
  return { text, start, end: start + text.length };
}
function directive(anchor: string, quote: string) {
  const start = body.indexOf(quote);
  return { anchor, start, end: start + quote.length };
}
const p1 = paragraph('بند یکم. رهنمود نخست اینجاست.');
const p2 = paragraph('بند دوم که رهنمودی دارد که\nتا اینجا ادامه دارد. پایان.');

describe('placeDirectives', () => {
  it('cuts a paragraph into text and the directive quoted exactly, with its note beside it', () => {
    const d = directive('first', 'رهنمود نخست اینجاست.');
    const [placed] = placeDirectives([p1], [d]);
    expect(placed?.segments).toEqual([
      { kind: 'text', text: 'بند یکم. ' },
      { kind: 'directive', text: 'رهنمود نخست اینجاست.', directive: d, first: true },
    ]);
    expect(placed?.notes).toEqual([d]);
  });

  it('keeps the id on the first part of a directive that runs over two paragraphs', () => {
    const d = { anchor: 'long', start: body.indexOf('نخست'), end: body.indexOf(' که\nتا') };
    const placed = placeDirectives([p2, p1], [d]);
    expect(placed.map((p) => p.paragraph)).toEqual([p1, p2]);
    const parts = placed.flatMap((p) => p.segments.filter((s) => s.kind === 'directive'));
    expect(parts.map((s) => s.text).join('')).toBe(body.slice(d.start, d.end).replace('\n\n', ''));
    expect(parts.map((s) => s.kind === 'directive' && s.first)).toEqual([true, false]);
    expect(placed[1]?.notes).toEqual([]);
  });

  it('gives a directive that starts in the gap between paragraphs to the next paragraph', () => {
    const d = { anchor: 'gap', start: p1.end + 1, end: p2.start + 7 };
    const placed = placeDirectives([p1, p2], [d]);
    expect(placed[0]?.notes).toEqual([]);
    expect(placed[1]?.notes).toEqual([d]);
    expect(placed[1]?.segments[0]).toEqual({ kind: 'directive', text: 'بند دوم', directive: d, first: true });
  });

  it('shows overlapping directives once each, the later one cut at the earlier end', () => {
    const a = directive('a', 'رهنمودی دارد');
    const b = directive('b', 'دارد که');
    const text = placeDirectives([p2], [b, a])[0]?.segments.map((s) => (s.kind === 'directive' ? `[${s.text}]` : s.text)).join('');
    expect(text).toBe('بند دوم که [رهنمودی دارد][ که]\nتا اینجا ادامه دارد. پایان.');
  });

  it('shows a paragraph whose offsets disagree with its text whole, without highlights', () => {
    const broken = { text: 'متن', start: 0, end: 10 };
    expect(placeDirectives([broken], [{ anchor: 'x', start: 0, end: 2 }])[0]?.segments).toEqual([{ kind: 'text', text: 'متن' }]);
  });
});
