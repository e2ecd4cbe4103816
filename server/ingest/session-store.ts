/**
 * @module Writes sessions: idempotent by content hash, atomic per chunk (a session is
 * stored whole or not at all), batch-only so it behaves the same on a local file and
 * on a libSQL server.
 */
import { createHash } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import { persianLetters } from '../persian/letters';
import { stripBidiControls, stripBidiFromIdentifier } from '../security/bidi';
import { composeBody } from '../session-body';
import type { SessionInput } from './session-input';

export interface StoreResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Ids of sessions added or changed: what the search index must take in. */
  changedIds: number[];
}

/** Sessions written per transaction: big enough for throughput, small enough for memory. */
const SESSIONS_PER_BATCH = 200;

/** sha256 of everything that makes up a session, so re-ingesting the same input is a no-op. */
export function contentHash(input: SessionInput): string {
  const canonical = JSON.stringify([
    input.slug,
    input.title,
    input.kind,
    input.heldOn,
    input.series ?? null,
    input.organiser ?? null,
    input.sourceKind,
    input.sourceText,
    input.mediaUrl ?? null,
    input.tags,
    input.notes ?? null,
    input.speakers ?? null,
    input.paragraphs,
    input.directives,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function speakersOf(input: SessionInput): string[] {
  const names = input.speakers ?? [...input.paragraphs.map((p) => p.speaker), ...input.directives.map((d) => d.speaker)];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.length > 0).map(stripBidiControls))];
}

const sessionIdOf = '(SELECT id FROM sessions WHERE slug = ?)';

