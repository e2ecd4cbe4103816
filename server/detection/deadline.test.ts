import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { formatJalali, parseDate } from '../persian/jalali';
import { resolveDeadline, resolveGraceStatement, resolveYearDuty } from './deadline';

/** Session date of the seed webinar: 1399-11-01 (Wednesday 20 January 2021). */
const SESSION = '2021-01-20';

function resolve(text: string, session = SESSION) {
  const n = normalizePersian(text);
  const r = resolveDeadline(n, session);
  return r ? { due: r.due, jalali: formatJalali(r.due), rule: n.slice(r.start, r.end), warning: r.warning } : null;
}

describe('resolveDeadline', () => {
  it('resolves durations in words and digits', () => {
    expect(resolve('در مدت حداقل دو هفته ارسال شود')).toMatchObject({ due: '2021-02-03', rule: 'در مدت حداقل دو هفته' });
    expect(resolve('حداقل طی 3 ماه آینده با هدف')).toMatchObject({ jalali: '1400-02-01', due: '2021-04-21' });
    expect(resolve('ظرف ۱۰ روز گزارش دهند')?.due).toBe('2021-01-30');
    expect(resolve('دو هفته دیگر تحویل شود')?.due).toBe('2021-02-03');
    expect(resolve('جریمه باید در مهلت 30 روزه پرداخت شود')?.due).toBe('2021-02-19');
  });
  it('skips Fridays for working days', () => {
    expect(resolve('ظرف ده روز کاری')).toMatchObject({ due: '2021-02-01' });
  });
  it('resolves a month and day, choosing a year not before the session', () => {
    expect(resolve('حداکثر تا ۳۰ آبان')?.jalali).toBe('1400-08-30');
    expect(resolve('تا دهم تیر ماه')?.jalali).toBe('1400-04-10');
    expect(resolve('تا ۲۰ بهمن')?.jalali).toBe('1399-11-20');
    expect(resolve('تا سی‌ام دی ماه')?.jalali).toBe('1400-10-30');
    expect(resolve('تا ۱۵ اسفند ۱۴۰۰')?.jalali).toBe('1400-12-15');
    expect(resolve('تا 1399/12/15')?.jalali).toBe('1399-12-15');
  });
  it('resolves ends of periods', () => {
    expect(resolve('تا پایان خرداد')?.jalali).toBe('1400-03-31');
    expect(resolve('تا پایان بهمن ماه')?.jalali).toBe('1399-11-30');
    expect(resolve('تا پایان نیمه اول سال')?.jalali).toBe('1400-06-31');
    expect(resolve('تا پایان سال')?.jalali).toBe('1399-12-30');
    expect(resolve('تا پایان سال 1400')?.jalali).toBe('1400-12-29');
    expect(resolve('تا پایان هفته جاری')?.due).toBe('2021-01-22');
    expect(resolve('تا پایان سال تحصیلی')?.jalali).toBe('1400-03-31');
  });
  it('checks a weekday given with the date', () => {
    // 30 Aban 1400 is a Sunday.
    expect(resolve('تا یکشنبه ۳۰ آبان')?.warning).toBeUndefined();
    expect(resolve('تا سه‌شنبه ۳۰ آبان')?.warning).toContain('یکشنبه');
  });
  it('ignores lengths and past periods that are not deadlines', () => {
    expect(resolve('اهداف 10 ماهه گذشته سازمان')).toBeNull();
    expect(resolve('در 3 ماه گذشته رشد کرد')).toBeNull();
    expect(resolve('این دوره دو هفته طول کشید')).toBeNull();
  });
  it('reads the forms officials use in news write-ups', () => {
    // Session 1399-11-01 (Wednesday).
    expect(resolve('تا ۱۵ مهر گزارش دهند')?.jalali).toBe('1400-07-15');
    expect(resolve('حداکثر تا پانزدهم مهرماه ارسال کنند')?.jalali).toBe('1400-07-15');
    expect(resolve('تا پایان شهریور ماه تکمیل شود')?.jalali).toBe('1400-06-31');
    expect(resolve('تا ۳۱ شهریور ۱۴۰۰')?.jalali).toBe('1400-06-31');
    expect(resolve('تا ۳۱ شهریور ۹۹', '2020-06-01')?.jalali).toBe('1399-06-31');
    expect(resolve('تا پایان سال ۹۹')?.jalali).toBe('1399-12-30');
    expect(resolve('تا آخر هفته')?.due).toBe('2021-01-22');
    expect(resolve('تا پایان هفته آینده')?.due).toBe('2021-01-29');
    expect(resolve('ظرف ۴۸ ساعت')?.due).toBe('2021-01-22');
    expect(resolve('تا یک ماه دیگر')?.jalali).toBe('1399-12-01');
    expect(resolve('به آنان یک هفته مهلت داد')?.due).toBe('2021-01-27');
    expect(resolve('مهلت ۲۰ روزه دادیم')?.due).toBe('2021-02-09');
  });
  it('reads digits glued to the lead word and the unit', () => {
    expect(resolve('ظرف۲۰روز پاسخ دهند')).toMatchObject({ due: '2021-02-09', rule: 'ظرف20روز' });
    expect(resolve('تا ۳۰اردیبهشت اعلام کنند')?.jalali).toBe('1400-02-30');
  });
  it('reads office hours, mid-month, halves of a year and today', () => {
    expect(resolve('حداکثر تا پایان وقت اداری روز یکشنبه ۱۷ اردیبهشت')?.jalali).toBe('1400-02-17');
    expect(resolve('تا نیمه فروردین ماه سال آینده')?.jalali).toBe('1400-01-15');
    expect(resolve('حداکثر ظرف نیمه اول سال ۱۴۰۰')?.jalali).toBe('1400-06-31');
    expect(resolve('تا حداکثر در روز ۱۲ خرداد')?.jalali).toBe('1400-03-12');
    expect(resolve('حداکثر تا ساعت ۱۹ امروز')?.due).toBe(SESSION);
    expect(resolve('تا پایان وقت اداری فردا')?.due).toBe('2021-01-21');
  });
  it('does not take an event date or a length without a lead word for a deadline', () => {
    expect(resolve('نمایشگاه در ۲۰ آبان افتتاح می‌شود')).toBeNull();
    expect(resolve('در نیمه اول سال گذشته رشد کرد')).toBeNull();
    expect(resolve('این مسابقه ۴۸ ساعت طول کشید')).toBeNull();
  });
  // Session 1385-06-10 (Friday 1 September 2006), the date of a Hamshahri article.
  const HAMSHAHRI = '2006-09-01';
  it('reads numeric Jalali dates with two- or four-digit years, year first or day first', () => {
    expect(resolve('رانندگان تاکسی حداکثر تا تاریخ 85/7/28 به سازمان مراجعه کنند', HAMSHAHRI)).toMatchObject({
      jalali: '1385-07-28',
      rule: 'حداکثر تا تاریخ 85/7/28',
    });
    expect(resolve('مدارک باید تا ۱۳۸۵/۰۷/۲۸ تحویل شود', HAMSHAHRI)?.jalali).toBe('1385-07-28');
    expect(resolve('فرم‌ها حداکثر تا 28/7/85 به دبیرخانه ارسال شود', HAMSHAHRI)?.jalali).toBe('1385-07-28');
    expect(resolve('ثبت‌نام حداکثر تا ۲۸/۷/۱۳۸۵ ادامه دارد', HAMSHAHRI)?.jalali).toBe('1385-07-28');
    expect(resolve('تا ۰۱/۰۲/۱۵ گزارش دهند', '2022-01-20')?.jalali).toBe('1401-02-15');
  });
  it('takes no date from a numeric date that reads both ways or is not a Jalali date', () => {
    // 1410/7/12 and 1412/7/10 are both valid readings of «10/7/12».
    expect(resolve('نتیجه تا 10/7/12 اعلام شود', HAMSHAHRI)).toBeNull();
    expect(resolve('گزارش تا ۲۰۰۶/۰۹/۲۰ ارسال شود', HAMSHAHRI)).toBeNull();
    expect(resolve('تا 85/13/10 ارسال شود', HAMSHAHRI)).toBeNull();
  });
  it('reads «before X» as the day before X, and «before the end of» a month as its last day', () => {
    expect(resolve('طرح باید تا قبل از 9 شهریور به تصویب برسد', '2006-08-01')?.jalali).toBe('1385-06-08');
    expect(resolve('پیش از ۱۵ مهر گزارش خود را ارائه دهند', HAMSHAHRI)?.jalali).toBe('1385-07-14');
    expect(resolve('مدارس باید تا قبل از 85/7/1 تجهیز شوند', HAMSHAHRI)?.jalali).toBe('1385-06-31');
    expect(resolve('قبل از پایان شهریور کار را تمام کنند', HAMSHAHRI)?.jalali).toBe('1385-06-31');
    expect(resolve('تا پایان شهریور کار را تمام کنند', HAMSHAHRI)?.jalali).toBe('1385-06-31');
    // A weekday given with «before X» is checked against X, the day written.
    expect(resolve('تا قبل از یکشنبه ۳۰ آبان')).toMatchObject({ jalali: '1400-08-29', warning: undefined });
  });
  it('keeps a past date with an explicit year and warns, but moves a yearless one to its next occurrence', () => {
    const told = resolve('شهرداری می‌بایست تا ۳۰ آبان ۸۴ طرح را اجرا می‌کرد', HAMSHAHRI);
    expect(told?.jalali).toBe('1384-08-30');
    expect(told?.warning).toContain('پیش از تاریخ جلسه');
    expect(resolve('تا پایان سال 84 واگذار شود', HAMSHAHRI)).toMatchObject({ jalali: '1384-12-29' });
    expect(resolve('تا 1385/5/1 اعلام شود', HAMSHAHRI)?.warning).toContain('۱۳۸۵/۵/۱');
    expect(resolve('تا پایان آبان اجرا شود', '2007-01-25')).toMatchObject({ jalali: '1386-08-30', warning: undefined });
    expect(resolve('تا ۳۰ آبان ۸۵ اجرا شود', HAMSHAHRI)?.warning).toBeUndefined();
  });
  it('resolves a year of a national development plan and gives no date for one it cannot place', () => {
    expect(resolve('دولت موظف است حداکثر تا پایان سال دوم برنامه چهارم سهام را واگذار کند', HAMSHAHRI)).toMatchObject({
      jalali: '1385-12-29',
      rule: 'حداکثر تا پایان سال دوم برنامه چهارم',
    });
    expect(resolve('تا پایان سال اول برنامه پنجم توسعه', '2010-06-01')?.jalali).toBe('1390-12-29');
    // The plan itself ends with its fifth year (the fourth plan ran 1384–1388); spacing as in the source.
    expect(resolve('موظف است حداکثر تا پایان  برنامه  پنج  ساله چهارم واگذار کند', '2005-05-24')?.jalali).toBe('1388-12-29');
    expect(resolve('دولت باید تا پایان برنامه چهارم توسعه فعالیت‌ها را واگذار کند', '2005-05-25')?.jalali).toBe('1388-12-29');
    expect(resolve('شرکت موظف است تا پایان سال دوم برنامه عملیاتی خود گزارش دهد', HAMSHAHRI)).toBeNull();
    expect(resolve('تا پایان سال دوم برنامه دهم اجرا شود', HAMSHAHRI)).toBeNull();
  });
  it('keeps only a phrase inside the window it is given (the obligation clause)', () => {
    const text = 'سالن تا پایان آبان تعمیر شد و مدارس باید ظرف دو هفته گزارش بدهند';
    const within = { start: text.indexOf('مدارس'), end: text.length };
    expect(resolveDeadline(text, '2021-01-20')?.form).toBe('period-end');
    expect(resolveDeadline(text, '2021-01-20', within)).toMatchObject({ due: '2021-02-03', form: 'duration' });
  });
  it('reads «سال جاری / امسال» after a month as the session’s year, past or not', () => {
    // Told on 26 Bahman 1382: Aban of this year has passed, so the date is kept, with a warning.
    const bahman = '2004-02-15';
    const past = resolveDeadline('حداکثر تا پایان آبان ماه سال جاری', bahman);
    expect(past?.due).toBe('2003-11-21');
    expect(past?.warning).toContain('پیش از تاریخ جلسه');
    expect(resolveDeadline('تا 20 آبان امسال', bahman)?.due).toBe('2003-11-11');
    // Without it, the next Aban is meant; told in Mordad, this year's Aban is still ahead.
    expect(resolveDeadline('تا پایان آبان', bahman)?.due).toBe('2004-11-20');
    const ahead = resolveDeadline('تا پایان آبان ماه سال جاری', '2003-07-23');
    expect(ahead?.due).toBe('2003-11-21');
    expect(ahead?.warning).toBeUndefined();
  });
  it('resolves the ends of seasons, quarters and the Fajr decade', () => {
    const mehr = '2022-09-23'; // 1401-07-01
    expect(resolveDeadline('تا پایان سه ماهه سوم سال', mehr)?.due).toBe('2022-12-21'); // 1401-09-30
    expect(resolveDeadline('تا پایان دهه فجر', mehr)?.due).toBe('2023-02-11'); // 1401-11-22
    expect(resolveDeadline('تا پایان زمستان', mehr)?.due).toBe('2023-03-20'); // 1401-12-29
    // Summer has just ended: the next one is meant.
    expect(resolveDeadline('تا پایان فصل بهار', mehr)?.due).toBe('2023-06-21'); // 1402-03-31
  });
  it('gives no date for a period counted from an event the text does not date, nor a year from a quantity', () => {
    expect(resolveDeadline('دستورالعمل ظرف 15 روز پس از ابلاغ تدوین خواهد شد', '2006-01-28')).toBeNull();
    expect(resolveDeadline('ظرف مدت 3 روز کاری از تاریخ عرضه اقدام کنند', '2006-09-10')).toBeNull();
    expect(resolveDeadline('ظرف 3 روز از امروز اقدام کنند', '2006-09-10')?.due).toBe('2006-09-13');
    // «تا پایان شهریورماه ۵۰ هزار تن»: 50 thousand tonnes, not the year 1350.
    expect(resolveDeadline('موظف است تا پایان شهریورماه 50 هزار تن شکر ذخیره کند', '2008-07-01')?.due).toBe('2008-09-21');
  });
  describe('forms read off the labelled corpus (session dates as the documents give them)', () => {
    /** Resolve against a Jalali session date; the answer in Jalali. */
    const on = (text: string, session: string) => {
      const r = resolveDeadline(normalizePersian(text), parseDate(session)!);
      return r ? formatJalali(r.due) : null;
    };
    it('adds half a unit for «… و نیم» (a month and a half is 45 days)', () => {
      expect(on('معاون فني موظف شد ظرف يك ماه و نيم همه لكه ها را ترميم كند', '1382-04-10')).toBe('1382-05-24');
      expect(on('شهردار به معاون فنی یک ماه و نیم فرصت داد', '1382-04-10')).toBe('1382-05-24');
      expect(on('ظرف ۲ هفته و نیم گزارش دهند', '1382-04-10')).toBe('1382-04-28');
      expect(on('ظرف 2 سال و نيم اجرا شود', '1382-04-10')).toBe('1384-10-10');
    });
    it('reads «در ضرب الاجل دو ماهه» and «بعد از هفت روز» as durations, but no date after «بعد از»', () => {
      expect(on('وزارت رفاه موظف شد در ضرب الاجل دو ماهه طرح را تهيه كند', '1383-11-25')).toBe('1384-01-25');
      expect(on('مقرر شد گروه ها بعد از هفت روز برنامه ها را ارائه دهند', '1385-11-08')).toBe('1385-11-15');
      expect(on('بعد از ۱۵ مهر ثبت نام آغاز می شود', '1385-05-08')).toBeNull();
    });
    it('reads a month named alone after «تا» as its last day', () => {
      expect(on('30 كشور آسيايي تا دي ماه فرصت دارند', '1385-05-15')).toBe('1385-10-30');
      expect(on('حداكثر تا اسفند ۸۵ اجرا شود', '1385-05-15')).toBe('1385-12-29');
      expect(on('تا بهمن‌ماه سال آینده ارسال کنند', '1385-05-15')).toBe('1386-11-30');
      // The month already past this year: the next one.
      expect(on('تا تیر ماه ارسال کنند', '1385-05-15')).toBe('1386-04-31');
    });
    it('reads the day a duty starts («از ابتدای سال ۸۶»، «از اول شهریور امسال»، «از امروز»), not a period looked back on', () => {
      expect(on('از ابتداي سال 86 بايد همه خودروها دوگانه سوز باشند', '1385-05-22')).toBe('1386-01-01');
      expect(on('مقرر شد اين مصوبه از ابتدای سال ۸۴ از طريق بانك مركزي اجرا شود', '1383-12-27')).toBe('1384-01-01');
      expect(on('مشاغل آلاینده از اول شهريور‌ماه امسال به اين شهرك انتقال مي‌يابند', '1389-04-26')).toBe('1389-06-01');
      expect(on('مراكز اداري شهرستان از امروز فعاليت خود را از سر مي گيرند', '1382-10-13')).toBe('1382-10-13');
      expect(on('از ابتداي سال تاكنون 40 طرح افتتاح شده است', '1385-05-22')).toBeNull();
      expect(on('بررسي روند خصوصي سازي از ابتداي امسال تا پايان تيرماه', '1382-04-02')).toBe('1382-04-31');
    });
    it('reads the days the calendar names («تا هفته دولت»، «قبل از نوروز»)', () => {
      expect(on('بر تكميل پروژه تا هفته دولت تأكيد كرد', '1386-03-10')).toBe('1386-06-02');
      expect(on('طرح باید قبل از نوروز اجرا شود', '1386-03-10')).toBe('1386-12-29');
      expect(on('تا آغاز سال تحصیلی جدید آماده شود', '1386-03-10')).toBe('1386-07-01');
    });
    it('reads halves of a year in digits and years of a development plan with or without its ordinal', () => {
      expect(on('بايد در 6 ماهه اول سال گزارش به رئيس جمهوري ارائه شود', '1385-02-14')).toBe('1385-06-31');
      expect(on('بايد در ۶ ماهه دوم سال ارائه شود', '1385-02-14')).toBe('1385-12-29');
      expect(on('بايد در سال اول برنامه چهارم توسط هيات وزيران تعيين شود', '1384-05-04')).toBe('1384-12-29');
      expect(on('دولت موظف شده است كه ظرف سال اول برنامه(سال 1384)طرح را تهيه كند', '1384-05-04')).toBe('1384-12-29');
      // Told in 1383, the first year of «the plan» is the fourth plan's (1384), not the third's, long past.
      expect(on('وزارت كار موظف است شبكه را در سال اول اجراي برنامه ايجاد نمايد', '1383-09-14')).toBe('1384-12-29');
    });
  });
});

