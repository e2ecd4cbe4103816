/**
 * `npx tsx scripts/bench/repro-prepare.ts baayad|prose [CHARS]|dirs|ent`: one import's reading, repair and
 * extraction (prepareImport, what the extraction worker runs) on a red-team text, in this process,
 * with its time and the heap it leaves (run with --max-old-space-size=N to find the heap it needs); for profiling (`node --cpu-prof --import tsx scripts/bench/repro-prepare.ts …`).
 */
import { prepareImport } from '../../server/imports/import-source';
import { unpunctuatedPersian } from './hostile-text';

const which = process.argv[2] ?? 'baayad';
const texts: Record<string, () => string> = {
  baayad: () => 'باید\n'.repeat(100_000),
  prose: () => unpunctuatedPersian(Number(process.argv[3] ?? 500_000), 3),
  dirs: () => Array.from({ length: 20_000 }, (_, i) => `استان شماره ${i + 1} باید برنامه را ظرف دو هفته به سازمان ارسال کند.`).join('\n'),
  ent: () => '&nbsp;باید\n'.repeat(130_000),
};
const text = (texts[which] ?? texts.baayad)?.() ?? '';
const started = performance.now();
const prepared = prepareImport({ text, format: 'text', fileName: 'bench.txt', heldOn: '2021-01-20' }, { units: [], people: [], catalogue: { unitCodes: new Set(), people: new Map() } });
const heapMB = (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
console.log(
  `${which} ${text.length} characters: prepare ${(performance.now() - started).toFixed(0)} ms; repairs ${prepared.repairs.total}, directives ${prepared.input.directives.length}, paragraphs ${prepared.input.paragraphs.length}, body ${prepared.body.length}; heap used after ${heapMB} MB`,
);
