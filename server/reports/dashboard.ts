/**
 * @module Figures for leadership, computed from action summaries (pure): completion and on-time
 * rate per province, the provinces × directives status matrix (heat map), the overdue list.
 */
import type { ActionSummary } from '../actions/actions.schemas';
import { closedOnTime } from '../actions/due-dates';
import type { UnitRow } from '../actions/actions.repo';

export interface UnitFigures {
  unit: { code: string; name: string };
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  open: number;
  /** done ÷ (total − cancelled); null when nothing is countable. */
  completionRate: number | null;
  /** done on time ÷ (done + open past due); null when nothing is due yet. */
  onTimeRate: number | null;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 1000) / 1000;
}

/**
 * Completion and on-time figures of a set of actions.
 *
 * @example
 * figures(actions).completionRate // 0.032 when 1 of 31 is done
 */
export function figures(actions: ActionSummary[]) {
  const countable = actions.filter((a) => a.status !== 'cancelled');
  const done = countable.filter((a) => a.status === 'done');
  const doneOnTime = done.filter((a) => closedOnTime(a.dueOn, a.closedAt)).length;
  const overdue = countable.filter((a) => a.dueState === 'overdue').length;
  return {
    total: actions.length,
    done: done.length,
    doneOnTime,
    overdue,
    open: countable.length - done.length,
    completionRate: ratio(done.length, countable.length),
    onTimeRate: ratio(doneOnTime, done.length + overdue),
  };
}

/**
 * The dashboard: per province (every province, even one without actions), the heat-map matrix, overdue list.
 *
 * @example
 * buildDashboard(actions, provinces).provinces[0].completionRate
 */
export function buildDashboard(actions: ActionSummary[], provinces: UnitRow[]) {
  const byUnit = new Map<string, ActionSummary[]>();
  for (const a of actions) byUnit.set(a.unit.code, [...(byUnit.get(a.unit.code) ?? []), a]);
  const provinceFigures: UnitFigures[] = provinces
    .map((p) => ({ unit: { code: p.code, name: p.name }, ...figures(byUnit.get(p.code) ?? []) }))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'fa'));

  const directives = new Map<number, { id: number; anchor: string; quote: string; sessionSlug: string; sessionTitle: string; heldOn: string | null; link: string }>();
  for (const a of actions) {
    if (!directives.has(a.directive.id)) {
      directives.set(a.directive.id, {
        id: a.directive.id,
        anchor: a.directive.anchor,
        quote: a.directive.quote,
        sessionSlug: a.session.slug,
        sessionTitle: a.session.title,
        heldOn: a.session.heldOn,
        link: a.link,
      });
    }
  }
  const columns = [...directives.values()].sort((a, b) => (a.heldOn ?? '').localeCompare(b.heldOn ?? '') || a.id - b.id);
  const rows = [...provinceFigures.map((p) => p.unit)];
  // Units that are not provinces (headquarters, outside bodies) still get a row when they hold actions.
  for (const code of byUnit.keys()) {
    if (!rows.some((r) => r.code === code)) {
      const unit = byUnit.get(code)?.[0]?.unit;
      if (unit) rows.push({ code: unit.code, name: unit.name });
    }
  }
  return {
    totals: figures(actions),
    provinces: provinceFigures,
    matrix: {
      units: rows,
      directives: columns,
      cells: actions.map((a) => ({
        unitCode: a.unit.code,
        directiveId: a.directive.id,
        actionId: a.id,
        status: a.status,
        dueState: a.dueState,
        progress: a.progress,
      })),
    },
    overdue: actions
      .filter((a) => a.dueState === 'overdue')
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.unit.name.localeCompare(b.unit.name, 'fa')),
  };
}
