import { describe, expect, it } from 'vitest';
import { calendarScopeProblem, defaultCalendarScope } from './calendar-scope';

describe('calendar scopes by role and unit', () => {
  it('defaults managers to everything and a unit’s people to their unit', () => {
    expect(defaultCalendarScope({ role: 'manager', unitCode: 'hq' })).toBe('all');
    expect(defaultCalendarScope({ role: 'admin', unitCode: null })).toBe('all');
    expect(defaultCalendarScope({ role: 'director', unitCode: 'prov-tehran' })).toBe('unit');
    expect(defaultCalendarScope({ role: 'staff', unitCode: null })).toBe('all');
  });

  it('keeps «my approvals» for managers and «my unit» for people with a unit', () => {
    expect(calendarScopeProblem({ role: 'manager', unitCode: null }, 'approvals')).toBeNull();
    expect(calendarScopeProblem({ role: 'director', unitCode: 'prov-tehran' }, 'approvals')).toMatch(/ستاد/);
    expect(calendarScopeProblem({ role: 'staff', unitCode: null }, 'unit')).toMatch(/واحد/);
    expect(calendarScopeProblem({ role: 'staff', unitCode: null }, 'all')).toBeNull();
  });
});
