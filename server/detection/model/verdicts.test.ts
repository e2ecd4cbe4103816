import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyseSentences, type UnitRef } from '../extract';
import { MODEL_THRESHOLD, scoreWindow } from './model';
import type { VerdictRow } from './verdict-row';


const rows = readFileSync(new URL('./dev-verdicts.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as VerdictRow);

// The units the model was trained and pinned with: the sample content's, as a fresh install has them.
const units = (parse(readFileSync(new URL('../../../content/units.yaml', import.meta.url), 'utf8')) as { units: UnitRef[] }).units.map((u) => ({
  ...u,
  aliases: u.aliases ?? [],
}));

/** Replays one pinned sentence: its neighbours give its window, as in the whole document. */
function replay(row: VerdictRow): number {
  const parts = [row.before, row.text, row.after].filter((p): p is string => p !== null);
  const { evidence } = analyseSentences({ text: parts.join('\n'), sessionDate: row.date, units, people: [] });
  const at = row.before === null ? 0 : 1;
  // The first sentence of a document is its title; a replayed window starts there only when s = 1.
  const sentence = { ...evidence[at]!, index: row.s - 1 };
  return scoreWindow({ sentence, before: evidence[at - 1] ?? null, after: evidence[at + 1] ?? null }).probability;
}

describe('the dev split verdict file (no verdict changes unless the file is rewritten on purpose)', () => {
  it('holds the dev sentences that are labelled or weighed', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.label === 'required').length).toBeGreaterThan(20);
  });
  it('gives every pinned sentence the same probability and the same decision', () => {
    const changed = rows
      .map((row) => ({ row, p: replay(row) }))
      .filter(({ row, p }) => Math.abs(p - row.probability) > 0.002 || p >= MODEL_THRESHOLD !== row.suggested)
      .map(({ row, p }) => `${row.doc}#${row.s}: ${row.probability} → ${p.toFixed(3)} «${row.text.slice(0, 60)}»`);
    expect(changed).toEqual([]);
  });
});
