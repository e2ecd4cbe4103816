/**
 * `npm run bench:extract`: the speed of repair + directive detection (what an import runs), on real
 * Persian from the shared corpora (reserved articles excluded): sentences per second document by
 * document, then one text of 100k and 1M characters, with its punctuation and without (as speech
 * captions arrive). The old rules alone are timed in the same run for comparison.
 */
import { explainDirectives, type DetectionMethod } from '../server/detection/extract';
import { repairText } from '../server/repair/repair';
import { readSourceDocuments, requireCorpora } from './directive-corpus/sources';
import { loadUnits } from './extract-context';

const units = loadUnits();
const root = requireCorpora('bench:extract');
const docs = [...readSourceDocuments(root)].filter((d) => d.id.startsWith('farsnews/')).slice(0, 600);

function run(text: string, method: DetectionMethod): { ms: number; sentences: number } {
  const t0 = performance.now();
  const verdicts = explainDirectives({ text: repairText(text).text, sessionDate: '1390-01-01', units, method });
  return { ms: performance.now() - t0, sentences: verdicts.length };
}

console.log(`bench:extract — ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
for (const method of ['model', 'rules'] as const) {
  let ms = 0;
  let sentences = 0;
  for (const d of docs.slice(0, 300)) {
    const r = run(d.text, method);
    ms += r.ms;
    sentences += r.sentences;
  }
  console.log(`${method}: ${sentences} sentences of 300 documents in ${(ms / 1000).toFixed(2)} s = ${Math.round(sentences / (ms / 1000))} sentences/s`);
}
const all = docs.map((d) => d.text).join('\n\n');
for (const size of [100_000, 1_000_000]) {
  const text = all.slice(0, size);
  const bare = text.replace(/[.!?؟…\n]+/g, ' ');
  for (const [name, t] of [['punctuated', text], ['unpunctuated', bare]] as const) {
    const r = run(t, 'model');
    console.log(`${(size / 1000).toFixed(0)}k characters, ${name}: ${(r.ms / 1000).toFixed(2)} s (${r.sentences} sentences)`);
  }
}