describe('deadlines, round 11', () => {
  // Session 1399-11-01.
  const jalali = (r: { due: string } | null) => (r ? formatJalali(r.due) : null);
  it('reads a quarter of the year after a lead word as its last day, not as a length of months', () => {
    expect(resolve('دستگاه‌ها موظفند در سه ماهه اول سال آینده گزارش دهند')?.jalali).toBe('1400-03-31');
    expect(resolve('ظرف ۳ ماه نخست سال ۱۴۰۰ تکمیل شود')?.jalali).toBe('1400-03-31');
    expect(resolve('تا سه ماهه سوم سال آینده اجرا شود')?.jalali).toBe('1400-09-30');
    expect(resolve('در سه ماهه اول سال گذشته رشد کرد')).toBeNull();
  });
  it('reads the date of a sentence whose subject is the time allowed, with or without a lead word', () => {
    const grace = (text: string) => jalali(resolveGraceStatement(normalizePersian(text), SESSION));
    expect(grace('قابل ذکر است مهلت ارائه برنامه کاهش آلودگی رودخانه‌ها مرداد ۱۴۰۰ تعیین شده است.')).toBe('1400-05-31');
    expect(grace('مهلت مقرر برای تعطیلی فعالیت دستگاه‌های دولتی سه ماه اول سال آینده است.')).toBe('1400-03-31');
    expect(grace('مهلت ثبت نام تا ۲۰ بهمن است.')).toBe('1399-11-20');
    // An extension relieves; a month in a sentence about something else is no deadline.
    expect(grace('مهلت ارائه برنامه تا مرداد ۱۴۰۰ تمدید شد.')).toBeNull();
    expect(grace('جلسه بعدی در مرداد ۱۴۰۰ برگزار می‌شود.')).toBeNull();
  });
  it('reads «امسال» beside the duty as the last day of the session year', () => {
    const duty = (text: string) => jalali(resolveYearDuty(normalizePersian(text), SESSION));
    expect(duty('وزارت نیرو امسال موظف است اجرای ۲۸ طرح جدید را شروع کند')).toBe('1399-12-30');
    expect(duty('شهرداری مکلف است در سال جاری ده پارک بسازد')).toBe('1399-12-30');
    expect(duty('در سال جاری معادل ۴۰۰ میلیارد ریال به این طرح اختصاص می‌یابد')).toBeNull();
  });
});
