/**
 * `npm run bench:extract`: the speed of repair + directive detection (what an import runs), on real
 * Persian from the shared corpora (reserved articles excluded): sentences per second document by
 * document, then one text of 100k and 1M characters, with its punctuation and without (as speech
 * captions arrive). The old rules alone are timed in the same run for comparison.
 */
import { loadavg } from 'node:os';
import { explainDirectives, type DetectionMethod } from '../server/detection/extract';
import { repairText } from '../server/repair/repair';
import { readSourceDocuments, requireCorpora } from './directive-corpus/sources';
import { loadUnits } from './extract-context';

const units = loadUnits();
const root = requireCorpora('bench:extract');
const docs = [...readSourceDocuments(root)].filter((d) => d.id.startsWith('farsnews/')).slice(0, 600);

/** CPU time of this process (ms): what the work cost, whoever else shares the cores. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(text: string, method: DetectionMethod): { ms: number; cpu: number; sentences: number } {
  const t0 = performance.now();
  const c0 = cpuMs();
  const verdicts = explainDirectives({ text: repairText(text).text, sessionDate: '1390-01-01', units, method });
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, sentences: verdicts.length };
}

console.log(`bench:extract — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
for (const method of ['model', 'rules'] as const) {
  let ms = 0;
  let cpu = 0;
  let sentences = 0;
  for (const d of docs.slice(0, 300)) {
    const r = run(d.text, method);
    ms += r.ms;
    cpu += r.cpu;
    sentences += r.sentences;
  }
  console.log(
    `${method}: ${sentences} sentences of 300 documents in ${(ms / 1000).toFixed(2)} s = ${Math.round(sentences / (ms / 1000))} sentences/s; CPU ${(cpu / 1000).toFixed(2)} s = ${(cpu / sentences).toFixed(2)} ms a sentence`,
  );
}
const all = docs.map((d) => d.text).join('\n\n');
for (const size of [100_000, 1_000_000]) {
  const text = all.slice(0, size);
  const bare = text.replace(/[.!?؟…\n]+/g, ' ');
  for (const [name, t] of [['punctuated', text], ['unpunctuated', bare]] as const) {
    const r = run(t, 'model');
    console.log(`${(size / 1000).toFixed(0)}k characters, ${name}: ${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpu / 1000).toFixed(2)} s (${r.sentences} sentences)`);
  }
}
