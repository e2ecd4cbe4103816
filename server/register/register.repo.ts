/**
 * @module The only database code of the directive register: the filtered, sorted page of
 * directives (published, in published sessions: drafts and rejected never), their actions for the
 * strip, the per speaker / per series counts, and what the text index and speaker matching read.
 * Raw SQL over the libSQL client: each state is an EXISTS over `action_items(directive_id, …)`,
 * which the unique index (directive_id, unit_code) answers without a scan.
 */
import type { InValue } from '@libsql/client';
import type { Database } from '../db/client';
import type { ActionStatus, DirectiveKind } from '../db/schema';
import type { DirectiveState } from './directive-states';
import { num, str, stringList } from '../db/row-values';

export const registerSorts = ['date', 'due', 'progress', 'relevance'] as const;
export type RegisterSort = (typeof registerSorts)[number];

export interface RegisterFilter {
  /** Session dates, ISO, inclusive. */
  from?: string;
  to?: string;
  /** Recorded speaker spellings (already matched from what the user typed). */
  speakers?: string[];
  series?: string;
  kind?: DirectiveKind;
  /** Directive assignee codes (a unit and the groups it is in, or a group) … */
  assigneeCodes?: string[];
  /** … or units holding one of its actions. */
  actionUnitCodes?: string[];
  /** Any of these (OR). */
  states?: DirectiveState[];
  hasDeadline?: boolean;
  /** Text matches, best first (the text filter); an empty list matches nothing. */
  ids?: number[];
}

export interface RegisterOrder {
  sort: RegisterSort;
  desc: boolean;
}

export interface RegisterRow {
  id: number;
  anchor: string;
  quote: string;
  speaker: string | null;
  kind: DirectiveKind;
  dueRule: string | null;
  /** The directive's own deadline, else its earliest action's. */
  deadline: string | null;
  assigneeCode: string | null;
  session: { id: number; slug: string; title: string; heldOn: string | null; series: string | null };
  /** Mean progress of its live actions (done counts 100), null when none. */
  progress: number | null;
}

export interface RegisterActionRow {
  directiveId: number;
  unitCode: string;
  status: ActionStatus;
  dueOn: string | null;
  progress: number;
  closedAt: string | null;
  followUps: number;
}

export interface SummaryCounts {
  key: string | null;
  given: number;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  open: number;
  overdue: number;
}

const OPEN = `('open', 'in_progress', 'awaiting_verification', 'blocked')`;
const ACTIONS = 'SELECT 1 FROM action_items a WHERE a.directive_id = d.id';
/** Closed on or before the end of its due day in Tehran (UTC+03:30). */
const LATE = `a.status = 'done' AND a.due_on IS NOT NULL AND a.closed_at >= a.due_on || 'T20:30:00Z'`;
const ALL_DONE = `EXISTS (${ACTIONS} AND a.status = 'done') AND NOT EXISTS (${ACTIONS} AND a.status IN ${OPEN})`;

/** A piece of SQL with its positional arguments. */
interface Sql {
  text: string;
  args: InValue[];
}

const sql = (text: string, ...args: InValue[]): Sql => ({ text, args });

function stateCondition(state: DirectiveState, today: string): Sql {
  switch (state) {
    case 'not_assigned':
      return sql(`NOT EXISTS (${ACTIONS})`);
    case 'assigned':
      return sql(`EXISTS (${ACTIONS})`);
    case 'open':
      return sql(`EXISTS (${ACTIONS} AND a.status IN ${OPEN})`);
    case 'overdue':
      return sql(`EXISTS (${ACTIONS} AND a.status IN ${OPEN} AND a.due_on < ?)`, today);
    case 'awaiting_verification':
      return sql(`EXISTS (${ACTIONS} AND a.status = 'awaiting_verification')`);
    case 'done':
      return sql(ALL_DONE);
    case 'cancelled':
      return sql(`EXISTS (${ACTIONS}) AND NOT EXISTS (${ACTIONS} AND a.status <> 'cancelled')`);
    case 'done_on_time':
      return sql(`${ALL_DONE} AND NOT EXISTS (${ACTIONS} AND ${LATE})`);
    case 'done_late':
      return sql(`${ALL_DONE} AND EXISTS (${ACTIONS} AND ${LATE})`);
  }
}

