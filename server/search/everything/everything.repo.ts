/**
 * @module The only database code of searching everything: the rows each kind indexes (directive
 * quotes, actions, follow-up notes and letters) with whether everyone may read them, read in
 * id-ordered chunks or as what changed since a mark; and the rows of one page of hits.
 */
import type { Client, InValue, Row } from '@libsql/client';
import { directiveKinds, type DirectiveKind } from '../../db/schema';
import { num, str, stringList } from '../../db/row-values';

/** A row a kind indexes: its text, date and speaker, the unit whose people read it, and whether it is readable at all. */
export interface IndexRow {
  id: number;
  /** False: a draft or rejected directive, or anything of one (a tombstone in the index). */
  visible: boolean;
  text: string;
  /** ISO date the date filter reads (the session's; a follow-up's letter or posting date). */
  date: string | null;
  /** Speaker of the directive (the speaker filter). */
  speaker: string | null;
  /** Unit of an action or follow-up ('' for directives: every role reads them). */
  unitCode: string;
  /** A follow-up's letter number. */
  letterNumber: string | null;
}

/** The kinds kept in an index of their own (actions are found through their directives). */
export type KindName = 'directives' | 'followups';

/** What moved since the last look: counts, newest ids and stamps of each table. */
export interface TableMarks {
  audit: number;
  sessionsUpdated: string;
  sessions: number;
  directives: number;
  directivesMaxId: number;
  directivesUpdated: string;
  actions: number;
  actionsMaxId: number;
  actionsUpdated: string;
  followUps: number;
  followUpsMaxId: number;
}

/**
 * Where a delta starts: rows updated after these stamps, or newer than these ids. Strictly after: a
 * stamp shared by thousands of rows (a bulk import, a fan-out to 31 provinces) must not be read again
 * on every delta. A row stamped in the very millisecond of the last look, but committed after it, is
 * caught by the next full build (every `rebuildAfterDeltas` deltas).
 */
export interface Since {
  sessionsUpdated: string;
  directivesMaxId: number;
  directivesUpdated: string;
  actionsMaxId: number;
  actionsUpdated: string;
  followUpsMaxId: number;
}

const VISIBLE = `(d.status = 'published' AND s.status = 'published')`;

const SELECT: Record<KindName, string> = {
  directives: `SELECT d.id, ${VISIBLE} AS visible, d.quote AS text, s.held_on AS date, d.speaker, '' AS unit_code, NULL AS letter_number
               FROM directives d JOIN sessions s ON s.id = d.session_id`,
  followups: `SELECT f.id, ${VISIBLE} AS visible, COALESCE(f.note, '') || ' ' || COALESCE(f.letter_number, '') AS text,
                     COALESCE(f.letter_date, substr(f.created_at, 1, 10)) AS date, d.speaker, a.unit_code, f.letter_number
              FROM follow_ups f JOIN action_items a ON a.id = f.action_id JOIN directives d ON d.id = a.directive_id
              JOIN sessions s ON s.id = d.session_id`,
};

const ID: Record<KindName, string> = { directives: 'd.id', followups: 'f.id' };

function toRow(r: Row): IndexRow {
  return {
    id: num(r.id),
    visible: num(r.visible) === 1,
    text: String(r.text ?? ''),
    date: str(r.date),
    speaker: str(r.speaker),
    unitCode: String(r.unit_code ?? ''),
    letterNumber: str(r.letter_number),
  };
}

const json = (ids: readonly number[]) => JSON.stringify(ids);

