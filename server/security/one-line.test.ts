import { describe, expect, it } from 'vitest';
import { oneLineText, toOneLine } from './one-line';

describe('one-line fields', () => {
  it('drops a trailing newline pasted with a title', () => {
    expect(toOneLine('نشست شورای برنامه‌ریزی استان\r\n')).toBe('نشست شورای برنامه‌ریزی استان');
  });
  it('turns line breaks, tabs, other controls and line separators inside into one space', () => {
    expect(toOneLine('نشست\nشورا\r\nاستان\tتهران\u0085دوم\u2028سوم\u2029چهارم\u0000پنجم\u007Fششم')).toBe('نشست شورا استان تهران دوم سوم چهارم پنجم ششم');
  });
  it('removes bidi embeddings, overrides and isolates but keeps ZWNJ and RLM', () => {
    expect(toOneLine('\u202Eگزارش\u202C می\u200Cشود\u200F')).toBe('گزارش می\u200Cشود\u200F');
  });
  it('collapses runs of spaces (no-break spaces too) and trims', () => {
    expect(toOneLine('  وبینار \u00A0 \n  اول  ')).toBe('وبینار اول');
  });
  it('is what the schema helper gives, and the schema still bounds the length sent', () => {
    expect(oneLineText(50).parse('عنوان\n')).toBe('عنوان');
    expect(oneLineText(5).safeParse('۱۲۳۴۵۶').success).toBe(false);
  });
});
