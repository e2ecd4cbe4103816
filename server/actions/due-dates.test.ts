import { describe, expect, it } from 'vitest';
import { closedOnTime, dueState, reminderFor, tehranToday } from './due-dates';

describe('tehranToday', () => {
  it('counts the day in Tehran, not UTC', () => {
    // 21:00 UTC is 00:30 the next day in Tehran (UTC+3:30, no DST since 1402).
    expect(tehranToday(new Date('2021-02-02T21:00:00Z'))).toBe('2021-02-03');
    expect(tehranToday(new Date('2021-02-02T20:00:00Z'))).toBe('2021-02-02');
  });
});

describe('dueState and reminderFor', () => {
  const due = '2021-02-03';
  it('walks from on track to due soon, due today and overdue', () => {
    expect(dueState(due, 'open', '2021-01-20')).toBe('on_track');
    expect(dueState(due, 'open', '2021-01-27')).toBe('due_soon');
    expect(dueState(due, 'in_progress', '2021-02-03')).toBe('due_today');
    expect(dueState(due, 'awaiting_verification', '2021-02-04')).toBe('overdue');
  });
  it('never calls a done or cancelled action overdue', () => {
    expect(dueState(due, 'done', '2021-03-01')).toBe('closed');
    expect(reminderFor(due, 'cancelled', '2021-03-01')).toBeNull();
  });
  it('earns no reminder without a due date or far from it', () => {
    expect(reminderFor(null, 'open', '2021-03-01')).toBeNull();
    expect(reminderFor(due, 'open', '2021-01-26')).toBeNull();
    expect(reminderFor(due, 'open', '2021-01-27')).toBe('due_soon');
  });
});

describe('closedOnTime', () => {
  it('compares the Tehran day of closing with the due date', () => {
    expect(closedOnTime('2021-02-03', '2021-02-03T19:00:00Z')).toBe(true);
    expect(closedOnTime('2021-02-03', '2021-02-03T21:00:00Z')).toBe(false);
    expect(closedOnTime('2021-02-03', null)).toBe(false);
  });
});
