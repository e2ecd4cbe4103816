import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { findAddressee } from './actor';

const addressee = (text: string) => findAddressee(normalizePersian(text));

describe('findAddressee: who the sentence itself tells to act', () => {
  it('takes the phrase before «موظف / مکلف / ملزم / باید», whatever the ending', () => {
    expect(addressee('شهرداری‌ها موظفند طرح را اجرا کنند')).toBe('شهرداری ها');
    expect(addressee('روزی‌فراخ تصریح نمود: بازرسان موظفند که نسخه دوم را ارائه نمایند')).toBe('بازرسان');
    expect(addressee('وي گفت: دستگاه‌هاي اجرايي بايد تا پايان سال گزارش دهند')).toBe('دستگاه های اجرایی');
  });
  it('skips a deadline standing before the obligation', () => {
    expect(addressee('به مسئولان شرکت تأکید شده تا پایان مرداد ماه موظف اند این اوراق را منتشر کنند')).toBe('مسئولان شرکت');
  });
  it('takes the subject after «مقرر شد (که / تا)», the object of «… را موظف کرد», and the one told «به … دستور داد»', () => {
    expect(addressee('مقرر شد دفتر برنامه و بودجه گزارش را تا 30 آبان به ستاد ارسال کند')).toBe('دفتر برنامه و بودجه');
    expect(addressee('معاون اول رئیس جمهور طبق بخشنامه‌ای کلیه دستگاه‌های اجرایی را به راه‌اندازی پایگاه موظف کرد')).toBe('کلیه دستگاه های اجرایی');
    expect(addressee('وزیر به استانداران دستور داد فهرست را ارسال کنند')).toBe('استانداران');
  });
  it('names no one when the sentence names no one', () => {
    expect(addressee('باید به این موضوع توجه کرد')).toBeNull();
    expect(addressee('جلسه با حضور مدیران برگزار شد')).toBeNull();
  });
});