const json = (values: readonly InValue[]) => JSON.stringify(values);

/** What every register query starts from: published directives of published sessions. */
const VISIBLE = `d.status = 'published' AND s.status = 'published'`;

function whereOf(filter: RegisterFilter, today: string): Sql {
  const parts: Sql[] = [sql(VISIBLE)];
  if (filter.from) parts.push(sql('s.held_on >= ?', filter.from));
  if (filter.to) parts.push(sql('s.held_on <= ?', filter.to));
  if (filter.speakers) parts.push(sql('d.speaker IN (SELECT value FROM json_each(?))', json(filter.speakers)));
  if (filter.series !== undefined) parts.push(sql('s.series = ?', filter.series));
  if (filter.kind) parts.push(sql('d.kind = ?', filter.kind));
  if (filter.assigneeCodes || filter.actionUnitCodes) {
    parts.push(
      sql(
        `(d.assignee_code IN (SELECT value FROM json_each(?)) OR EXISTS (${ACTIONS} AND a.unit_code IN (SELECT value FROM json_each(?))))`,
        json(filter.assigneeCodes ?? []),
        json(filter.actionUnitCodes ?? []),
      ),
    );
  }
  if (filter.states && filter.states.length > 0) {
    const each = filter.states.map((s) => stateCondition(s, today));
    parts.push({ text: `(${each.map((c) => `(${c.text})`).join(' OR ')})`, args: each.flatMap((c) => c.args) });
  }
  if (filter.hasDeadline !== undefined) {
    parts.push(sql(`${filter.hasDeadline ? '' : 'NOT '}(d.due_on IS NOT NULL OR EXISTS (${ACTIONS} AND a.due_on IS NOT NULL))`));
  }
  if (filter.ids) parts.push(sql('d.id IN (SELECT value FROM json_each(?))', json(filter.ids)));
  return { text: parts.map((p) => p.text).join(' AND '), args: parts.flatMap((p) => p.args) };
}

const DEADLINE = `COALESCE(d.due_on, (SELECT min(a.due_on) FROM action_items a WHERE a.directive_id = d.id))`;
const PROGRESS = `(SELECT avg(CASE WHEN a.status = 'done' THEN 100 ELSE a.progress END) FROM action_items a WHERE a.directive_id = d.id AND a.status <> 'cancelled')`;

/** ORDER BY for the page's ids; relevance is ordered in JS from the text matches' own order. */
function orderOf(order: RegisterOrder): string {
  const dir = order.desc ? 'DESC' : 'ASC';
  const tie = `s.held_on IS NULL, s.held_on DESC, d.session_id DESC, d.start ASC, d.id ASC`;
  switch (order.sort) {
    case 'due':
      return `${DEADLINE} IS NULL, ${DEADLINE} ${dir}, ${tie}`;
    case 'progress':
      return `${PROGRESS} IS NULL, ${PROGRESS} ${dir}, ${tie}`;
    case 'relevance':
      return tie;
    case 'date':
      return `s.held_on IS NULL, s.held_on ${dir}, d.session_id ${dir}, d.start ASC, d.id ASC`;
  }
}

