/**
 * A suggested directive quotes the speaker's words: a «Name:» label opening the line is not part of
 * the quote, and the quote stays the exact slice of the draft's text its offsets name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
beforeAll(async () => {
  t = await createTestContext();
  manager = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

interface Draft {
  text: string;
  suggestions: Array<{ quote: string; start: number; end: number; speaker: string | null }>;
}

const LABELLED = [
  'حسین فیروزی، معاون سازمان آموزش فنی و حرفه‌ای کشور، در این وبینار با مدیران کل استان‌ها سخن گفت.',
  '',
  'فیروزی: استان‌ها موظفند ظرف دو هفته برنامه‌های عملیاتی خود را تهیه و به سازمان برنامه و بودجه ارسال کنند.',
  '',
  'حسین فیروزی : همه ادارات کل استان‌ها باید حداکثر تا پایان خرداد گزارش فروش املاک مازاد را ارسال کنند.',
].join('\n');

describe('suggestion quotes', () => {
  it('leave the speaker’s label out and keep offsets exact (red-team finding: «فیروزی: …» was quoted)', async () => {
    const draft = await expectJson<Draft>(await manager('/api/imports', { json: { text: LABELLED, heldOn: '1399-11-01' } }), 201);
    const quotes = draft.suggestions.filter((s) => s.quote.includes('ارسال کنند'));
    expect(quotes.map((s) => s.quote).sort()).toEqual([
      'استان‌ها موظفند ظرف دو هفته برنامه‌های عملیاتی خود را تهیه و به سازمان برنامه و بودجه ارسال کنند.',
      'همه ادارات کل استان‌ها باید حداکثر تا پایان خرداد گزارش فروش املاک مازاد را ارسال کنند.',
    ]);
    for (const s of draft.suggestions) {
      expect(draft.text.slice(s.start, s.end)).toBe(s.quote);
      expect(s.quote).not.toMatch(/^[^:]{0,40}:/u);
    }
  });
});
