/**
 * `npm run bench [-- --sizes 1500,7500,30000] [--no-write] [--json FILE] [--from FILE]`: the scale benchmark
 * (ingest, index, search against FTS5, server start, memory, a new session searchable, HTTP
 * load) at each size; prints progress, writes its section into docs/benchmarks.md and the
 * chart docs/bench-scale.svg. `--from FILE` re-renders the section from a saved `--json` run; the
 * analysis of the figures is written by hand in docs/notes/bench-scale.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { argValue } from './cli';
import { judgeTargets, replaceSection, scaleChart, scaleSection } from './bench/report';
import { benchSize, type SizeFigures } from './bench/run-size';
import { REPO_ROOT } from './bench/server-process';
import { requireCorpora } from './eval/corpora-dir';

requireCorpora('bench', ['farsnews']);

const argv = process.argv.slice(2);
const sizes = (argValue(argv, '--sizes') ?? '1500,7500,30000').split(',').map(Number);
const began = performance.now();
const progress = (message: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

const SavedRun = z.object({ info: z.object({ date: z.string(), machine: z.string(), command: z.string(), load: z.string(), totalMinutes: z.number() }), rows: z.array(z.custom<SizeFigures>()) });

async function measure(): Promise<z.infer<typeof SavedRun>> {
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  const rows: SizeFigures[] = [];
  for (const size of sizes) {
    progress(`— ${size.toLocaleString('en-US')} sessions —`);
    rows.push(await benchSize(size, progress));
  }
  const shown = argv.filter((a, i) => a !== '--json' && argv[i - 1] !== '--json');
  const info = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    command: `npm run bench${shown.length > 0 ? ` -- ${shown.join(' ')}` : ''}`,
    load,
    totalMinutes: (performance.now() - began) / 60_000,
  };
  return { info, rows };
}

const from = argValue(argv, '--from');
const { info, rows } = from ? SavedRun.parse(JSON.parse(readFileSync(from, 'utf8'))) : await measure();
const date = info.date;
// The analysis stays in its own file (docs/notes/bench-scale.md); the section links to it.
const notes = 'Analysis of these figures (what limits the targets not met, what the benchmark found and fixed):\n[notes/bench-scale.md](notes/bench-scale.md).';
const section = scaleSection(rows, info, notes);
console.log(section);
for (const t of judgeTargets(rows)) progress(`${t.met ? 'met    ' : 'NOT MET'} ${t.name}: ${t.figure}`);

const jsonOut = argValue(argv, '--json');
if (jsonOut && !from) writeFileSync(jsonOut, JSON.stringify({ info, rows }, null, 2));
if (!argv.includes('--no-write')) {
  const doc = join(REPO_ROOT, 'docs/benchmarks.md');
  writeFileSync(doc, replaceSection(readFileSync(doc, 'utf8'), section));
  writeFileSync(join(REPO_ROOT, 'docs/bench-scale.svg'), scaleChart(rows, date));
  // The figures themselves, so the section can be re-rendered (`--from docs/bench-scale.json`) without measuring again.
  if (!from) writeFileSync(join(REPO_ROOT, 'docs/bench-scale.json'), `${JSON.stringify({ info, rows }, null, 2)}\n`);
  progress('wrote docs/benchmarks.md (Scale section) and docs/bench-scale.svg');
}
