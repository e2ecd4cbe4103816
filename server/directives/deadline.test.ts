import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { formatJalali } from '../persian/jalali';
import { resolveDeadline } from './deadline';

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
});
