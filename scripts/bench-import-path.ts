/**
 * `npm run bench:import-path [-- --size 1000000] [--runs 3] [--punctuated | --bare] [--compiled]`: the CPU
 * time of what an upload of a write-up runs in the extraction worker (readImport: repair, reading,
 * slug; finishImport: detection and the repairs' summary), on one text of real Persian from the
 * shared corpora (Fars News, then Hamshahri; reserved articles and the test split left out), with its
 * punctuation and without (as speech captions come). Process CPU time (the garbage collector's
 * helper threads included), not only wall time, so other work on the shared machine matters less.
 * `--compiled` runs the same code bundled by esbuild as `npm start` runs it (tsx names every closure
 * it compiles, which the bundle does not). Prints the load average with the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishImport, readImport, type ImportContext } from '../server/imports/import-source';
import { warmUpImport } from '../server/imports/warm-up-import';
import { argValue } from './cli';
import { readManifest } from './directive-corpus/corpus';
import { readSourceDocuments, requireCorpora } from './directive-corpus/sources';
import { loadPeople, loadUnits } from './extract-context';

const argv = process.argv.slice(2);
const root = requireCorpora('bench:import-path');

// The bundle is started with --in-bundle added: it then runs the benchmark itself.
const inBundle = argv.includes('--in-bundle');

if (argv.includes('--compiled') && !inBundle) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-import-path-'));
  try {
    const outfile = join(dir, 'bench-import-path.mjs');
    await build({
      entryPoints: [new URL(import.meta.url).pathname],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['@libsql/client', 'libsql', 'esbuild'],
      banner: { js: "import { createRequire as __neshastRequire } from 'node:module'; const require = __neshastRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const run = spawnSync(process.execPath, [outfile, ...argv, '--in-bundle'], { stdio: 'inherit', env: { ...process.env, NESHAST_CORPORA: root } });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const size = Number(argValue(argv, '--size') ?? '1000000');
  const runs = Number(argValue(argv, '--runs') ?? '3');
  const units = loadUnits();
  const people = loadPeople();
  const context: ImportContext = { units, people, catalogue: { unitCodes: new Set(units.map((u) => u.code)), people: new Map(people.map((p) => [p.key, p.name])) } };
  const testSplit = new Set(readManifest().filter((r) => r.split === 'test').map((r) => r.id));
  let all = '';
  for (const d of readSourceDocuments(root)) {
    if (testSplit.has(d.id)) continue;
    all += `${d.text}\n\n`;
    if (all.length >= size) break;
  }
  const text = all.slice(0, size);
  const bare = text.replace(/[.!?؟…\n]+/g, ' ');
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  warmUpImport();
  const how = inBundle ? 'compiled (esbuild bundle)' : 'tsx';
  console.log(`bench:import-path — ${new Date().toISOString().slice(0, 16)} UTC, ${how}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const texts: Array<[string, string]> = argv.includes('--bare') ? [['unpunctuated', bare]] : argv.includes('--punctuated') ? [['punctuated', text]] : [['punctuated', text], ['unpunctuated', bare]];
  for (let run = 1; run <= runs; run++) {
    for (const [name, t] of texts) {
      const c0 = cpuMs();
      const w0 = performance.now();
      const reading = readImport({ text: t, format: 'text', fileName: 'bench.txt', heldOn: '2011-03-21', title: `bench ${run} ${name}` }, context);
      const c1 = cpuMs();
      const prepared = finishImport(reading, context);
      const c2 = cpuMs();
      const wall = performance.now() - w0;
      const s = (ms: number) => (ms / 1000).toFixed(2);
      console.log(
        `${(t.length / 1000).toFixed(0)}k characters, ${name}, run ${run}: CPU ${s(c2 - c0)} s (read + repair ${s(c1 - c0)} s, detection ${s(c2 - c1)} s), wall ${s(wall)} s, ${prepared.input.directives.length} suggestions + candidates`,
      );
    }
  }
  console.log(`load at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}
