/**
 * `tsx scripts/directive-corpus/reconcile.ts [--packet FILE]`: reads both annotators' labels and the
 * adjudications in tests/fixtures/directive-corpus/, reports their agreement (Cohen's kappa per
 * sentence, for "any directive" and for "required directive"), writes the gold labels of every
 * document whose disagreements are all decided (labels.jsonl) and, with --packet, the undecided
 * disagreements as a text an adjudicator reads (each with the sentences around it and both labels).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { splitSentences } from '../../server/persian/sentences';
import { CORPUS_DIR, readJsonl, readManifest } from './corpus';
import { goldOf, kappa, sentenceCodes, type Adjudication, type Disagreement, type RawLabels } from './labels';
import { readSourceIndex, requireCorpora } from './sources';

const args = process.argv.slice(2);
const packetAt = args.indexOf('--packet');
const packet = packetAt >= 0 ? args[packetAt + 1] : null;

const read = (name: string) => (existsSync(`${CORPUS_DIR}/${name}`) ? readJsonl<RawLabels>(`${CORPUS_DIR}/${name}`) : []);
const byDoc = (rows: RawLabels[]) => new Map(rows.map((r) => [r.doc, r] as const));
const a = byDoc(read('annotator-a.jsonl'));
const b = byDoc(read('annotator-b.jsonl'));
const decided = new Map(
  (existsSync(`${CORPUS_DIR}/adjudication.jsonl`) ? readJsonl<Adjudication>(`${CORPUS_DIR}/adjudication.jsonl`) : []).map((d) => [`${d.doc}#${d.s}`, d] as const),
);

const index = readSourceIndex(requireCorpora('directive-corpus:reconcile'));
const anyA: boolean[] = [];
const anyB: boolean[] = [];
const reqA: boolean[] = [];
const reqB: boolean[] = [];
const docA: boolean[] = [];
const docB: boolean[] = [];
const gold: string[] = [];
const undecided: { d: Disagreement; sentences: string[]; date: string }[] = [];
let docs = 0;
let withDirective = 0;
let required = 0;
let soft = 0;
for (const row of readManifest()) {
  const la = a.get(row.doc);
  const lb = b.get(row.doc);
  if (!la || !lb) continue;
  const text = index.get(row.id)?.text;
  if (text === undefined) throw new Error(`${row.doc}: ${row.id} missing from the corpora`);
  const sentences = splitSentences(text);
  const ca = sentenceCodes(la, sentences.length);
  const cb = sentenceCodes(lb, sentences.length);
  ca.forEach((c, i) => {
    anyA.push(c > 0);
    anyB.push(cb[i]! > 0);
    reqA.push(c === 2);
    reqB.push(cb[i] === 2);
  });
  docA.push(ca.some((c) => c === 2));
  docB.push(cb.some((c) => c === 2));
  const result = goldOf(row.doc, sentences, la, lb, decided);
  if (result.undecided.length > 0) {
    for (const d of result.undecided) undecided.push({ d, sentences: sentences.map((s) => s.text), date: row.date });
    continue;
  }
  docs++;
  if (result.gold.some((g) => g.required)) withDirective++;
  required += result.gold.filter((g) => g.required).length;
  soft += result.gold.filter((g) => !g.required).length;
  gold.push(JSON.stringify({ doc: row.doc, directives: result.gold }));
}
writeFileSync(`${CORPUS_DIR}/labels.jsonl`, gold.join('\n') + (gold.length ? '\n' : ''));
const fmt = (k: { kappa: number; agreement: number; n: number }) => `κ ${k.kappa.toFixed(3)} (agreement ${(k.agreement * 100).toFixed(1)}% of ${k.n})`;
const summary = {
  sentencesAny: kappa(anyA, anyB),
  sentencesRequired: kappa(reqA, reqB),
  documentsWithRequired: kappa(docA, docB),
};
writeFileSync(`${CORPUS_DIR}/agreement.json`, JSON.stringify(summary, null, 2) + '\n');
console.log(`agreement, sentences, any directive:      ${fmt(summary.sentencesAny)}`);
console.log(`agreement, sentences, required directive: ${fmt(summary.sentencesRequired)}`);
console.log(`agreement, documents with a required one: ${fmt(summary.documentsWithRequired)}`);
console.log(`gold: ${docs} documents (${withDirective} with a required directive), ${required} required + ${soft} soft directives; ${undecided.length} disagreements undecided`);

if (packet) {
  const show = (l: Disagreement['a']) =>
    l ? `directive, ${l.required ? 'required' : 'soft'}, kind ${l.kind}, giver ${l.giver ?? '—'}, assignee ${l.assignee ?? '—'}, deadline ${l.deadline ?? '—'}, due ${l.due ?? '—'}` : 'NOT a directive';
  const parts = undecided.map(({ d, sentences, date }, i) => {
    const around = sentences
      .map((t, k) => ({ t, k: k + 1 }))
      .filter(({ k }) => k === 1 || Math.abs(k - d.s) <= 2)
      .map(({ t, k }) => `${k === d.s ? '>>' : '  '} [${k}] ${t}`);
    return [`### item ${i + 1}: ${d.doc} sentence ${d.s} (published ${date}) — they disagree on: ${d.about}`, ...around, `annotator 1: ${show(d.a)}`, `annotator 2: ${show(d.b)}`, ''].join('\n');
  });
  writeFileSync(packet, parts.join('\n'));
  console.log(`wrote ${undecided.length} items to ${packet}`);
}
