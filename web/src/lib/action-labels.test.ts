import { describe, expect, it } from 'vitest';
import { dueStateLabel, formatFileSize, formatRate } from './action-labels';
import { auditChanges, auditEventLabel } from './audit-text';

describe('due state in words', () => {
  it('counts days past the deadline and days left, in Persian digits', () => {
    expect(dueStateLabel('overdue', -12)).toBe('۱۲ روز گذشته از مهلت');
    expect(dueStateLabel('due_soon', 3)).toBe('۳ روز تا مهلت');
    expect(dueStateLabel('due_today', 0)).toBe('مهلت امروز');
    expect(dueStateLabel('none', null)).toBe('بدون مهلت');
  });
});

describe('numbers', () => {
  it('shows rates as Persian percentages and nothing-to-rate as a dash', () => {
    expect(formatRate(1 / 31)).toBe('۳٪');
    expect(formatRate(1)).toBe('۱۰۰٪');
    expect(formatRate(null)).toBe('—');
  });
  it('shows file sizes in Persian units with a Persian decimal separator', () => {
    expect(formatFileSize(512)).toBe('۵۱۲ بایت');
    expect(formatFileSize(20 * 1024)).toBe('۲۰ کیلوبایت');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('۲٫۵ مگابایت');
  });
});

describe('audit trail in Persian', () => {
  it('names a status step and shows the status before and after in words', () => {
    const entry = { event: 'action.status', detail: 'verify', before: { status: 'awaiting_verification', statusReason: null }, after: { status: 'done', statusReason: null } };
    expect(auditEventLabel(entry)).toBe('تغییر وضعیت: تأیید و بستن');
    expect(auditChanges(entry)).toEqual([{ field: 'وضعیت', before: 'در انتظار تأیید', after: 'انجام‌شده' }]);
  });
  it('leaves out fields that did not change and shows new ones with no before', () => {
    const entry = {
      before: { status: 'in_progress', progress: 20 },
      after: { status: 'in_progress', progress: 80, letterNumber: '1234/ص', files: ['نامه.pdf'] },
    };
    expect(auditChanges(entry)).toEqual([
      { field: 'پیشرفت', before: '۲۰٪', after: '۸۰٪' },
      { field: 'شماره نامه', before: null, after: '۱۲۳۴/ص' },
      { field: 'پرونده‌ها', before: null, after: 'نامه.pdf' },
    ]);
  });
  it('names every field and event the server records, never its English key (a note showed as «note: — ← true»)', () => {
    // As server/actions records them: a follow-up with a note, a comment answering another, a reminder.
    const followUp = { event: 'action.follow_up', detail: null, before: null, after: { note: true, letterNumber: null, files: ['نامه.pdf'] } };
    const comment = { event: 'action.comment', detail: null, before: null, after: { replyTo: 12 } };
    const reminder = { event: 'action.remind', detail: null, before: null, after: null };
    expect(auditChanges(followUp)).toEqual([
      { field: 'یادداشت', before: null, after: 'دارد' },
      { field: 'پرونده‌ها', before: null, after: 'نامه.pdf' },
    ]);
    expect(auditChanges({ before: null, after: { note: false } })).toEqual([]);
    expect(auditChanges(comment)).toEqual([{ field: 'پاسخ به پیام', before: null, after: 'پیام ۱۲' }]);
    expect(auditEventLabel(reminder)).toBe('یادآوری');
  });
  it('shows due dates in Jalali and units by name', () => {
    const entry = { before: { dueOn: '2021-02-03', unitCode: 'prov-tehran' }, after: { dueOn: '2021-02-19', unitCode: 'prov-alborz' } };
    const names: Record<string, string> = { 'prov-tehran': 'تهران', 'prov-alborz': 'البرز' };
    expect(auditChanges(entry, (code) => names[code] ?? code)).toEqual([
      { field: 'مهلت', before: '۱۵ بهمن ۱۳۹۹', after: '۱ اسفند ۱۳۹۹' },
      { field: 'واحد', before: 'تهران', after: 'البرز' },
    ]);
  });
});

describe('short unit names', () => {
  it('drops the directorate prefix however the ZWNJ is written, and keeps other names', async () => {
    const { shortUnitName } = await import('./unit-names');
    expect(shortUnitName('اداره کل آموزش فنی و حرفه‌ای استان آذربایجان شرقی')).toBe('استان آذربایجان شرقی');
    expect(shortUnitName('اداره کل آموزش فنی و حرفه ای استان تهران')).toBe('استان تهران');
    expect(shortUnitName('سازمان برنامه و بودجه کشور')).toBe('سازمان برنامه و بودجه کشور');
  });
});
