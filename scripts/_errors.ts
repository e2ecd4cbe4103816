import { loadCorpus } from './directive-corpus/corpus';
import { CONSTRUCTED_DEV, PRUNE_BELOW, TRAIN_OPTIONS, outOfFold, prepareCorpus } from './directive-corpus/training';
import { loadPeople, loadUnits } from './extract-context';
import { repairText } from '../server/repair/repair';
import { splitSentences } from '../server/persian/sentences';
const units = loadUnits(); const people = loadPeople();
const docs = loadCorpus(['train', 'dev']);
const corpus = prepareCorpus(docs, CONSTRUCTED_DEV, units, people);
const oof = outOfFold(corpus, { options: TRAIN_OPTIONS, constructed: true, drop: new Set() }, (w) => w.map((x) => (Math.abs(x) < PRUNE_BELOW ? 0 : x)));
const T = 0.24;
const miss: string[] = []; const fa: string[] = [];
corpus.judged.forEach((d, k) => {
  const doc = docs[k]!;
  const text = repairText(doc.text).text;
  const sents = splitSentences(text);
  const ps = oof.documents[k]!;
  const req = doc.gold.filter((g) => g.required);
  const found = new Set<number>();
  d.sentences.forEach((s, i) => { if (ps[i]! >= T) s.required.forEach((r) => found.add(r)); });
  req.forEach((g, r) => {
    if (found.has(r)) return;
    const i = d.sentences.findIndex((s) => s.required.includes(r));
    const prev = i > 0 ? sents[i - 1]?.text.slice(-120) : '';
    miss.push(`MISS ${doc.doc} p=${i >= 0 ? ps[i]!.toFixed(2) : '?'} rule=${i >= 0 ? d.sentences[i]!.ruleSuggested : '?'} kind=${g.kind} giver=${g.giver} assignee=${g.assignee}\n   PREV: ${prev}\n   ${g.quote.slice(0, 300)}`);
  });
  d.sentences.forEach((s, i) => { if (ps[i]! >= T && !s.correct) fa.push(`FA ${doc.doc} p=${ps[i]!.toFixed(2)} rule=${s.ruleSuggested} neg=${d.negative}\n   ${sents[i]?.text.slice(0, 300)}`); });
});
console.log(miss.join('\n')); console.log('======'); console.log(fa.join('\n'));
