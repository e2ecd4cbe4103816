import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { findActor, judgeSpeaker, judgeVoices, namesActor } from './authority';
import { contentStart, findCues } from './cues';

const judge = (text: string) => judgeSpeaker(normalizePersian(text));

describe('judgeSpeaker', () => {
  it.each([
    'استاندار گیلان با تأکید بر اینکه مردم باید مسائل بهداشتی را جدی بگیرند',
    'مدیرکل آموزش و پرورش استان فارس در جلسه شورای اداری',
    'به گزارش خبرگزاری فارس از اردبیل، ستاد مقابله با کرونا در مشگین‌شهر',
    'رييس جمهور همچنين از واردات بي رويه انتقاد كرد',
  ])('takes «%s» for an office that can instruct', (text) => {
    expect(judge(text)).toEqual({ official: true, noAuthority: false });
  });
  it.each([
    'ساکنان خیابان صیاد شیرازی ۱۵ گرگان با حضور در شهرداری',
    'نماینده مردم تبریز در مجلس شورای اسلامی در نامه‌ای به وزیر نیرو',
    'رئیس‌جمهور آمریکا در توئیتر',
    'رئیس شورای سیاست‌گذاری ائمه جمعه',
    'امام جمعه بوشهر در خطبه‌های نماز جمعه',
    'عضو کمیته هفت نفره بررسی کننده استیضاح وزیر',
    'انجمن صنفی نانوایان استان',
    'والدین دانش‌آموزان پایه دوازدهم',
    'رئیس اتاق بازرگانی استان',
    'رئیس اتحادیه نانوایان',
    'یک اقتصاددان در گفت‌وگو با خبرنگار ما',
  ])('takes «%s» for a voice without authority', (text) => {
    expect(judge(text)).toEqual({ official: false, noAuthority: true });
  });
  it('takes a parliamentary committee officer for a voice that cannot instruct, whose committee decides', () => {
    expect(judge('نایب رئیس کمیسیون برنامه و بودجه مجلس')).toEqual({ official: false, noAuthority: true, committee: true });
  });
  it('takes a circular or a notice for an office', () => {
    expect(judge('در بخشنامه اداره کل تأمین اجتماعی استان').official).toBe(true);
  });
  it('knows nothing of a bare pronoun', () => {
    expect(judge('وی در ادامه')).toEqual({ official: false, noAuthority: false });
  });
});

describe('namesActor', () => {
  it('finds the units or officials who must act', () => {
    expect(namesActor(normalizePersian('بخشداران و دهیاران اسامی کودکان را تهیه کنند'))).toBe(true);
    expect(namesActor(normalizePersian('دستگاه‌های اجرایی گزارش خود را ارسال کنند'))).toBe(true);
  });
  it('finds nobody in a general remark', () => {
    expect(namesActor(normalizePersian('باید حرفه‌ای به موضوع نگاه کرد'))).toBe(false);
  });
});

describe('findActor', () => {
  it('takes «کلیه / تمامی» with a plural group for an actor, but not «همه ما» or «همه مردم»', () => {
    expect(findActor(normalizePersian('کلیه فعالان اقتصادی هرچه سریع‌تر انبار خود را ثبت کنند', { zwnj: 'space' }))).toBe('کلیه فعالان');
    expect(findActor(normalizePersian('همه ما باید کمک کنیم', { zwnj: 'space' }))).toBeNull();
    expect(findActor(normalizePersian('همه مردم باید کمک کنند', { zwnj: 'space' }))).toBeNull();
  });
});

describe('judgeVoices', () => {
  const voices = (raw: string) => {
    const text = normalizePersian(raw, { zwnj: 'space' });
    const from = contentStart(text);
    return judgeVoices(text, from, findCues(text, from));
  };
  it('hears the subject of a demand after the attribution', () => {
    expect(voices('وی گفت: ۵۰ نماینده مجلس خواستار توقف طرح تا پایان ماه شدند.').noAuthority).toBe(true);
    expect(voices('استاندار گفت: مدیران موظفند تا پایان ماه گزارش دهند.')).toEqual({ official: true, noAuthority: false });
  });
  it('lets a parliamentary committee’s own decision bind, not its demand of the government', () => {
    expect(voices('سخنگوی کمیسیون تلفیق مجلس گفت: مقرر شد دولت مازاد را به صندوق واریز کند.').noAuthority).toBe(false);
    expect(voices('نایب رئیس کمیسیون برنامه و بودجه مجلس گفت: دولت باید اصلاحیه را تا ۱۰ اسفند بفرستد.').noAuthority).toBe(true);
  });
});