function statementsFor(input: SessionInput, hash: string, now: string): InStatement[] {
  const { body, spans } = composeBody(input.paragraphs);
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO sessions (slug, title, kind, held_on, series, organiser, source_kind, source_text, body, content_hash,
              media_url, tags, speakers, notes, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(slug) DO UPDATE SET title = excluded.title, kind = excluded.kind, held_on = excluded.held_on,
              series = excluded.series, organiser = excluded.organiser, source_kind = excluded.source_kind,
              source_text = excluded.source_text, body = excluded.body, content_hash = excluded.content_hash,
              media_url = excluded.media_url, tags = excluded.tags, speakers = excluded.speakers, notes = excluded.notes,
              updated_at = excluded.updated_at`,
      args: [
        input.slug,
        // Bidi controls in a title or name could make it read as something else (RTL spoofing).
        stripBidiControls(input.title),
        input.kind,
        input.heldOn,
        // The series groups sessions (carry-over): an identifier, without controls or marks, from every source.
        input.series ? persianLetters(stripBidiFromIdentifier(input.series)).trim() || null : null,
        input.organiser ?? null,
        input.sourceKind,
        input.sourceText,
        body,
        hash,
        input.mediaUrl ?? null,
        JSON.stringify(input.tags),
        JSON.stringify(speakersOf(input)),
        input.notes ?? null,
        // A re-ingest never moves a session between draft and published (ON CONFLICT leaves status).
        input.status ?? 'published',
        now,
        now,
      ],
    },
    { sql: `DELETE FROM paragraphs WHERE session_id = ${sessionIdOf}`, args: [input.slug] },
  ];

  // One short statement per session whatever its length: the rows travel as one JSON argument.
  // (A multi-row VALUES list made every statement different, and preparing them dominated ingest.)
  if (input.paragraphs.length > 0) {
    const rows = input.paragraphs.map((p, ordinal) => {
      const [start, end] = spans[ordinal] ?? [0, 0];
      return [p.text, start, end, p.speaker ? stripBidiControls(p.speaker) : null, p.mediaStartMs ?? null, p.mediaEndMs ?? null];
    });
    statements.push({
      sql: `INSERT INTO paragraphs (session_id, ordinal, text, start, end, speaker, media_start_ms, media_end_ms)
            SELECT s.id, CAST(j.key AS INTEGER), json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
                   json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]')
            FROM json_each(?) AS j, (SELECT id FROM sessions WHERE slug = ?) AS s`,
      args: [JSON.stringify(rows), input.slug],
    });
  }

  const anchors = input.directives.map((d, i) => d.anchor ?? String(i + 1));
  input.directives.forEach((d, i) => {
    statements.push({
      sql: `INSERT INTO directives (session_id, anchor, quote, start, end, speaker, kind, refs, assignee_code, recipient_code,
              due_rule, due_on, status, cues, created_at, updated_at)
            VALUES (${sessionIdOf}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(session_id, anchor) DO UPDATE SET quote = excluded.quote, start = excluded.start, end = excluded.end,
              speaker = excluded.speaker, kind = excluded.kind, refs = excluded.refs, assignee_code = excluded.assignee_code,
              recipient_code = excluded.recipient_code, due_rule = excluded.due_rule, due_on = excluded.due_on,
              status = excluded.status, cues = excluded.cues, updated_at = excluded.updated_at`,
      args: [
        input.slug,
        anchors[i] ?? String(i + 1),
        body.slice(d.start, d.end),
        d.start,
        d.end,
        d.speaker ?? null,
        d.kind,
        JSON.stringify(d.refs),
        d.assigneeCode ?? null,
        d.recipientCode ?? null,
        d.dueRule ?? null,
        d.dueOn ?? null,
        d.status,
        JSON.stringify(d.cues ?? []),
        now,
        now,
      ],
    });
  });
  // Directives dropped from the source go, unless actions already hang on them.
  statements.push({
    sql: `DELETE FROM directives WHERE session_id = ${sessionIdOf}
            AND anchor NOT IN (SELECT value FROM json_each(?))
            AND id NOT IN (SELECT directive_id FROM action_items)`,
    args: [input.slug, JSON.stringify(anchors)],
  });
  return statements;
}

/** Id and content hash of the stored sessions among `slugs`, looked up in chunks. */
async function storedSessions(client: Client, slugs: string[]): Promise<Map<string, { id: number; hash: string; version: number }>> {
  const found = new Map<string, { id: number; hash: string; version: number }>();
  for (let i = 0; i < slugs.length; i += 500) {
    const rs = await client.execute({
      sql: `SELECT id, slug, content_hash, version FROM sessions WHERE slug IN (SELECT value FROM json_each(?))`,
      args: [JSON.stringify(slugs.slice(i, i + 500))],
    });
    for (const row of rs.rows) found.set(String(row.slug), { id: Number(row.id), hash: String(row.content_hash), version: Number(row.version ?? 1) });
  }
  return found;
}

/** Rows that belong with a session (an import's repair summary and audit entry): written in its batch, so both are stored or neither. */
export type AlongsideStatements = (input: SessionInput) => InStatement[];

/**
 * Store sessions that are new or changed; unchanged ones are skipped.
 *
 * @example
 * const result = await storeSessions(client, inputs, new Date());
 */
export async function storeSessions(
  client: Client,
  inputs: SessionInput[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
  alongside?: AlongsideStatements,
): Promise<StoreResult> {
  const stored = await storedSessions(
    client,
    inputs.map((s) => s.slug),
  );
  const result: StoreResult = { added: 0, updated: 0, unchanged: 0, changedIds: [] };
  const pending: Array<{ input: SessionInput; hash: string }> = [];
  for (const input of inputs) {
    // A session a manager corrected or withdrew in the app (version > 1) is the app's now: its
    // source read again must not undo that (issue 14, item 5).
    if ((stored.get(input.slug)?.version ?? 1) > 1) {
      result.unchanged++;
      continue;
    }
    const hash = contentHash(input);
    const previous = stored.get(input.slug)?.hash;
    if (previous === hash) result.unchanged++;
    else {
      if (previous === undefined) result.added++;
      else result.updated++;
      pending.push({ input, hash });
    }
  }
  const stamp = now.toISOString();
  for (let i = 0; i < pending.length; i += SESSIONS_PER_BATCH) {
    const chunk = pending.slice(i, i + SESSIONS_PER_BATCH);
    await client.batch(
      chunk.flatMap(({ input, hash }) => [...statementsFor(input, hash, stamp), ...(alongside?.(input) ?? [])]),
      'write',
    );
    const written = await storedSessions(
      client,
      chunk.map((c) => c.input.slug),
    );
    result.changedIds.push(...[...written.values()].map((row) => row.id));
    onProgress?.(Math.min(i + SESSIONS_PER_BATCH, pending.length), pending.length);
  }
  return result;
}
