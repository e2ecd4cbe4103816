import { describe, expect, it } from 'vitest';
import { createStemmer, stemPersian } from './stem';

describe('stemPersian (Lucene rules, three-letter minimum, protected names)', () => {
  it('strips each Lucene suffix', () => {
    expect(stemPersian('انتخابات')).toBe('انتخاب'); // ات
    expect(stemPersian('کارشناسان')).toBe('کارشناس'); // ان
    expect(stemPersian('بزرگترین')).toBe('بزرگ'); // ترین
    expect(stemPersian('بزرگتر')).toBe('بزرگ'); // تر
    expect(stemPersian('اسلامی')).toBe('اسلام'); // ی
    expect(stemPersian('کتابها')).toBe('کتاب'); // ها
  });

  it('strips in order, each suffix at most once (های → ها → stem)', () => {
    expect(stemPersian('کتابهای')).toBe('کتاب');
    expect(stemPersian('کتابهایی')).toBe('کتاب');
  });

  it('strips ی before a plural or comparative, so a word meets its plural with ی (Lucene kept جانوران)', () => {
    expect(stemPersian('جانورانی')).toBe(stemPersian('جانوران'));
    expect(stemPersian('جانورانی')).toBe('جانور');
    expect(stemPersian('عملیاتی')).toBe(stemPersian('عملیات'));
    expect(stemPersian('بیشتری')).toBe(stemPersian('بیشتر'));
    // A ستان place or a protected name found under the ی stops there.
    expect(stemPersian('خوزستانی')).toBe('خوزستان');
    expect(stemPersian('شهرستانهای')).toBe('شهرستان');
  });

  it('keeps loanwords whose تر is not the comparative', () => {
    expect(stemPersian('فیلتر')).toBe('فیلتر');
    expect(stemPersian('توییتر')).toBe('توییتر');
    expect(stemPersian('کامپیوترها')).toBe('کامپیوتر');
    expect(stemPersian('بزرگتر')).toBe('بزرگ');
  });

  it('keeps at least three letters where Lucene kept two', () => {
    expect(stemPersian('دفتر')).toBe('دفتر');
    expect(stemPersian('تنها')).toBe('تنها');
    expect(stemPersian('دختر')).toBe('دختر');
    expect(stemPersian('ثبات')).toBe('ثبات');
  });

  it('never stems province, people and organisation names', () => {
    for (const name of ['ایران', 'تهران', 'گیلان', 'کرمان', 'همدان', 'زنجان', 'سمنان', 'اصفهان', 'مازندران', 'علی', 'فیروزی', 'سازمان', 'مرکزی', 'رضوی']) {
      expect(stemPersian(name)).toBe(name);
    }
  });

  it('never stems place names in ستان, nor common words that only look plural', () => {
    expect(stemPersian('خوزستان')).toBe('خوزستان');
    expect(stemPersian('شهرستان')).toBe('شهرستان');
    expect(stemPersian('استان')).toBe('استان');
    expect(stemPersian('زمان')).toBe('زمان');
  });

  it('stops at a protected stem (استانها → استان, not است)', () => {
    expect(stemPersian('استانهای')).toBe('استان');
    expect(stemPersian('ایرانی')).toBe('ایرانی');
  });

  it('takes the protected list as a parameter', () => {
    const stem = createStemmer({ protectedWords: ['کتابها'] });
    expect(stem('کتابها')).toBe('کتابها');
    expect(createStemmer({ protectedWords: [] })('تهران')).toBe('تهر');
  });
});
