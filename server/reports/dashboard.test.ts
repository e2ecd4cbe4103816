import { describe, expect, it } from 'vitest';
import type { ActionSummary } from '../actions/actions.schemas';
import { buildDashboard, figures } from './dashboard';

function action(id: number, unit: string, status: ActionSummary['status'], dueState: ActionSummary['dueState'], closedAt: string | null = null): ActionSummary {
  return {
    id,
    version: 1,
    status,
    statusLabel: status,
    statusReason: null,
    progress: 0,
    priority: 'normal',
    dueOn: '2021-02-03',
    dueOnJalali: '1399-11-15',
    dueState,
    daysLeft: null,
    unit: { code: unit, name: unit, kind: 'province' },
    recipient: null,
    directive: { id: 1, anchor: 'a', quote: 'q', kind: 'action', dueRule: null, speaker: null, refs: [] },
    session: { slug: 's', title: 't', heldOn: '2021-01-20', series: null, withdrawn: false },
    link: '/sessions/s#d-a',
    createdAt: '2021-01-20T08:00:00Z',
    updatedAt: '2021-01-20T08:00:00Z',
    closedAt,
  };
}

describe('figures', () => {
  it('counts completion without cancelled actions and on-time against everything due', () => {
    const set = [
      action(1, 'p1', 'done', 'closed', '2021-02-02T10:00:00Z'),
      action(2, 'p1', 'done', 'closed', '2021-02-10T10:00:00Z'),
      action(3, 'p1', 'in_progress', 'overdue'),
      action(4, 'p1', 'cancelled', 'closed'),
    ];
    expect(figures(set)).toMatchObject({ total: 4, done: 2, doneOnTime: 1, overdue: 1, completionRate: 0.667, onTimeRate: 0.333 });
    expect(figures([])).toMatchObject({ completionRate: null, onTimeRate: null });
  });
});

describe('buildDashboard', () => {
  it('lists every province, even one without actions, and one matrix cell per action', () => {
    const provinces = [
      { code: 'p1', name: 'الف', kind: 'province' as const, aliases: [] },
      { code: 'p2', name: 'ب', kind: 'province' as const, aliases: [] },
    ];
    const board = buildDashboard([action(1, 'p1', 'open', 'overdue')], provinces);
    expect(board.provinces.map((p) => [p.unit.code, p.total])).toEqual([['p1', 1], ['p2', 0]]);
    expect(board.matrix.cells).toEqual([{ unitCode: 'p1', directiveId: 1, actionId: 1, status: 'open', dueState: 'overdue', progress: 0 }]);
    expect(board.overdue.map((a) => a.id)).toEqual([1]);
  });
});
