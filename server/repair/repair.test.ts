import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairText } from './repair';

const seed = readFileSync(new URL('../../tests/fixtures/imports/tvto-webinar-article.txt', import.meta.url), 'utf8');

describe('repairText', () => {
  it('decodes entities and turns a soft hyphen between Persian letters into a ZWNJ', () => {
    const r = repairText('بودجه&shy;های سازمان &amp; ستاد');
    expect(r.text).toBe('بودجه\u200Cهای سازمان & ستاد');
    expect(r.repairs.map((x) => x.kind)).toEqual(expect.arrayContaining(['entity', 'soft-hyphen']));
  });
  it('folds Arabic yeh and kaf to Persian for display and keeps ZWNJ', () => {
    const r = repairText('كتاب‌هاي مدرسه');
    expect(r.text).toBe('کتاب‌های مدرسه');
    expect(r.repairs.some((x) => x.kind === 'normalize' && x.before === 'ي')).toBe(true);
  });
  it('rejoins lines broken mid-sentence and blank lines inside a sentence', () => {
    const raw = 'مدیران کل استان‌ها باید برنامه\nعملیاتی را تهیه و\n\nارسال کنند.\nجلسه پایان یافت.\nسطر سوم بی نقطه';
    const r = repairText(raw);
    expect(r.paragraphs.map((p) => p.text)).toEqual([
      'مدیران کل استان‌ها باید برنامه عملیاتی را تهیه و ارسال کنند.',
      'جلسه پایان یافت.',
      'سطر سوم بی نقطه',
    ]);
    expect(r.repairs.filter((x) => x.kind === 'line-join').length).toBe(1);
    expect(r.repairs.filter((x) => x.kind === 'blank-line-join').length).toBe(1);
  });
  it('drops a paragraph repeated with other line breaks', () => {
    const raw = 'خبر مهم امروز این است که جلسه برگزار شد و\nتصمیم‌ها گرفته شد.\n\nخبر مهم امروز این است که\nجلسه برگزار شد و تصمیم‌ها گرفته شد.\nبند دیگر.';
    const r = repairText(raw);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['خبر مهم امروز این است که جلسه برگزار شد و تصمیم‌ها گرفته شد.', 'بند دیگر.']);
    expect(r.repairs.find((x) => x.kind === 'duplicate-paragraph')?.line).toBe(4);
  });
  it('puts a reversed line back in reading order without changing its words', () => {
    const r = repairText(seed);
    const reversed = r.repairs.filter((x) => x.kind === 'reversed-line');
    expect(reversed.map((x) => x.line)).toEqual([21, 63]);
    for (const x of reversed) {
      expect([...x.after.split(' ')].sort()).toEqual([...x.before.split(/\s+/)].sort());
      expect(r.text.slice(x.start ?? 0, x.end ?? 0)).toBe(x.after);
    }
  });
  it('leaves ordinary lines alone', () => {
    const r = repairText('به گزارش خبرنگار، وزیر با اشاره به اینکه طرح آماده است گفت: کار تا پایان سال تمام می‌شود.');
    expect(r.repairs.filter((x) => x.kind === 'reversed-line')).toEqual([]);
  });
  it('repairs the seed article: reading order restored, lead once, no &shy;', () => {
    const r = repairText(seed);
    expect(r.text).toContain('با اشاره به اینکه شورای عالی مهارت می تواند نقش سیاستگذار را ایفا کند و این');
    expect(r.text).not.toContain('&shy;');
    expect(r.text).not.toContain('\u00AD');
    expect(r.text.split('نخستین وبینار واگذاری امور به بخش غیر دولتی و کاهش تصدی گری').length - 1).toBe(1);
    expect(r.original).toBe(seed);
    for (const p of r.paragraphs) expect(r.text.slice(p.start, p.end)).toBe(p.text);
  });
});
