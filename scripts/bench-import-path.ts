/**
 * `npm run bench:import-path [-- --size 1000000] [--runs 3] [--bare]`: the CPU time of what an upload
 * of a write-up runs in the extraction worker (readImport: repair, reading, slug; finishImport:
 * detection and the repairs' summary), on one text of real Persian from the shared corpora (reserved
 * articles excluded), Fars News first, then Hamshahri, with and without its punctuation; process CPU time, not wall time, so other
 * work on the machine matters less. Prints the load average with the figures.
 */
import { cpus, loadavg } from 'node:os';
import { finishImport, readImport, type ImportContext } from '../server/imports/import-source';
import { warmUpImport } from '../server/imports/warm-up-import';
import { argValue } from './cli';
import { readSourceDocuments, requireCorpora } from './directive-corpus/sources';
import { loadPeople, loadUnits } from './extract-context';

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? '1000000');
const runs = Number(argValue(argv, '--runs') ?? '3');
const units = loadUnits();
const people = loadPeople();
const context: ImportContext = { units, people, catalogue: { unitCodes: new Set(units.map((u) => u.code)), people: new Map(people.map((p) => [p.key, p.name])) } };
const root = requireCorpora('bench:import-path');
let all = '';
for (const d of readSourceDocuments(root)) {
  all += `${d.text}\n\n`;
  if (all.length >= size) break;
}
const text = all.slice(0, size);
const bare = text.replace(/[.!?؟…\n]+/g, ' ');

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

warmUpImport();
console.log(`bench:import-path — ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
const only = argv.includes('--bare') ? [['unpunctuated', bare]] : argv.includes('--punctuated') ? [['punctuated', text]] : [['punctuated', text], ['unpunctuated', bare]];
for (let run = 1; run <= runs; run++) {
  for (const [name, t] of only) {
    const c0 = cpuMs();
    const w0 = performance.now();
    const reading = readImport({ text: t!, format: 'text', fileName: 'bench.txt', heldOn: '2011-03-21', title: `bench ${run} ${name}` }, context);
    const c1 = cpuMs();
    const prepared = finishImport(reading, context);
    const c2 = cpuMs();
    const wall = performance.now() - w0;
    console.log(
      `${(t!.length / 1000).toFixed(0)}k characters, ${name}, run ${run}: CPU ${((c2 - c0) / 1000).toFixed(2)} s (read + repair ${((c1 - c0) / 1000).toFixed(2)} s, detection ${((c2 - c1) / 1000).toFixed(2)} s), wall ${(wall / 1000).toFixed(2)} s, ${prepared.input.directives.length} suggestions + candidates`,
    );
  }
}
console.log(`load at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
