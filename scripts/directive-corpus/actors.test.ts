import { describe, expect, it } from 'vitest';
import type { SentenceVerdict } from '../../server/detection/extract';
import { parseDate } from '../../server/persian/jalali';
import { actorFigures, assigneeError, dueError, sentenceOf, toJalali, type DirectiveOutcome } from './actors';
import type { GoldDirective } from './corpus';

const iso = (jalali: string) => parseDate(jalali)!;

describe('eval:actors judging', () => {
  it('names the kind of a wrong assignee, with sameAssignee’s rule (a shared content word; none when the label has none)', () => {
    expect(assigneeError('وزارت نیرو', 'وزارت نيرو')).toBeNull();
    expect(assigneeError(null, null)).toBeNull();
    expect(assigneeError(null, 'شهرداری')).toBe('missed');
    expect(assigneeError('تهران', 'شهرداری')).toBe('wrong');
    expect(assigneeError('دولت', null)).toBe('named-when-none');
  });
  it('names the kind of a wrong due date on the Jalali calendar', () => {
    expect(dueError(iso('1385-06-31'), iso('1385-06-31'), 'در 6 ماهه اول سال')).toBeNull();
    expect(dueError(null, iso('1385-06-31'), 'در 6 ماهه اول سال')).toBe('missed');
    expect(dueError(iso('1386-06-31'), iso('1385-06-31'), 'x')).toBe('wrong-year');
    expect(dueError(iso('1385-05-31'), iso('1385-06-31'), 'x')).toBe('wrong-month');
    expect(dueError(iso('1382-05-25'), iso('1382-05-24'), 'x')).toBe('wrong-day');
    expect(dueError(iso('1382-05-25'), null, null)).toBe('added');
    expect(dueError(iso('1382-05-25'), null, 'پس از تصویب')).toBe('unresolvable-label');
    expect(dueError(null, null, 'پس از تصویب')).toBeNull();
    expect(toJalali(iso('1382-05-24'))).toBe('1382-05-24');
  });
  it('finds the sentence that holds a label by the share of its words, and counts exact dues over resolvable labels only', () => {
    const verdict = (text: string) => ({ text, directive: { actor: null, due: null } }) as unknown as SentenceVerdict;
    const gold = { quote: 'شهرداری‌ها موظفند طرح را اجرا کنند' } as GoldDirective;
    const found = sentenceOf([verdict('جلسه برگزار شد.'), verdict('شهرداري ها موظفند طرح را اجرا كنند.')], gold);
    expect(found?.verdict.text).toContain('موظفند');
    expect(found?.overlap).toBe(1);
    const outcome = (o: Partial<DirectiveOutcome>): DirectiveOutcome => ({
      doc: 'd1', split: 'train', quote: '', overlap: 1, goldAssignee: null, actor: null, source: 'none', assigneeRight: true,
      assigneeError: null, goldDeadline: null, goldDue: null, due: null, dueRule: null, dueError: null, ...o,
    });
    const f = actorFigures([
      outcome({ goldDue: '2003-08-15', due: '2003-08-15' }),
      outcome({ goldDue: '2003-08-15', due: null, dueError: 'missed', goldAssignee: 'دولت', assigneeRight: false, assigneeError: 'missed' }),
      outcome({ due: '2003-08-15', dueError: 'added' }),
    ]);
    expect(f).toMatchObject({ directives: 3, dueResolvable: 2, dueExact: 1, dueAdded: 1, assigneeRight: 2, assigneeNull: 2, assigneeNullRight: 2 });
    expect(f.assigneeErrors.missed).toBe(1);
  });
});
