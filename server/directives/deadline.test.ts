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
});
