/**
 * `npm run bench:hardening [-- --no-write | --only=big-imports]`: the figures of issue 12 (long search words, parallel
 * wrong passwords, a sign-in during a flood, long and hostile imports) on a real server; prints them
 * and writes the «Hardening» section of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBigImports, benchHardening, hardeningSection } from './bench/hardening';
import { REPO_ROOT } from './bench/server-process';

const argv = process.argv.slice(2);
const began = performance.now();
const progress = (message: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

const info = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  command: 'npm run bench:hardening',
  load: loadavg()
    .map((n) => n.toFixed(1))
    .join(' / '),
};
if (argv.includes('--only=big-imports')) {
  // The red team's worst imports alone (quick before/after comparisons); prints, writes nothing.
  console.log(JSON.stringify({ ...info, command: 'npm run bench:hardening -- --only=big-imports', bigImports: await benchBigImports(progress) }, null, 2));
  process.exit(0);
}
let notes = '';
try {
  // The analysis under the figures, kept in its own file so a new run keeps it.
  notes = readFileSync(join(REPO_ROOT, 'docs/bench-hardening-notes.md'), 'utf8');
} catch {
  // No analysis written yet: the section carries figures only.
}
const section = `${hardeningSection(await benchHardening(progress), info)}${notes ? `\n${notes.trimEnd()}\n` : ''}`;
console.log(section);
if (!argv.includes('--no-write')) {
  const file = join(REPO_ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const heading = '## Hardening (npm run bench:hardening)';
  const start = doc.indexOf(heading);
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + heading.length);
  const updated = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next)}`;
  writeFileSync(file, updated);
  progress('wrote the Hardening section of docs/benchmarks.md');
}
