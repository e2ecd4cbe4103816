/**
 * `tsx scripts/directive-corpus/extend.ts --draw 4 [--count 60] [--seed 41] [--max-chars 10000] [--pool core|strong]`: a later
 * draw for the directive corpus, appended to tests/fixtures/directive-corpus/documents.jsonl (ids, dates, hashes; never text).
 * Draws 1–3 gave a required directive in about one document in five; out of the train and dev documents
 * already labelled, those holding «موظف / مکلف / ملزم / مقرر شد / مقرر گردید / دستور داد» had one in
 * 45 % (93 of 208), so this draw takes only such documents, to give the model more directives to learn
 * from. Draws 1–3 took every such document of 400–6,000 characters, so draw 4 took those of up to
 * 10,000 and draw 5 (`--draw 5 --max-chars 50000 --seed 43`) the longer rest; draw 6 (`--draw 6 --pool strong
 * --seed 47`) those of up to 10,000 with only the other strong words («ابلاغ», «مهلت» …; one in six
 * had a required directive), which also gives hard negatives that look like directives. New documents go to
 * train and dev only (three to one): the test split stays as it was read.
 * Reserved articles are never drawn or read; documents already in the manifest are skipped.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { CORPUS_DIR, readManifest, type ManifestRow } from './corpus';
import { argValue } from '../cli';
import { mulberry32, shuffle } from './random';
import { readSourceDocuments, requireCorpora, type SourceDocument } from './sources';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => Number(argValue(args, name) ?? fallback);
const COUNT = arg('--count', 60);
const SEED = arg('--seed', 41);
const DRAW = arg('--draw', 0);
const MAX_CHARS = arg('--max-chars', 10000);
if (DRAW < 4) throw new Error('--draw N (4 or later) is required: draws 1–3 are select.ts');

const fold = (s: string): string => s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u200c\u200f\u0640]/g, ' ');
const CORE = /موظف|مکلف|ملزم|مقرر شد|مقرر گردید|دستور داد/;
// The rest of select.ts's strong words, for `--pool strong` (documents holding these but no CORE word).
const STRONG = /دستور داده|ابلاغ|بخشنامه|حداکثر تا|ظرف مدت|مهلت|الزامی|تکلیف/;
const poolArg = argValue(args, '--pool') ?? 'core';
if (poolArg !== 'core' && poolArg !== 'strong') throw new Error('--pool is core or strong');
const inPool = (t: string): boolean => (poolArg === 'core' ? CORE.test(t) : !CORE.test(t) && STRONG.test(t));

const manifest = readManifest();
if (manifest.some((r) => r.draw === DRAW)) throw new Error(`draw ${DRAW} is already in the manifest`);
const taken = new Set(manifest.map((r) => r.id));
const root = requireCorpora('directive-corpus:extend');
const pool: SourceDocument[] = [];
for (const d of readSourceDocuments(root)) {
  if (taken.has(d.id) || d.text.length < 400 || d.text.length > MAX_CHARS) continue;
  if (inPool(fold(d.text))) pool.push(d);
}
const picked = shuffle(pool, mulberry32(SEED)).slice(0, COUNT);
const rows: ManifestRow[] = picked.map((d, i) => ({
  doc: `d${manifest.length + i + 1}`,
  draw: DRAW,
  id: d.id,
  date: d.date,
  split: i % 4 === 3 ? 'dev' : 'train',
  sha1: createHash('sha1').update(d.text).digest('hex'),
  chars: d.text.length,
}));
appendFileSync(`${CORPUS_DIR}/documents.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`draw ${DRAW}: ${rows.length} of a pool of ${pool.length}; train ${rows.filter((r) => r.split === 'train').length}, dev ${rows.filter((r) => r.split === 'dev').length}`);
