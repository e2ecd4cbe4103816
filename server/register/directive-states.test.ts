import { describe, expect, it } from 'vitest';
import { headlineState, parseStates, stripBucket } from './directive-states';

describe('directive states', () => {
  it('puts each action in one strip bucket', () => {
    const today = '2021-08-01';
    expect(stripBucket({ status: 'done', dueOn: '2021-01-01', followUps: 2 }, today)).toBe('done');
    expect(stripBucket({ status: 'open', dueOn: '2021-07-31', followUps: 0 }, today)).toBe('overdue');
    expect(stripBucket({ status: 'awaiting_verification', dueOn: '2021-07-31', followUps: 1 }, today)).toBe('overdue');
    expect(stripBucket({ status: 'open', dueOn: '2021-08-01', followUps: 0 }, today)).toBe('no_report');
    expect(stripBucket({ status: 'open', dueOn: null, followUps: 1 }, today)).toBe('in_progress');
    expect(stripBucket({ status: 'blocked', dueOn: null, followUps: 0 }, today)).toBe('in_progress');
    expect(stripBucket({ status: 'cancelled', dueOn: '2021-01-01', followUps: 0 }, today)).toBeNull();
  });

  it('heads a row with its most pressing state', () => {
    const none = { total: 0, open: 0, overdue: 0, awaiting: 0, done: 0, cancelled: 0 };
    expect(headlineState(none)).toBe('not_assigned');
    expect(headlineState({ ...none, total: 3, open: 2, overdue: 1, done: 1 })).toBe('overdue');
    expect(headlineState({ ...none, total: 2, open: 1, awaiting: 1, done: 1 })).toBe('awaiting_verification');
    expect(headlineState({ ...none, total: 2, open: 2, awaiting: 1 })).toBe('open');
    expect(headlineState({ ...none, total: 2, cancelled: 2 })).toBe('cancelled');
    expect(headlineState({ ...none, total: 2, done: 1, cancelled: 1 })).toBe('done');
  });

  it('reads a state list and names what it does not know', () => {
    expect(parseStates('overdue, open')).toEqual({ states: ['open', 'overdue'], unknown: [] });
    expect(parseStates('open,finished')).toEqual({ states: ['open'], unknown: ['finished'] });
    expect(parseStates(undefined)).toEqual({ states: [], unknown: [] });
  });
});
