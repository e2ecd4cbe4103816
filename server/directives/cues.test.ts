import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { contentStart, findCues } from './cues';

function ids(text: string): string[] {
  const n = normalizePersian(text);
  return findCues(n, contentStart(n)).map((c) => c.id);
}

describe('cue rules', () => {
  it.each([
    ['must', 'مدیران باید گزارش را ارسال کنند.'],
    ['must', 'ادارات بایستی برنامه را اجرا کنند.'],
    ['obliged', 'دستگاه‌ها موظفند گزارش دهند.'],
    ['obliged', 'شهرداری مکلف است طرح را اجرا کند.'],
    ['obliged', 'پیمانکار ملزم شد تا کار را تمام کند.'],
    ['ordered', 'وزیر دستور داد بازرسی انجام شود.'],
    ['emphasised-on', 'وی بر لزوم تسریع در تکمیل پروژه تاکید کرد.'],
    ['demanded', 'استاندار خواستار پیگیری جدی شد.'],
    ['decided', 'در این جلسه مقرر شد کمیته‌ای تشکیل شود.'],
    ['act', 'استان‌ها نسبت به فروش املاک اقدام کنند.'],
    ['act', 'واحدها نسبت به ثبت اطلاعات اقدام نمایند.'],
    ['max-until', 'حداکثر تا ۳۰ آبان ارسال شود.'],
    ['within', 'ظرف مدت یک ماه تکمیل شود.'],
    ['during-coming', 'طی ۳ ماه آینده انجام شود.'],
    ['grace', 'مهلت ثبت نام تمدید نمی‌شود.'],
    ['policy-conditional', 'هر استانی که موفق‌تر عمل کند اعتبار بیشتری خواهد گرفت.'],
  ])('fires %s on «%s»', (id, text) => {
    expect(ids(text)).toContain(id);
  });

  it.each([
    ['permission', 'علاقمندان می‌توانند در سایت ثبت نام کنند.'],
    ['past-perfect', 'وزیر دستور داده بود که کار آغاز شود.'],
    ['question', 'آیا مدیران باید پاسخگو باشند؟'],
    ['opinion', 'به نظر من دولت باید کمک کند.'],
    ['history', 'سال گذشته مقرر شد طرح اجرا شود.'],
    ['general-duty', 'طبق قانون دستگاه‌ها موظفند گزارش دهند.'],
  ])('flags the look-alike sign %s on «%s»', (id, text) => {
    expect(ids(text)).toContain(id);
  });

  it('reads signs against only in the speaker’s words, after «گفت:»', () => {
    expect(ids('وی که می‌تواند تصمیم بگیرد گفت: استان‌ها موظفند اقدام کنند.')).not.toContain('permission');
  });
  it('does not take «دستور کار» (agenda) for an order', () => {
    expect(ids('این موضوع در دستور کار قرار گرفت.')).not.toContain('ordered');
  });
});
