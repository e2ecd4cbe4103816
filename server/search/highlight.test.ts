import { describe, expect, it } from 'vitest';
import { bestParagraphs, escapeHtml, snippetHtml } from './highlight';

describe('highlight', () => {
  it('marks the original spelling and escapes the rest', () => {
    const [p] = bestParagraphs([{ ordinal: 4, text: 'برنامه‌هاي <عملياتي> & بودجه', speaker: null }], [{ term: 'عملی', weight: 1 }]);
    expect(p?.ordinal).toBe(4);
    expect(p?.snippet).toBe('برنامه‌هاي &lt;<mark>عملياتي</mark>&gt; &amp; بودجه');
  });

  it('orders paragraphs by how many weighted query words they hold', () => {
    const paragraphs = [
      { ordinal: 0, text: 'بودجه', speaker: null },
      { ordinal: 1, text: 'بودجه و برنامه', speaker: null },
      { ordinal: 2, text: 'هیچ', speaker: null },
    ];
    const found = bestParagraphs(paragraphs, [
      { term: 'بودجه', weight: 1 },
      { term: 'برنامه', weight: 2 },
    ]);
    expect(found.map((p) => p.ordinal)).toEqual([1, 0]);
  });

  it('cuts a long paragraph around the first match, on word boundaries', () => {
    const text = `${'واژه '.repeat(100)}هدف ${'واژه '.repeat(100)}`;
    const html = snippetHtml(text, [[500, 503]]);
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html).toContain('<mark>هدف</mark>');
    expect(html.length).toBeLessThan(320);
  });

  it('falls back to the first paragraph, unmarked, when only the title matched', () => {
    const found = bestParagraphs([{ ordinal: 0, text: 'متن', speaker: null }], [{ term: 'عنوان', weight: 1 }]);
    expect(found).toEqual([{ ordinal: 0, speaker: null, score: 0, snippet: 'متن', highlights: [] }]);
  });

  it('escapes every HTML-special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