export function createEverythingRepo(client: Client) {
  const rows = async (sql: string, args: InValue[]) => (await client.execute({ sql, args })).rows.map(toRow);

  return {
    /** One cheap look at every table (each aggregate answered from an index). */
    async marks(): Promise<TableMarks> {
      const rs = await client.execute(`SELECT
        (SELECT max(id) FROM audit_log) AS audit,
        (SELECT max(updated_at) FROM sessions WHERE status IN ('draft', 'published', 'withdrawn')) AS su, (SELECT count(*) FROM sessions) AS sn,
        (SELECT count(*) FROM directives) AS dn, (SELECT max(id) FROM directives) AS dm, (SELECT max(updated_at) FROM directives) AS du,
        (SELECT count(*) FROM action_items) AS an, (SELECT max(id) FROM action_items) AS am, (SELECT max(updated_at) FROM action_items) AS au,
        (SELECT count(*) FROM follow_ups) AS fn, (SELECT max(id) FROM follow_ups) AS fm`);
      const r: Record<string, unknown> = rs.rows[0] ?? {};
      return {
        audit: num(r.audit),
        sessionsUpdated: str(r.su) ?? '',
        sessions: num(r.sn),
        directives: num(r.dn),
        directivesMaxId: num(r.dm),
        directivesUpdated: str(r.du) ?? '',
        actions: num(r.an),
        actionsMaxId: num(r.am),
        actionsUpdated: str(r.au) ?? '',
        followUps: num(r.fn),
        followUpsMaxId: num(r.fm),
      };
    },

    /** Up to `limit` rows of a kind with ids above `afterId`, in id order (a full build reads these in turn). */
    async chunk(kind: KindName, afterId: number, limit: number): Promise<IndexRow[]> {
      return rows(`${SELECT[kind]} WHERE ${ID[kind]} > ? ORDER BY ${ID[kind]} LIMIT ?`, [afterId, limit]);
    },

    /** Rows of a kind by id (a delta), in chunks of 500 ids. */
    async byIds(kind: KindName, ids: readonly number[]): Promise<IndexRow[]> {
      const out: IndexRow[] = [];
      for (let i = 0; i < ids.length; i += 500) out.push(...(await rows(`${SELECT[kind]} WHERE ${ID[kind]} IN (SELECT value FROM json_each(?))`, [json(ids.slice(i, i + 500))])));
      return out;
    },

    /**
     * Ids of what changed since `since`, kind by kind, each carrying what it depends on: a session's
     * change reaches its directives, a directive's its actions' follow-ups, an action's (a new unit) its follow-ups.
     */
    async changedIds(since: Since): Promise<Record<KindName, number[]>> {
      const ids = async (sql: string, args: InValue[]) => (await client.execute({ sql, args })).rows.map((r) => num(r.id));
      const directives = await ids(
        `SELECT id FROM directives WHERE updated_at > ? OR id > ?
         UNION SELECT d.id FROM directives d WHERE d.session_id IN (SELECT id FROM sessions WHERE status IN ('draft', 'published', 'withdrawn') AND updated_at > ?)`,
        [since.directivesUpdated, since.directivesMaxId, since.sessionsUpdated],
      );
      const actions = await ids(
        `SELECT id FROM action_items WHERE updated_at > ? OR id > ?
         UNION SELECT id FROM action_items WHERE directive_id IN (SELECT value FROM json_each(?))`,
        [since.actionsUpdated, since.actionsMaxId, json(directives)],
      );
      const followups = await ids(
        `SELECT id FROM follow_ups WHERE id > ? UNION SELECT id FROM follow_ups WHERE action_id IN (SELECT value FROM json_each(?))`,
        [since.followUpsMaxId, json(actions)],
      );
      return { directives, followups };
    },

    /** A page of directive hits with their sessions. */
    async directives(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const rs = await client.execute({
        sql: `SELECT d.id, d.anchor, d.quote, d.kind, d.speaker, d.due_on, s.slug, s.title, s.held_on
              FROM directives d JOIN sessions s ON s.id = d.session_id WHERE d.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE}`,
        args: [json(ids)],
      });
      return rs.rows.map((r) => ({
        id: num(r.id),
        anchor: String(r.anchor),
        quote: String(r.quote),
        kind: directiveKindOf(r.kind),
        speaker: str(r.speaker),
        dueOn: str(r.due_on),
        session: { slug: String(r.slug), title: String(r.title), heldOn: str(r.held_on) },
      }));
    },

    /**
     * One page of the actions of these directives (in this order, then by unit; null: every
     * directive, by due date), readable (published) and in these units (null: every unit), with the
     * session date range; and how many. Keep `directiveIds` short (a page's worth, see actionCounts):
     * the statement runs unbroken on the event loop.
     */
    async actionsOf(directiveIds: readonly number[] | null, units: readonly string[] | null, range: { from?: string; to?: string }, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
      const { from, args } = actionsFrom(directiveIds, units, range);
      if (directiveIds !== null) {
        // A directive's actions tie in score (one quote): by unit name in Persian order, which SQLite cannot
        // collate. The page spans a few directives of at most a few dozen actions each: sorted here.
        const all = await client.execute({ sql: `SELECT a.id, r.key AS rank, COALESCE(u.name, a.unit_code) AS unit_name ${from.replace('WHERE', 'LEFT JOIN units u ON u.code = a.unit_code WHERE')}`, args });
        const rows = all.rows.map((r) => ({ id: num(r.id), rank: num(r.rank), name: String(r.unit_name) }));
        rows.sort((a, b) => a.rank - b.rank || PERSIAN_ORDER.compare(a.name, b.name) || a.id - b.id);
        return { ids: rows.slice(offset, offset + limit).map((r) => r.id), total: rows.length };
      }
      const order = 'a.due_on IS NULL, a.due_on, a.id';
      const rs = await client.execute({ sql: `SELECT a.id, count(*) OVER () AS total ${from} ORDER BY ${order} LIMIT ? OFFSET ?`, args: [...args, limit, offset] });
      const total = rs.rows.length > 0 ? num(rs.rows[0]?.total) : num((await client.execute({ sql: `SELECT count(*) AS n ${from}`, args })).rows[0]?.n);
      return { ids: rs.rows.map((r) => num(r.id)), total };
    },

    /** How many readable actions (in these units and the date range) each of these directives has; absent: none. */
    async actionCounts(directiveIds: readonly number[], units: readonly string[] | null, range: { from?: string; to?: string }): Promise<Map<number, number>> {
      if (directiveIds.length === 0) return new Map();
      const { from, args } = actionsFrom(directiveIds, units, range);
      const rs = await client.execute({ sql: `SELECT a.directive_id AS id, count(*) AS n ${from} GROUP BY a.directive_id`, args });
      return new Map(rs.rows.map((r) => [num(r.id), num(r.n)]));
    },

    /**
     * Provinces and headquarters with their names and aliases, for the words of a query that name one.
     * Not outside bodies: «مجلس» or «سازمان برنامه و بودجه» in a query is what a directive speaks of.
     */
    async units(): Promise<Array<{ code: string; name: string; aliases: string[] }>> {
      const rs = await client.execute(`SELECT code, name, aliases FROM units WHERE kind IN ('province', 'headquarters')`);
      return rs.rows.map((r) => ({ code: String(r.code), name: String(r.name), aliases: stringList(r.aliases) }));
    },

    /** A page of action hits with their unit, directive and session. */
    async actions(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const rs = await client.execute({
        sql: `SELECT a.id, a.unit_code, COALESCE(u.name, a.unit_code) AS unit_name, a.status, a.status_reason, a.progress, a.due_on,
                     d.id AS directive_id, d.quote, s.slug, s.title, s.held_on
              FROM action_items a JOIN directives d ON d.id = a.directive_id JOIN sessions s ON s.id = d.session_id
              LEFT JOIN units u ON u.code = a.unit_code
              WHERE a.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE}`,
        args: [json(ids)],
      });
      return rs.rows.map((r) => ({
        id: num(r.id),
        unit: { code: String(r.unit_code), name: String(r.unit_name) },
        status: String(r.status),
        statusReason: str(r.status_reason),
        progress: num(r.progress),
        dueOn: str(r.due_on),
        directive: { id: num(r.directive_id), quote: String(r.quote) },
        session: { slug: String(r.slug), title: String(r.title), heldOn: str(r.held_on) },
      }));
    },

    /** A page of follow-up hits with their author, action and unit. */
    async followUps(ids: readonly number[]) {
      if (ids.length === 0) return [];
      const rs = await client.execute({
        sql: `SELECT f.id, f.kind, f.note, f.letter_number, f.letter_date, f.created_at, us.display_name AS author,
                     a.id AS action_id, a.unit_code, COALESCE(u.name, a.unit_code) AS unit_name, d.quote
              FROM follow_ups f JOIN action_items a ON a.id = f.action_id JOIN directives d ON d.id = a.directive_id
              JOIN sessions s ON s.id = d.session_id LEFT JOIN units u ON u.code = a.unit_code LEFT JOIN users us ON us.id = f.author_id
              WHERE f.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE}`,
        args: [json(ids)],
      });
      return rs.rows.map((r) => ({
        id: num(r.id),
        kind: String(r.kind),
        note: str(r.note),
        letterNumber: str(r.letter_number),
        letterDate: str(r.letter_date),
        createdAt: String(r.created_at),
        author: str(r.author),
        action: { id: num(r.action_id), unit: { code: String(r.unit_code), name: String(r.unit_name) }, quote: String(r.quote) },
      }));
    },

    /** Known speakers with the spellings their names arrive in (content/people.yaml). */
    async people(): Promise<Array<{ key: string; name: string; variants: string[] }>> {
      const rs = await client.execute('SELECT key, name, variants FROM people');
      return rs.rows.map((r) => ({ key: String(r.key), name: String(r.name), variants: stringList(r.variants) }));
    },
  };
}

/** FROM … WHERE of readable actions: of these directives (joined as `r`, its key their order) or all, in these units and the session date range. */
const PERSIAN_ORDER = new Intl.Collator('fa');

function actionsFrom(directiveIds: readonly number[] | null, units: readonly string[] | null, range: { from?: string; to?: string }): { from: string; args: InValue[] } {
  const where = [VISIBLE];
  const args: InValue[] = [];
  if (directiveIds !== null) args.push(json(directiveIds));
  if (units) {
    where.push('a.unit_code IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(units));
  }
  if (range.from) {
    where.push('s.held_on >= ?');
    args.push(range.from);
  }
  if (range.to) {
    where.push('s.held_on <= ?');
    args.push(range.to);
  }
  const source = directiveIds !== null ? 'json_each(?) r JOIN action_items a ON a.directive_id = r.value' : 'action_items a';
  return { from: `FROM ${source} JOIN directives d ON d.id = a.directive_id JOIN sessions s ON s.id = d.session_id WHERE ${where.join(' AND ')}`, args };
}

function directiveKindOf(value: unknown): DirectiveKind {
  return directiveKinds.find((k) => k === value) ?? 'action';
}

export type EverythingRepo = ReturnType<typeof createEverythingRepo>;
