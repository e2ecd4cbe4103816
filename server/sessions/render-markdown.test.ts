import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders lists, emphasis and links', () => {
    const html = renderMarkdown('- نام «فیروری» به **فیروزی** اصلاح شد.\n- [منبع](https://example.org/a)');
    expect(html).toContain('<li>نام «فیروری» به <strong>فیروزی</strong> اصلاح شد.</li>');
    expect(html).toContain('<a href="https://example.org/a">منبع</a>');
  });

  it('drops scripts, event handlers, raw HTML and javascript: links', () => {
    const html = renderMarkdown(
      'متن <script>alert(1)</script> <img src=x onerror="alert(2)"> [کلیک](javascript:alert(3)) <a href="javascript:alert(4)">x</a> <iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|<img/i);
    expect(html).toContain('متن');
    expect(html).toContain('کلیک');
  });
});
