import { describe, expect, it } from 'vitest';
import { composeDigest, DIGEST_SECTION_LIMIT, jalaliLong, type DigestAction } from './digest';
import { isPastInTehran, msUntilTehranTime, parseTimeOfDay } from './digest-scheduler';

const action = (id: number, daysLeft: number): DigestAction => ({ id, quote: 'استان‌ها موظفند گزارش را بفرستند', unitName: 'تهران', dueOn: '2021-02-03', daysLeft });

describe('composeDigest', () => {
  it('says nothing when there is nothing to tell', () => {
    expect(composeDigest({ displayName: 'الف', day: '2021-02-05', groups: [], overdue: [], dueSoon: [] })).toBeNull();
  });

  it('writes dates in Jalali with Persian digits and counts what it leaves out', () => {
    const many = Array.from({ length: DIGEST_SECTION_LIMIT + 3 }, (_, i) => action(i + 1, -2));
    const mail = composeDigest({ displayName: 'الف', day: '2021-02-05', groups: [], overdue: many, dueSoon: [action(99, 0)], awaitingVerification: 4 });
    expect(mail?.subject).toBe('نشست: خلاصهٔ روز ۱۷ بهمن ۱۳۹۹');
    expect(mail?.text).toContain('اقدام‌های گذشته از مهلت (۱۸):');
    expect(mail?.text).toContain('و ۳ مورد دیگر');
    expect(mail?.text).toContain('مهلت ۱۳۹۹/۱۱/۱۵ (امروز آخرین مهلت است)');
    expect(mail?.text).toContain('۴ اقدام در انتظار تأیید شماست.');
    expect(mail?.text).not.toMatch(/[0-9]/);
    expect(jalaliLong('2021-03-20')).toBe('۳۰ اسفند ۱۳۹۹');
  });
});

describe('the digest time of day, in Tehran', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(parseTimeOfDay('07:30')).toEqual({ hour: 7, minute: 30 });
    expect(() => parseTimeOfDay('7:30')).toThrow();
    expect(() => parseTimeOfDay('24:00')).toThrow();
  });

  it('waits until the next time in Tehran (UTC+03:30)', () => {
    const seven = { hour: 7, minute: 0 };
    expect(msUntilTehranTime(new Date('2021-02-02T03:00:00Z'), seven)).toBe(30 * 60_000);
    expect(msUntilTehranTime(new Date('2021-02-02T03:30:00Z'), seven)).toBe(24 * 3_600_000);
    expect(isPastInTehran(new Date('2021-02-02T03:29:00Z'), seven)).toBe(false);
    expect(isPastInTehran(new Date('2021-02-02T03:30:00Z'), seven)).toBe(true);
    // 21:00 UTC is 00:30 the next day in Tehran: not yet 07:00.
    expect(isPastInTehran(new Date('2021-02-02T21:00:00Z'), seven)).toBe(false);
  });
});