export function createRegisterRepo(database: Database) {
  const { client } = database;

  return {
    /**
     * One page in two steps: the ids of the page (sorting only what the order needs), then the
     * page's rows with their deadline and progress; SQLite would otherwise compute those for every
     * matching row before sorting.
     */
    async page(filter: RegisterFilter, order: RegisterOrder, today: string, limit: number, offset: number): Promise<{ rows: RegisterRow[]; total: number }> {
      const where = whereOf(filter, today);
      const from = `FROM directives d JOIN sessions s ON s.id = d.session_id WHERE ${where.text}`;
      let pageIds: number[];
      let total: number;
      if (order.sort === 'relevance' && filter.ids) {
        const rs = await client.execute({ sql: `SELECT d.id ${from}`, args: where.args });
        const found = new Set(rs.rows.map((r) => num(r.id)));
        const ranked = filter.ids.filter((id) => found.has(id));
        if (order.desc) ranked.reverse();
        total = ranked.length;
        pageIds = ranked.slice(offset, offset + limit);
      } else {
        // One pass: the window count is the total of the same rows (a page past the end asks again).
        const ids = await client.execute({
          sql: `SELECT d.id, count(*) OVER () AS total ${from} ORDER BY ${orderOf(order)} LIMIT ? OFFSET ?`,
          args: [...where.args, limit, offset],
        });
        pageIds = ids.rows.map((r) => num(r.id));
        total = ids.rows.length > 0 ? num(ids.rows[0]?.total) : num((await client.execute({ sql: `SELECT count(*) AS n ${from}`, args: where.args })).rows[0]?.n);
      }
      if (pageIds.length === 0) return { rows: [], total };
      const rs = await client.execute({
        sql: `SELECT d.id, d.anchor, d.quote, d.speaker, d.kind, d.due_rule, d.assignee_code, ${DEADLINE} AS deadline, ${PROGRESS} AS progress,
                     s.id AS session_id, s.slug, s.title, s.held_on, s.series
              FROM directives d JOIN sessions s ON s.id = d.session_id
              WHERE d.id IN (SELECT value FROM json_each(?))`,
        args: [json(pageIds)],
      });
      const byId = new Map(
        rs.rows.map((r): [number, RegisterRow] => [
          num(r.id),
          {
            id: num(r.id),
            anchor: String(r.anchor),
            quote: String(r.quote),
            speaker: str(r.speaker),
            kind: String(r.kind) as DirectiveKind,
            dueRule: str(r.due_rule),
            deadline: str(r.deadline),
            assigneeCode: str(r.assignee_code),
            session: { id: num(r.session_id), slug: String(r.slug), title: String(r.title), heldOn: str(r.held_on), series: str(r.series) },
            progress: r.progress === null ? null : Math.round(num(r.progress)),
          },
        ]),
      );
      return { rows: pageIds.map((id) => byId.get(id)).filter((r): r is RegisterRow => r !== undefined), total };
    },

    /** Actions of these directives, with how many follow-ups each has. */
    async actionsOf(directiveIds: number[]): Promise<RegisterActionRow[]> {
      if (directiveIds.length === 0) return [];
      const rs = await client.execute({
        sql: `SELECT a.directive_id, a.unit_code, a.status, a.due_on, a.progress, a.closed_at,
                     (SELECT count(*) FROM follow_ups f WHERE f.action_id = a.id) AS follow_ups
              FROM action_items a WHERE a.directive_id IN (SELECT value FROM json_each(?))`,
        args: [json(directiveIds)],
      });
      return rs.rows.map((r) => ({
        directiveId: num(r.directive_id),
        unitCode: String(r.unit_code),
        status: String(r.status) as ActionStatus,
        dueOn: str(r.due_on),
        progress: num(r.progress),
        closedAt: str(r.closed_at),
        followUps: num(r.follow_ups),
      }));
    },

    /**
     * Counts per speaker spelling or per series, over the same filters: the actions are summed once
     * per directive, with the same rules as the state filters (so each count equals its list).
     */
    async summaries(by: 'speaker' | 'series', filter: RegisterFilter, today: string): Promise<SummaryCounts[]> {
      const where = whereOf(filter, today);
      const key = by === 'speaker' ? 'd.speaker' : 's.series';
      const rs = await client.execute({
        sql: `WITH agg AS (
                SELECT a.directive_id, count(*) AS n, sum(a.status IN ${OPEN}) AS open, sum(a.status IN ${OPEN} AND a.due_on < ?) AS overdue,
                       sum(a.status = 'done') AS done, sum(${LATE}) AS late
                FROM action_items a GROUP BY a.directive_id)
              SELECT ${key} AS k, count(*) AS given, sum(agg.n > 0) AS assigned,
                     sum(agg.done > 0 AND agg.open = 0 AND agg.late = 0) AS on_time, sum(agg.done > 0 AND agg.open = 0 AND agg.late > 0) AS late,
                     sum(agg.open > 0) AS open, sum(agg.overdue > 0) AS overdue
              FROM directives d JOIN sessions s ON s.id = d.session_id LEFT JOIN agg ON agg.directive_id = d.id
              WHERE ${where.text}
              GROUP BY ${key}`,
        args: [today, ...where.args],
      });
      return rs.rows.map((r) => ({
        key: str(r.k),
        given: num(r.given),
        assigned: num(r.assigned),
        doneOnTime: num(r.on_time),
        doneLate: num(r.late),
        open: num(r.open),
        overdue: num(r.overdue),
      }));
    },

    /** A cheap mark that moves whenever a directive is added, changed or removed. */
    async directivesMark(): Promise<string> {
      const rs = await client.execute('SELECT count(*) AS n, max(id) AS m, max(updated_at) AS u FROM directives');
      const r = rs.rows[0];
      return `${num(r?.n)}|${num(r?.m)}|${str(r?.u) ?? ''}`;
    },

    /** Published directives of published sessions, for the text index. */
    async indexable(): Promise<Array<{ id: number; sessionId: number; quote: string }>> {
      const rs = await client.execute(`SELECT d.id, d.session_id, d.quote FROM directives d JOIN sessions s ON s.id = d.session_id WHERE ${VISIBLE}`);
      return rs.rows.map((r) => ({ id: num(r.id), sessionId: num(r.session_id), quote: String(r.quote) }));
    },

    async recordedSpeakers(): Promise<string[]> {
      const rs = await client.execute(`SELECT DISTINCT speaker FROM directives WHERE status = 'published' AND speaker IS NOT NULL`);
      return rs.rows.map((r) => String(r.speaker));
    },

    async people(): Promise<Array<{ key: string; name: string; variants: string[] }>> {
      const rs = await client.execute('SELECT key, name, variants FROM people');
      return rs.rows.map((r) => ({ key: String(r.key), name: String(r.name), variants: stringList(r.variants) }));
    },

    async units(): Promise<Array<{ code: string; name: string; kind: string }>> {
      const rs = await client.execute('SELECT code, name, kind FROM units');
      return rs.rows.map((r) => ({ code: String(r.code), name: String(r.name), kind: String(r.kind) }));
    },

    async groupMembers(): Promise<Array<{ group: string; member: string }>> {
      const rs = await client.execute('SELECT group_code, member_code FROM unit_group_members');
      return rs.rows.map((r) => ({ group: String(r.group_code), member: String(r.member_code) }));
    },

    async seriesNames(): Promise<string[]> {
      const rs = await client.execute(`SELECT DISTINCT series FROM sessions WHERE status = 'published' AND series IS NOT NULL`);
      return rs.rows.map((r) => String(r.series));
    },

    /** One published directive's id, session and quote, or undefined (drafts and rejected too). */
    async visible(id: number): Promise<{ id: number; sessionId: number } | undefined> {
      const rs = await client.execute({ sql: `SELECT d.id, d.session_id FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.id = ? AND ${VISIBLE}`, args: [id] });
      const r = rs.rows[0];
      return r ? { id: num(r.id), sessionId: num(r.session_id) } : undefined;
    },
  };
}

export type RegisterRepo = ReturnType<typeof createRegisterRepo>;
