import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest-error';
import { readTextSession } from './text';

const seed = readFileSync(new URL('../../../tests/fixtures/imports/tvto-webinar-article.txt', import.meta.url), 'utf8');

describe('raw text reader', () => {
  it('reads the seed article: headline as title, repaired paragraphs, original kept', () => {
    const s = readTextSession('1399-11-01-tvto-webinar.txt', seed);
    expect(s.title).toBe('نخستین وبینار واگذاری امور به بخش غیر دولتی سازمان برگزار شد');
    expect(s.heldOn).toBe('2021-01-20');
    expect(s.sourceKind).toBe('text');
    expect(s.sourceText).toBe(seed);
    expect(s.paragraphs.length).toBe(13);
    expect(s.paragraphs.some((p) => p.text.includes('&shy;'))).toBe(false);
  });
  it('gives a Persian-named file a stable latin slug', () => {
    const a = readTextSession('گزارش.txt', 'متن کوتاه.');
    expect(a.slug).toMatch(/^session-[a-z0-9]+$/);
    expect(readTextSession('گزارش.txt', 'متن کوتاه.').slug).toBe(a.slug);
  });
  it('refuses an empty file', () => {
    expect(() => readTextSession('empty.txt', ' \n\n')).toThrow(IngestError);
  });
});
