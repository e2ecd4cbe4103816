/**
 * `tsx scripts/directive-corpus/select.ts [--count 320] [--seed 11]`: draws the documents of the
 * directive corpus from the shared corpora (reserved articles excluded) and writes the manifest
 * tests/fixtures/directive-corpus/documents.jsonl (id, date, split, sha1 of the text) — ids only,
 * never the text.
 * - Draw 1: reports of meetings and speeches; three quarters carry an obligation word somewhere
 *   (bare «باید» included), the rest none.
 * - Draw 2 (after draw 1 yielded directives in only about one document in six): as many again, all
 *   with a strong obligation word («موظف»، «مقرر شد»، «دستور داد»، «ابلاغ»، «حداکثر تا» …), so that
 *   the corpus holds enough documents with directives, and hard negatives that look like them.
 * - Draw 3: half as many again from the same strong pool, when draws 1–2 still held fewer than 150
 *   documents with a required directive.
 * The draw, not the labels, uses these words: every sentence of every drawn document is labelled.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { argValue } from '../cli';
import { mulberry32, shuffle } from './random';
import { readSourceDocuments, requireCorpora, type SourceDocument } from './sources';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => Number(argValue(args, name) ?? fallback);
const COUNT = arg('--count', 320);
const SEED = arg('--seed', 11);

const fold = (s: string): string => s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u200c\u200f\u0640]/g, ' ');
const OBLIGATION = /موظف|مکلف|ملزم|مقرر شد|مقرر گردید|دستور داد|دستور داده|ابلاغ|بخشنامه|حداکثر تا|ظرف مدت|مهلت|باید|الزامی|تکلیف/;
const STRONG = /موظف|مکلف|ملزم|مقرر شد|مقرر گردید|دستور داد|دستور داده|ابلاغ|بخشنامه|حداکثر تا|ظرف مدت|مهلت|الزامی|تکلیف/;
const GATHERING = /جلسه|نشست|شورا|همایش|کمیسیون|هیات|هیئت|مصوبه|تصویب|سخنرانی|گردهمایی|وزیر|استاندار|مدیرکل|مدیر کل|فرماندار|رئیس|رییس|شهردار/;

const root = requireCorpora('directive-corpus:select');
const pools = { farsObl: [] as SourceDocument[], farsNeg: [] as SourceDocument[], hamObl: [] as SourceDocument[], hamNeg: [] as SourceDocument[] };
const strongPool: SourceDocument[] = [];
for (const d of readSourceDocuments(root)) {
  if (d.text.length < 400 || d.text.length > 6000) continue;
  const t = fold(d.text);
  if (STRONG.test(t)) strongPool.push(d);
  if (d.text.length < 500 || d.text.length > 5000) continue;
  if (!GATHERING.test(t)) continue;
  const fars = d.id.startsWith('farsnews/');
  const obl = OBLIGATION.test(t);
  (fars ? (obl ? pools.farsObl : pools.farsNeg) : obl ? pools.hamObl : pools.hamNeg).push(d);
}
const rnd = mulberry32(SEED);
const quarter = Math.round(COUNT / 8);
const picked = [
  ...shuffle(pools.farsObl, rnd).slice(0, COUNT / 2 - quarter),
  ...shuffle(pools.farsNeg, rnd).slice(0, quarter),
  ...shuffle(pools.hamObl, rnd).slice(0, COUNT / 2 - quarter),
  ...shuffle(pools.hamNeg, rnd).slice(0, quarter),
];
shuffle(picked, rnd);
const first = new Set(picked.map((d) => d.id));
const strongLeft = shuffle(strongPool.filter((d) => !first.has(d.id)), rnd);
const second = strongLeft.slice(0, COUNT);
const third = strongLeft.slice(COUNT, COUNT + COUNT / 2);
// Split by document: 60% train, 20% dev, 20% test, in each draw.
const rows = [...picked, ...second, ...third].map((d, i) => ({
  doc: `d${String(i + 1).padStart(3, '0')}`,
  draw: i < picked.length ? 1 : i < picked.length + second.length ? 2 : 3,
  id: d.id,
  date: d.date,
  split: i % 5 === 3 ? 'dev' : i % 5 === 4 ? 'test' : 'train',
  sha1: createHash('sha1').update(d.text).digest('hex'),
  chars: d.text.length,
}));
mkdirSync('tests/fixtures/directive-corpus', { recursive: true });
writeFileSync('tests/fixtures/directive-corpus/documents.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(
  `selected ${rows.length} documents (pools: fars ${pools.farsObl.length}+${pools.farsNeg.length}, hamshahri ${pools.hamObl.length}+${pools.hamNeg.length}, strong ${strongPool.length}); ` +
    `train ${rows.filter((r) => r.split === 'train').length}, dev ${rows.filter((r) => r.split === 'dev').length}, test ${rows.filter((r) => r.split === 'test').length}`,
);
