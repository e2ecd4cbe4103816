import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '../detection/default-units';
import { IngestError } from '../ingest/ingest-error';
import { composeBody } from '../session-body';
import { describeCue } from '../detection/cue-description';
import { importFormatOf } from '../ingest/formats';
import { prepareImport, readSpan } from './import-source';
import { checkMediaUrl, checkSpan } from './imports.service';

const SEED = readFileSync(join(import.meta.dirname, '../../tests/fixtures/imports/tvto-webinar-article.txt'), 'utf8');
const context = { units: DEFAULT_UNITS, people: [], catalogue: { unitCodes: new Set(DEFAULT_UNITS.map((u) => u.code)), people: new Map() } };

describe('prepareImport', () => {
  it('makes the seed article a draft whose suggestions and repairs point into its body', () => {
    const prepared = prepareImport({ text: SEED, format: 'text', fileName: 'pasted.txt', heldOn: '2021-01-20' }, context);
    expect(prepared.input.status).toBe('draft');
    expect(prepared.body).toBe(composeBody(prepared.input.paragraphs).body);
    expect(prepared.input.sourceText).toBe(SEED);
    expect(prepared.input.title).toBe('نخستین وبینار واگذاری امور به بخش غیر دولتی سازمان برگزار شد');
    for (const d of prepared.input.directives) {
      expect(d.status).toBe('draft');
      expect(d.cues?.length).toBeGreaterThan(0);
      expect(d.end).toBeGreaterThan(d.start);
    }
    const reversed = prepared.repairs.listed.filter((r) => r.kind === 'reversed-line' && r.start !== null);
    expect(reversed.length).toBeGreaterThan(0);
    for (const r of prepared.repairs.listed) if (r.start !== null && r.end !== null) expect(r.end).toBeLessThanOrEqual(prepared.body.length);
    const repairedLines = reversed.map((r) => prepared.body.slice(r.start ?? 0, r.end ?? 0));
    expect(repairedLines.some((line) => line.includes('با اشاره به اینکه شورای عالی مهارت'))).toBe(true);
  });

  it('keeps a pasted headline in the text when another title is typed, and takes it out when the typed title is the headline', () => {
    const HEADLINE = 'نخستین وبینار واگذاری امور به بخش غیر دولتی سازمان برگزار شد';
    const typed = prepareImport({ text: SEED, format: 'text', fileName: 'pasted.txt', heldOn: '2021-01-20', title: 'گزارش وبینار' }, context);
    expect(typed.input.title).toBe('گزارش وبینار');
    expect(typed.body.startsWith(HEADLINE)).toBe(true);
    for (const r of typed.repairs.listed) if (r.start !== null && r.end !== null) expect(r.end).toBeLessThanOrEqual(typed.body.length);
    // Typed as a Persian keyboard may: Arabic ي, spaces around it.
    const same = prepareImport({ text: SEED, format: 'text', fileName: 'pasted.txt', heldOn: '2021-01-20', title: ` ${HEADLINE.replace('نخستین', 'نخستين')} ` }, context);
    expect(same.body.startsWith(HEADLINE)).toBe(false);
    const untyped = prepareImport({ text: SEED, format: 'text', fileName: 'pasted.txt', heldOn: '2021-01-20' }, context);
    expect(untyped.body).toBe(same.body);
  });

  it('gives the same source, title and date the same slug, and another date another', () => {
    const a = prepareImport({ text: SEED, format: 'text', fileName: 'a.txt', heldOn: '2021-01-20' }, context);
    const b = prepareImport({ text: SEED, format: 'text', fileName: 'b.txt', heldOn: '2021-01-20' }, context);
    const c = prepareImport({ text: SEED, format: 'text', fileName: 'a.txt', heldOn: '2021-01-21' }, context);
    expect(a.slug).toBe(b.slug);
    expect(a.slug).not.toBe(c.slug);
    expect(a.slug).toMatch(/^import-2021-01-20-[0-9a-f]{10}$/);
  });

  it('leaves units the database does not know for the reviewer', () => {
    const onlyHq = { ...context, catalogue: context.catalogue, units: DEFAULT_UNITS.filter((u) => u.code === 'hq') };
    const prepared = prepareImport({ text: SEED, format: 'text', fileName: 'a.txt', heldOn: '2021-01-20' }, onlyHq);
    expect(prepared.input.directives.every((d) => d.assigneeCode !== 'all-provinces')).toBe(true);
  });

  it('refuses empty text with a Persian message', () => {
    expect(() => prepareImport({ text: ' \n ', format: 'text', fileName: 'x.txt' }, context)).toThrow(IngestError);
  });
});

describe('readSpan', () => {
  it('reads units and a deadline from a span a reviewer marked', () => {
    const reading = readSpan('استان‌ها ظرف دو هفته برنامه را به سازمان برنامه و بودجه ارسال کنند', '2021-01-20', DEFAULT_UNITS);
    expect(reading).toMatchObject({ assignee: 'all-provinces', recipient: 'pbo', due: '2021-02-03' });
    expect(reading.cues[0]).toBe('reviewer-marked');
  });
});

describe('helpers', () => {
  it('knows the import formats by extension', () => {
    expect(['a.TXT', 'b.md', 'c.vtt', 'd.srt', 'e.pdf'].map(importFormatOf)).toEqual(['text', 'markdown', 'vtt', 'srt', null]);
  });

  it('describes stored cue ids in Persian', () => {
    expect(describeCue('obliged').label).toContain('موظف');
    expect(describeCue('gate:actor')).toEqual({ id: 'gate:actor', label: 'مسئول انجام کار نام برده شده', weight: 0 });
    expect(describeCue('unknown-cue')).toEqual({ id: 'unknown-cue', label: 'unknown-cue', weight: 0 });
  });

  it('trims spans to their text and refuses spans outside it', () => {
    expect(checkSpan('الف ب ج', 3, 6)).toEqual([4, 5]);
    expect(() => checkSpan('الف ب ج', 5, 5)).toThrow();
    expect(() => checkSpan('الف ب ج', 0, 99)).toThrow();
    expect(() => checkSpan('الف   ب', 3, 6)).toThrow();
  });

  it('accepts only http(s) media links', () => {
    expect(checkMediaUrl('https://example.org/a.mp3')).toBe('https://example.org/a.mp3');
    expect(checkMediaUrl('')).toBeNull();
    expect(() => checkMediaUrl('javascript:alert(1)')).toThrow();
    expect(() => checkMediaUrl('/local/file.mp3')).toThrow();
  });
});
