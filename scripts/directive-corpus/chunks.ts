/**
 * `tsx scripts/directive-corpus/chunks.ts --draw 4 --parts 2 --out DIR`: writes the documents of one
 * draw as the annotators read them (DIR/chunk-N.txt): each document's header with its publication
 * date, then its sentences numbered [1], [2] … as `splitSentences` cuts them, which is what a label's
 * `s` counts. Parts are balanced by length. Texts stay outside the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../server/persian/sentences';
import { argValue } from '../cli';
import { readManifest } from './corpus';
import { readSourceIndex, requireCorpora } from './sources';

const args = process.argv.slice(2);
const value = (name: string): string | undefined => argValue(args, name);
const draw = Number(value('--draw'));
const parts = Number(value('--parts') ?? 1);
const out = value('--out');
if (!out || !Number.isInteger(draw) || !Number.isInteger(parts) || parts < 1) {
  console.error('usage: chunks.ts --draw N [--parts K] --out DIR');
  process.exit(2);
}
const index = readSourceIndex(requireCorpora('directive-corpus:chunks'));
const rows = readManifest().filter((r) => r.draw === draw);
const chunks: { text: string[]; chars: number }[] = Array.from({ length: parts }, () => ({ text: [], chars: 0 }));
for (const row of rows) {
  const source = index.get(row.id);
  if (!source) throw new Error(`${row.doc}: ${row.id} is missing from the corpora`);
  const lightest = chunks.reduce((a, b) => (b.chars < a.chars ? b : a));
  const numbered = splitSentences(source.text).map((s, i) => `[${i + 1}] ${s.text}`);
  lightest.text.push(`=== DOC ${row.doc} | published ${row.date} (Jalali) ===`, ...numbered, '');
  lightest.chars += source.text.length;
}
mkdirSync(out, { recursive: true });
chunks.forEach((c, i) => writeFileSync(join(out, `chunk-${i + 1}.txt`), c.text.join('\n')));
console.log(`draw ${draw}: ${rows.length} documents in ${parts} chunks of ${chunks.map((c) => c.chars).join(' / ')} characters`);
