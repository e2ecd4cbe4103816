/**
 * @module The directive register's benchmark world, shared by `bench:register` and `bench:everything`:
 * the `npm run bench` corpus (Fars News repeated to `size` sessions, bulk JSONL ingest) plus the sample
 * content, then directives and actions written straight into the database (2 of 3 sessions get a
 * directive quoting the first sentence of their first paragraph; 80 % published, 10 % draft, 10 %
 * rejected; half the published ones assigned, to one province or fanned out to all 31, in every
 * status), with a follow-up on every action reported on. Deterministic: the same world on every run.
 */
import { join, resolve } from 'node:path';
import { systemClock } from '../../server/clock';
import { openDatabase, type Database } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { writeCorpusJsonl } from './corpus';
import { REPO_ROOT } from './server-process';

const SPEAKERS = ['حسین فیروزی', 'فیروری', 'مریم احمدی', 'علی رضایی', 'رضائی', 'محمد کریمی', null];
const KINDS = ['action', 'instruction', 'policy', 'exhortation'];
const STATUSES = ['done', 'done', 'done', 'done', 'in_progress', 'in_progress', 'open', 'open', 'open', 'awaiting_verification', 'cancelled', 'blocked'];

/** A deterministic pseudo-random stream (the same world on every run). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface RegisterWorld {
  database: Database;
  counts: { d: unknown; p: unknown; a: unknown; f: unknown } | undefined;
}

/** Build the world in `dir` (a fresh folder); `log` reports progress. */
export async function buildRegisterWorld(dir: string, size: number, log: (message: string) => void): Promise<RegisterWorld> {
  const database = await openDatabase(`file:${join(dir, 'neshast.db')}`);
  const { client } = database;
  const jsonl = join(dir, 'sessions.jsonl');
  await writeCorpusJsonl(size, jsonl);
  await ingestPaths(client, [resolve(REPO_ROOT, 'content')], { clock: systemClock });
  const summary = await ingestPaths(client, [jsonl], { clock: systemClock });
  if (summary.failures.length > 0) throw new Error(JSON.stringify(summary.failures.slice(0, 3)));
  log(`${size} sessions ingested`);

  // Directives: verbatim first sentences (start/end point into the body, as ingest's would).
  const rnd = seeded(size);
  const now = new Date().toISOString();
  const sessions = await client.execute(`SELECT s.id, s.held_on, p.text, p.start FROM sessions s JOIN paragraphs p ON p.session_id = s.id AND p.ordinal = 0 WHERE s.slug LIKE 'fars-%'`);
  const provinces = (await client.execute(`SELECT member_code FROM unit_group_members WHERE group_code = 'all-provinces' ORDER BY member_code`)).rows.map((r) => String(r.member_code));
  const directives: unknown[][] = [];
  sessions.rows.forEach((r, i) => {
    if (i % 3 === 2) return;
    const text = String(r.text);
    const stop = text.search(/[.!؟?]/u);
    const quote = text.slice(0, stop > 20 && stop < 400 ? stop + 1 : Math.min(text.length, 300));
    const start = Number(r.start);
    const x = rnd();
    const status = x < 0.8 ? 'published' : x < 0.9 ? 'draft' : 'rejected';
    const heldOn = r.held_on === null ? null : String(r.held_on);
    const dueOn = heldOn && rnd() < 0.7 ? new Date(Date.parse(heldOn) + Math.floor(10 + rnd() * 120) * 86_400_000).toISOString().slice(0, 10) : null;
    const a = rnd();
    const assignee = a < 0.3 ? 'all-provinces' : a < 0.7 ? provinces[Math.floor(rnd() * provinces.length)] : null;
    directives.push([Number(r.id), `b-${i}`, quote, start, start + quote.length, SPEAKERS[Math.floor(rnd() * SPEAKERS.length)], KINDS[i % 4], assignee, dueOn, status, now, now]);
  });
  for (let i = 0; i < directives.length; i += 2000) {
    await client.execute({
      sql: `INSERT INTO directives (session_id, anchor, quote, start, "end", speaker, kind, assignee_code, due_on, status, refs, cues, created_at, updated_at)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),
                   json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), '[]', '[]',
                   json_extract(value, '$[10]'), json_extract(value, '$[11]')
            FROM json_each(?)`,
      args: [JSON.stringify(directives.slice(i, i + 2000))],
    });
  }
  // Actions for half the published directives (policies aside), in every status, with a follow-up when reported on.
  const published = await client.execute(`SELECT id, due_on, assignee_code FROM directives WHERE status = 'published' AND kind <> 'policy' AND anchor LIKE 'b-%'`);
  const actions: unknown[][] = [];
  for (const d of published.rows) {
    if (rnd() < 0.5) continue;
    const units = d.assignee_code === 'all-provinces' ? provinces : [provinces[Math.floor(rnd() * provinces.length)]];
    const due = d.due_on === null ? null : String(d.due_on);
    for (const unit of units) {
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)] ?? 'open';
      const closed = status === 'done' && due ? new Date(Date.parse(due) + Math.floor(-20 + rnd() * 30) * 86_400_000).toISOString() : null;
      actions.push([Number(d.id), unit, due, status, status === 'done' ? 100 : Math.floor(rnd() * 90), closed, now]);
    }
  }
  for (let i = 0; i < actions.length; i += 5000) {
    await client.execute({
      sql: `INSERT INTO action_items (directive_id, unit_code, due_on, status, progress, closed_at, priority, version, created_at, updated_at)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),
                   json_extract(value, '$[5]'), 'normal', 1, json_extract(value, '$[6]'), json_extract(value, '$[6]')
            FROM json_each(?) WHERE true ON CONFLICT (directive_id, unit_code) DO NOTHING`,
      args: [JSON.stringify(actions.slice(i, i + 5000))],
    });
  }
  await client.execute(`INSERT INTO follow_ups (action_id, kind, note, progress, created_at) SELECT id, 'progress', 'گزارش', progress, updated_at FROM action_items WHERE status <> 'open'`);
  await client.execute('ANALYZE');
  const counts = (await client.execute(`SELECT (SELECT count(*) FROM directives) AS d, (SELECT count(*) FROM directives WHERE status = 'published') AS p, (SELECT count(*) FROM action_items) AS a, (SELECT count(*) FROM follow_ups) AS f`)).rows[0];
  return { database, counts: counts ? { d: counts.d, p: counts.p, a: counts.a, f: counts.f } : undefined };
}
